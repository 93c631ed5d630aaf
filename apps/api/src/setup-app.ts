import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { NextFunction, Request, Response } from 'express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { Server, ServerOptions } from 'socket.io';
import type { DataSource } from 'typeorm';
import { TokenService } from './auth/token.service';
import { ChatIoAdapter } from './chat/chat-io.adapter';
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
 * before Express runs, with no body. Clients rely on every error being the contract's JSON, so say it here.
 */
function answerMalformedRequestsWithJson(server: HttpServer): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable) return socket.destroy();
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
  });
}

/** Everything main.ts and the integration tests do alike to an app, so the tests exercise the real thing. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  const filter = new AllExceptionsFilter();
  app.useGlobalFilters(filter);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // Express hashes every response body for a weak ETag; no client of the API revalidates JSON, and the one
  // route that does (the calendar feed) sets its own. The hash cost a few percent of every request's CPU.
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI at /api/docs needs inline styles; the dashboard itself needs nothing beyond 'self'.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
        },
      },
    }),
  );
  // Same origin only unless CORS_ORIGINS names other sites; no CORS header at all otherwise.
  const cors = new CorsPolicy(config);
  const httpCors = cors.http();
  if (httpCors) app.enableCors(httpCors);
  app.useBodyParser('json', { limit: '1mb' });
  // Grade files arrive as text/csv; 100,000 rows are a few megabytes.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '25mb' });
  // A body the parsers refuse (malformed, a top-level null, too large, a charset or Content-Encoding they do not
  // read) is answered here, by the same filter as every other error: left to travel on, it met the static
  // dashboard's error handler, which answers anything under /api with "404 Cannot POST".
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => filter.catch(error, new ExecutionContextHost([req, res, next])));
  answerMalformedRequestsWithJson(app.getHttpServer() as HttpServer);
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
}

/** Migrations, then the first admin and the demo data, then the signing secret (which may live in the database). */
export async function prepareData(app: INestApplication): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await migrateAndSeed(dataSource, async () => {
    await app.get(TokenService).init();
    await app.get(SeedService).run();
  });
}
