import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { GracefulShutdown } from './health/graceful-shutdown';
import { configureApp } from './setup-app';

export interface CreatedApp {
  app: NestExpressApplication;
  /** main.ts calls `shutdown.listen()` to act on signals; tests close their apps themselves. */
  shutdown: GracefulShutdown;
}

/**
 * The one way the application is built, by main.ts and by every test (test/test-app.ts in process,
 * test/api-process.ts through main.js): the same module, the dashboard served from WEB_DIST, the same
 * middleware in the same order, body parsers, pipes, filter and socket adapter. The tests once booted it
 * without the dashboard, and so never saw that the static module's error handler turned every refused
 * body into "404 Cannot POST".
 */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<CreatedApp> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Bodies are parsed by configureApp, with our limits and our error answers.
    bodyParser: false,
    ...(options.quiet ? { logger: false } : { bufferLogs: true }),
  });
  // First of all middleware: while draining, no connection is kept alive.
  const shutdown = new GracefulShutdown(app, app.get(Logger), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  app.use(shutdown.middleware);
  configureApp(app, config);
  return { app, shutdown };
}
