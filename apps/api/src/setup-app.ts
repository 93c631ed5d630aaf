import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { TokenService } from './auth/token.service';
import { ChatIoAdapter } from './chat/chat-io.adapter';
import { AllExceptionsFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { migrateAndSeed } from './database/migrator';
import { SeedService } from './seed/seed.service';

/** Everything main.ts and the integration tests do alike to an app, so the tests exercise the real thing. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
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
  app.useBodyParser('json', { limit: '1mb' });
  // Grade files arrive as text/csv; 100,000 rows are a few megabytes.
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '25mb' });
  app.enableShutdownHooks();
  // chat: socket.io on this port, fanned out to the other instances through PostgreSQL or Redis.
  app.useWebSocketAdapter(new ChatIoAdapter(app, config));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Peer mentoring API')
      .setDescription('Peer-mentoring programs for preclinical medical students. Errors are {statusCode, error, message}.')
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
