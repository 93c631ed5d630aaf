import type { INestApplication, LoggerService } from '@nestjs/common';
import { GracefulShutdown } from './graceful-shutdown';

function fakes(close: () => Promise<void>) {
  const server = { close: jest.fn(), closeIdleConnections: jest.fn() };
  const app = { getHttpServer: () => server, close: jest.fn(close) } as unknown as INestApplication;
  const logger: LoggerService = { log: jest.fn(), error: jest.fn(), warn: jest.fn() };
  const exit = jest.fn();
  return { server, app, logger, exit };
}

describe('GracefulShutdown', () => {
  it('stops listening first, then closes the app, then exits 0; a second signal changes nothing', async () => {
    const order: string[] = [];
    const f = fakes(async () => {
      order.push('app.close');
    });
    f.server.close.mockImplementation(() => order.push('server.close'));
    const shutdown = new GracefulShutdown(f.app, f.logger, 10_000, f.exit);
    const first = shutdown.shutdown('SIGTERM');
    await shutdown.shutdown('SIGINT');
    await first;
    expect(order).toEqual(['server.close', 'app.close']);
    expect(f.app.close).toHaveBeenCalledTimes(1);
    expect(f.exit).toHaveBeenCalledWith(0);
  });

  it('asks keep-alive clients to close their connection while draining', async () => {
    const f = fakes(() => new Promise(() => undefined));
    const shutdown = new GracefulShutdown(f.app, f.logger, 10_000, f.exit);
    const raw = { setHeader: jest.fn() };
    const next = jest.fn();
    shutdown.onRequest({}, { raw } as never, next);
    expect(raw.setHeader).not.toHaveBeenCalled();
    void shutdown.shutdown('SIGTERM');
    shutdown.onRequest({}, { raw } as never, next);
    expect(raw.setHeader).toHaveBeenCalledWith('Connection', 'close');
    expect(next).toHaveBeenCalledTimes(2);
  });

  it('exits 1 when draining outlasts the timeout', async () => {
    jest.useFakeTimers();
    try {
      const f = fakes(() => new Promise(() => undefined));
      void new GracefulShutdown(f.app, f.logger, 5_000, f.exit).shutdown('SIGTERM');
      jest.advanceTimersByTime(5_001);
      expect(f.exit).toHaveBeenCalledWith(1);
    } finally {
      jest.useRealTimers();
    }
  });
});
