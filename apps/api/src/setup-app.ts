import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { FastifyReply, FastifyServerOptions } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { Server, ServerOptions } from 'socket.io';
import type { DataSource } from 'typeorm';
import { TokenService } from './auth/token.service';
import { ChatIoAdapter } from './chat/chat-io.adapter';
import { registerBodyParsers, TEXT_BODY_LIMIT_BYTES } from './common/body-parsing';
import { RequestLogging } from './common/request-logging';
import { serveDashboard } from './common/dashboard';
import { staticSecurityHeaders } from './common/security-headers';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { CorsPolicy } from './config/cors-policy';
import { migrateAndSeed } from './database/migrator';
import { SeedService } from './seed/seed.service';

/** The chat's adapter with the CORS policy's socket.io options (allowed origins) merged in. */
class OriginCheckedIoAdapter extends ChatIoAdapter {
  constructor(
    app: INestApplicationContext,
    config: AppConfig,
    private readonly cors: CorsPolicy,
  ) {
    super(app, config);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, { ...options, ...this.cors.socketIo() } as ServerOptions);
  }
}

/**
 * Node's HTTP parser answers requests it cannot parse (headers over 16 KB: 431; a malformed request line: 400)
 * before any route runs. Clients rely on every error being the contract's JSON, so say it here; Fastify calls
 * this instead of its own answer.
 */
function answerMalformedRequestWithJson(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const statusCode = tooLarge ? 431 : 400;
  const body = JSON.stringify({
    statusCode,
    error: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
    message: tooLarge ? 'The request line and headers must stay under 16 KB' : 'The request could not be parsed',
  });
  socket.end(
    `HTTP/1.1 ${statusCode} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** The Fastify instance's options, for createApp: everything that must be decided before the first route. */
export function fastifyOptions(config: AppConfig): FastifyServerOptions {
  return {
    // Behind a reverse proxy the client address (rate limits) and protocol (links in e-mails) come from X-Forwarded-*.
    trustProxy: config.TRUST_PROXY,
    // The largest body any route takes (a grade file); each parser enforces its own limit (body-parsing.ts).
    bodyLimit: TEXT_BODY_LIMIT_BYTES,
    // While draining (GracefulShutdown), a request still arriving on an open connection is answered, with
    // `Connection: close`, rather than refused with a 503.
    return503OnClosing: false,
    routerOptions: {
      // As on Express: `/api/me/` is `/api/me`, and a path parameter (an address's secret token) has no length limit
      // of the router's; the validation pipe decides what is too long.
      ignoreTrailingSlash: true,
      maxParamLength: 4096,
    },
    clientErrorHandler: answerMalformedRequestWithJson,
    // A path that does not decode (`/api/users/%FF`) is the client's error, answered in the contract's shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const statusCode = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      void reply.code(statusCode).send({ statusCode, error: STATUS_CODES[statusCode] ?? 'Bad Request', message: 'The request URL could not be decoded' });
    },
  };
}

/** Everything main.ts and the integration tests do alike to an app, so the tests exercise the real thing. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(Logger));
  app.get(RequestLogging).register(app.getHttpAdapter().getInstance());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // helmet's headers, worked out once at boot and copied onto every reply (bench/profile: running helmet's
  // middleware per request, header by header on the raw response, cost more than Nest's whole routing).
  const securityHeaders = staticSecurityHeaders();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
    });
  // Same origin only unless CORS_ORIGINS names other sites; no CORS header at all otherwise.
  const cors = new CorsPolicy(config);
  const httpCors = cors.http();
  if (httpCors) app.enableCors(httpCors);
  // JSON and grade files, with body-parser's limits and refusals, each answered by the filter in the contract's
  // shape (400 MALFORMED_BODY, 413 BODY_TOO_LARGE, 415 UNSUPPORTED_BODY_ENCODING).
  registerBodyParsers(app.getHttpAdapter().getInstance());
  // Signals are main.ts's business (GracefulShutdown): tests close their apps themselves.
  // chat: socket.io on this port, fanned out to the other instances through PostgreSQL or Redis, and
  // refusing handshakes from foreign origins.
  app.useWebSocketAdapter(new OriginCheckedIoAdapter(app, config, cors));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Peer mentoring API')
      .setDescription(
        'Peer-mentoring programs for preclinical medical students. Errors are {statusCode, error, message, code?}; a refused input ' +
          '(400 VALIDATION_FAILED) adds fields: [{field, code, params?}]; a body the parser refuses is 400 MALFORMED_BODY, 413 BODY_TOO_LARGE or 415 UNSUPPORTED_BODY_ENCODING.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (config.WEB_DIST && existsSync(config.WEB_DIST)) await serveDashboard(app, config.WEB_DIST);
}

/** Migrations, then the first admin and the demo data, then the signing secret (which may live in the database). */
export async function prepareData(app: INestApplication): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await migrateAndSeed(dataSource, async () => {
    await app.get(TokenService).init();
    await app.get(SeedService).run();
  });
}
