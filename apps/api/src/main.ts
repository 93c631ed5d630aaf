// Must stay the first import: it maps the `@pm/*` and `@api/*` aliases for the compiled code that follows.
import './alias';
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config/app-config';
import { createApp } from './create-app';
import { prepareData } from './setup-app';

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
  const { app, shutdown } = await createApp(config);
  await prepareData(app);
  // Every interface, as Express did: Fastify alone would listen on localhost only, unreachable in a container.
  await app.listen(config.PORT, '0.0.0.0');
  shutdown.listen();
  app.get(Logger).log(`Listening on http://localhost:${config.PORT} (API under /api, docs at /api/docs)`);
}

void bootstrap();
