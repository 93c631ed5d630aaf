import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { GracefulShutdown } from './health/graceful-shutdown';
import { configureApp, fastifyOptions } from './setup-app';

export interface CreatedApp {
  app: NestFastifyApplication;
  /** main.ts calls `shutdown.listen()` to act on signals; tests close their apps themselves. */
  shutdown: GracefulShutdown;
}

/**
 * The one way the application is built, by main.ts and by every test (test/test-app.ts in process,
 * test/api-process.ts through main.js): the same module on the same Fastify options, the dashboard served
 * from WEB_DIST, the same hooks in the same order, body parsers, pipes, filter and socket adapter. The tests
 * once booted it without the dashboard, and so never saw that the static fallback turned every refused body
 * into "404 Cannot POST".
 *
 * Nest runs on Fastify rather than Express: the same guarded route costs about 50 µs of CPU there against
 * 250 µs on Express (bench/profile/frameworks.mjs, BENCHMARKS.md "Issue 17").
 */
export async function createApp(config: AppConfig, options: { quiet?: boolean } = {}): Promise<CreatedApp> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter(fastifyOptions(config)), {
    // Bodies are parsed by configureApp, with our limits and our error answers.
    bodyParser: false,
    ...(options.quiet ? { logger: false } : { bufferLogs: true }),
  });
  // First of all hooks: while draining, no connection is kept alive.
  const shutdown = new GracefulShutdown(app, app.get(Logger), config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
  app.getHttpAdapter().getInstance().addHook('onRequest', shutdown.onRequest);
  await configureApp(app, config);
  return { app, shutdown };
}
