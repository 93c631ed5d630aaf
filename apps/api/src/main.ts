// Must stay the first import: it maps the `@pm/*` and `@api/*` aliases for the compiled code that follows.
import './alias';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { GracefulShutdown } from './health/graceful-shutdown';
import { configureApp, prepareData } from './setup-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  // dist/apps/api/apps/api/src → dist/apps/web, where `nx build web` puts the dashboard.
  config.WEB_DIST ??= join(__dirname, '..', '..', '..', '..', 'web');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  const shutdown = new GracefulShutdown(app, app.get(Logger), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  app.use(shutdown.middleware);
  configureApp(app, config);
  await prepareData(app);
  await app.listen(config.PORT);
  shutdown.listen();
  app.get(Logger).log(`Listening on http://localhost:${config.PORT} (API under /api, docs at /api/docs)`);
}

void bootstrap();
