import { QueryFailedError } from 'typeorm';
import { describeDatabaseError, isDatabaseUnavailable, OutageReporter } from './database-errors';

const withCode = (message: string, code: string): Error => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a refused connection on every address of a host', Object.assign(new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['an AggregateError without its own code', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')])],
    ["pg-pool's connect timeout", new Error('timeout exceeded when trying to connect')],
    ['a connection ended by the server', new Error('Connection terminated unexpectedly')],
    ['an administrator shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a server still starting (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection failure (08006)', withCode('connection failure', '08006')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a statement timeout (57014)', withCode('canceling statement due to statement timeout', '57014')],
    ['a QueryFailedError wrapping a cut connection', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    ['a QueryFailedError wrapping a shutdown', new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01'))],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505'))],
    ['a syntax error', new QueryFailedError('SELEC', [], withCode('syntax error at or near "SELEC"', '42601'))],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('does not take %s for an outage', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('describes an error by its code and message, without the query parameters', () => {
    const error = new QueryFailedError('UPDATE app_user SET password_hash = $1', ['$argon2id$secret'], withCode('terminating connection due to administrator command', '57P01'));
    expect(describeDatabaseError(error)).toBe('57P01: terminating connection due to administrator command');
    expect(describeDatabaseError(error)).not.toContain('argon2');
  });
});

describe('OutageReporter', () => {
  it('writes one line per interval, counting what it held back', () => {
    let now = 0;
    const lines: string[] = [];
    const reporter = new OutageReporter((l) => lines.push(l), 'answering 503', 5_000, () => now);
    const refused = withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
    for (let i = 0; i < 10; i++) {
      reporter.report(refused);
      now += 1_000;
    }
    expect(lines).toEqual([
      'database unavailable, answering 503: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432',
      'database unavailable, answering 503: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432 (and 4 more since the last report)',
    ]);
  });
});
