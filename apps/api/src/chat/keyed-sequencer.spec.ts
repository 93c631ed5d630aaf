import { KeyedSequencer } from './keyed-sequencer';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('KeyedSequencer', () => {
  it('runs the tasks of one key one at a time, in submission order, whatever their durations', async () => {
    const sequencer = new KeyedSequencer();
    const log: string[] = [];
    const task = (name: string, ms: number) => async (): Promise<string> => {
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([sequencer.run('a', task('1', 30)), sequencer.run('a', task('2', 1)), sequencer.run('a', task('3', 10))]);
    expect(results).toEqual(['1', '2', '3']);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('runs different keys concurrently', async () => {
    const sequencer = new KeyedSequencer();
    const log: string[] = [];
    await Promise.all([
      sequencer.run('a', async () => {
        log.push('a start');
        await tick(20);
        log.push('a end');
      }),
      sequencer.run('b', async () => {
        log.push('b start');
        await tick(1);
        log.push('b end');
      }),
    ]);
    expect(log).toEqual(['a start', 'b start', 'b end', 'a end']);
  });

  it('goes on after a failed task, passes the failure to its caller, and forgets idle keys', async () => {
    const sequencer = new KeyedSequencer();
    const failed = sequencer.run('a', () => Promise.reject(new Error('boom')));
    const next = sequencer.run('a', () => Promise.resolve('fine'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('fine');
    await tick(0);
    expect(sequencer.size).toBe(0);
  });
});
