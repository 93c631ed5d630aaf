import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@api/config/app-config';
import { createApp } from '@api/create-app';
import { prepareData } from '@api/setup-app';

/** A stand-in for the built dashboard (`nx build web` is not needed to test the API): the app serves it as it ships. */
export const WEB_DIST_FIXTURE = join(__dirname, 'fixtures', 'web-dist');

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/**
 * Boots the real application (createApp, as main.ts does, the dashboard included) against the run's database,
 * then empties every table so each suite starts from nothing. Migrations are applied by the first suite only.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    ...process.env,
    DEMO_SEED: 'false',
    AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    WEB_DIST: WEB_DIST_FIXTURE,
    ...env,
  });
  const { app } = await createApp(config, { quiet: true });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await truncateAll(dataSource);
  await prepareData(app);
  await app.init();
  // Fastify takes requests once its plugins have loaded; supertest sends to the server straight away.
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataSource,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}

export async function truncateAll(dataSource: DataSource): Promise<void> {
  const tables = dataSource.entityMetadatas.map((m) => `"${m.tableName}"`).filter((t) => t !== '"app_setting"');
  const existing: Array<{ count: number }> = await dataSource.query(
    `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'app_user'`,
  );
  // Before the very first migration there is nothing to empty.
  if (existing[0]?.count === 0) return;
  await dataSource.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
}
