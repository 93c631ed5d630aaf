import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server, ServerResponse } from 'node:http';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
/** How often connections that fell idle after their last response are closed while draining. */
const IDLE_SWEEP_MS = 200;

/**
 * What the API does on SIGTERM (docker stop, Kubernetes, `npm start`'s launcher) or Ctrl-C, in this order:
 *
 * 1. stop accepting connections at once (the listening socket closes: a load balancer or a socket.io client
 *    goes to another instance), close idle keep-alive connections, and answer whatever still arrives on an
 *    open one with `Connection: close`;
 * 2. let the chat finish the events in flight (their acks still go out), emit `server:shutdown
 *    {reconnectAfterMs}` to every socket and close them (ChatGateway.beforeApplicationShutdown);
 * 3. wait for the HTTP requests in flight to complete, however long an import takes;
 * 4. only then close the database pool, and exit 0.
 *
 * A second signal (Ctrl-C reaches both the launcher and the API) changes nothing. If draining takes longer
 * than SHUTDOWN_TIMEOUT_SECONDS, the process exits 1 anyway.
 */
export class GracefulShutdown {
  private draining = false;

  constructor(
    private readonly app: INestApplication,
    private readonly logger: LoggerService,
    private readonly timeoutMs: number,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
  ) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /**
   * Fastify's first onRequest hook, before every route: while draining, no connection is kept alive. Set on the
   * Node response, so that error answers (written through a reply of their own) carry it too.
   */
  readonly onRequest = (_request: unknown, reply: { raw: ServerResponse }, done: () => void): void => {
    if (this.draining) reply.raw.setHeader('Connection', 'close');
    done();
  };

  listen(): void {
    for (const signal of SIGNALS) process.on(signal, () => void this.shutdown(signal));
  }

  async shutdown(reason: string): Promise<void> {
    if (this.draining) {
      this.logger.log(`${reason} received while already shutting down; still finishing what is in flight`, 'Shutdown');
      return;
    }
    this.draining = true;
    const startedAt = Date.now();
    this.logger.log(`${reason} received: no new connections; finishing requests and chat events in flight`, 'Shutdown');
    const deadline = setTimeout(() => {
      this.logger.error(`still busy after ${this.timeoutMs / 1000} s (SHUTDOWN_TIMEOUT_SECONDS): exiting anyway`, undefined, 'Shutdown');
      this.exit(1);
    }, this.timeoutMs);
    deadline.unref();

    const server = this.app.getHttpServer() as Server;
    server.close();
    server.closeIdleConnections();
    // A connection whose request was in flight falls idle once its response is sent; close it then.
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    sweep.unref();
    try {
      await this.app.close();
      this.logger.log(`stopped cleanly in ${Date.now() - startedAt} ms`, 'Shutdown');
      clearTimeout(deadline);
      this.exit(0);
    } catch (e) {
      this.logger.error(`shutdown failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, undefined, 'Shutdown');
      this.exit(1);
    } finally {
      clearInterval(sweep);
    }
  }
}
