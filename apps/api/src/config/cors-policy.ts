import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { IncomingMessage } from 'node:http';
import type { ServerOptions } from 'socket.io';
import type { AppConfig } from './app-config';

/**
 * Which web pages may use the API from a browser. The dashboard is served by the API itself, so it is same
 * origin and needs nothing; CORS_ORIGINS names the other sites allowed (say, a dashboard on its own domain).
 * Empty, no CORS header is ever sent and browsers keep every other site out.
 *
 * Chat sockets are checked too: a browser does not apply CORS to WebSockets, so the socket.io server itself
 * refuses a handshake whose Origin is neither this site nor a listed one. Clients that are not browsers send
 * no Origin and are let through (they still need a valid token).
 */
export class CorsPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(private readonly config: Pick<AppConfig, 'CORS_ORIGINS' | 'PUBLIC_URL' | 'TRUST_PROXY'>) {
    this.allowed = new Set(config.CORS_ORIGINS);
  }

  /** For `app.enableCors`, or undefined when no other origin is allowed (no CORS headers at all). */
  http(): Parameters<NestFastifyApplication['enableCors']>[0] {
    if (this.allowed.size === 0) return undefined;
    return {
      origin: [...this.allowed],
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      // One string, sent as it is (`Authorization,Content-Type`, as the cors package wrote it); a list would be joined with ", ".
      allowedHeaders: 'Authorization,Content-Type',
      exposedHeaders: ['Retry-After', 'Content-Disposition'],
      credentials: false,
      maxAge: 600,
    };
  }

  /** Options merged into the socket.io server's. */
  socketIo(): Partial<ServerOptions> {
    return {
      ...(this.allowed.size > 0 ? { cors: { origin: [...this.allowed], methods: ['GET', 'POST'], credentials: false } } : {}),
      allowRequest: (req, callback) => {
        if (this.socketOriginAllowed(req)) callback(null, true);
        else callback('Origin not allowed', false);
      },
    };
  }

  socketOriginAllowed(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    if (this.allowed.has(origin)) return true;
    if (this.config.PUBLIC_URL !== undefined && new URL(this.config.PUBLIC_URL).origin === origin) return true;
    // Same origin: the page was served by this API, under the host the browser addressed.
    const forwarded = this.config.TRUST_PROXY ? req.headers['x-forwarded-host'] : undefined;
    const host = (typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : undefined) ?? req.headers.host;
    try {
      return host !== undefined && new URL(origin).host === host.toLowerCase();
    } catch {
      return false;
    }
  }
}
