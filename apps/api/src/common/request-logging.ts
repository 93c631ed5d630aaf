import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

// Secrets that may travel in a URL path (calendar feed tokens, invitation tokens, join codes) or query (the school
// sign-in's `code`, `state` and `invitation`) are masked before a line is written.
const SECRET_PATH = /(\/calendar(?:-feed)?\/|\/auth\/invitations\/(?!accept\b)|\/join-codes\/)[^/?#]+/g;
const SECRET_QUERY = /([?&](?:code|state|token|invitation)=)[^&#]*/g;
export const safeUrl = (url: string | undefined): string => (url ?? '').replace(SECRET_PATH, '$1[redacted]').replace(SECRET_QUERY, '$1[redacted]');

/**
 * The process's logger and its request log. Stdout is written asynchronously: a synchronous write per request held
 * the event loop for every log line (bench/profile); pino flushes what is pending when the process exits.
 * Made once (AppModule.forRoot) and shared by Nest's logger and the request hook.
 */
export class RequestLogging {
  readonly logger: Logger;
  readonly http: HttpLogger<IncomingMessage, ServerResponse>;

  /** `destination`: stdout, written asynchronously; a spec passes a stream of its own. */
  constructor(level: string, destination: DestinationStream = pino.destination({ dest: 1, sync: false })) {
    this.logger = pino(
      {
        level,
        // Only what an operator needs; headers (Authorization, cookies) and bodies (passwords) are never logged.
        redact: { paths: ['req.headers', 'password', '*.password', 'accessToken', 'refreshToken', '*.accessToken', '*.refreshToken'], censor: '[redacted]' },
      },
      destination,
    );
    this.http = pinoHttp({
      logger: this.logger,
      serializers: {
        req: (req: IncomingMessage & { id?: unknown }) => ({ id: req.id, method: req.method, url: safeUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' },
    });
  }

  /**
   * One line per request ("request completed", with its id, method, masked URL, status and time), from a Fastify
   * hook on the raw request, at level info. It used to be nestjs-pino's Nest middleware, which ran each request inside
   * an AsyncLocalStorage so that any line written during it carried the request: on Node 20 that switches on a
   * promise hook for every promise in the process, and with the middleware layer it cost 40% of `GET /api/me`'s CPU
   * (BENCHMARKS.md "Issue 17, part five"). Lines the application writes during a request name the request
   * themselves (AllExceptionsFilter), by Fastify's request id, which the request line carries too.
   *
   * Below info (LOG_LEVEL=warn or higher) pino-http would write nothing (every request line, errored or not, is an
   * info line), so the hook is not installed at all rather than building a child logger per request for nothing.
   */
  register(fastify: FastifyInstance): void {
    if (!this.logger.isLevelEnabled('info')) return;
    const http = this.http;
    fastify.addHook('onRequest', (request, reply, done) => {
      (request.raw as IncomingMessage & { id?: unknown }).id = request.id;
      http(request.raw, reply.raw);
      done();
    });
  }
}
