import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { ChangeFeed } from '@api/database/change-feed';
import { waitFor } from '@api-test/api-process';
import { newStudent } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { ACCOUNT_CHANNEL, AccountCache } from './account-cache';

describe('the guard reads accounts from memory, and hears every change (integration)', () => {
  let t: TestApp;
  let feed: ChangeFeed;
  let cache: AccountCache;
  beforeAll(async () => {
    t = await startTestApp();
    feed = t.app.get(ChangeFeed);
    cache = t.app.get(AccountCache);
    await waitFor(() => feed.live, 'the change feed');
  });
  afterAll(async () => t.close());

  /** How many times the account lookup reached the database while `work` ran. */
  async function lookups(work: () => Promise<unknown>): Promise<number> {
    const pool = (t.dataSource.driver as PostgresDriver).master as Pool;
    const spy = jest.spyOn(pool, 'query');
    try {
      await work();
      return spy.mock.calls.filter(([config]) => (config as unknown as { name?: string } | undefined)?.name === 'account_state').length;
    } finally {
      spy.mockRestore();
    }
  }

  it('makes no query to authenticate a signed-in request once the account is known', async () => {
    const s = await newStudent(t);
    const n = await lookups(async () => {
      for (let i = 0; i < 5; i++) await t.http().get('/api/me').set(s.auth).expect(200);
    });
    expect(n).toBe(1);
  });

  it('sees a change made by any path, even raw SQL from elsewhere, as soon as it commits', async () => {
    const s = await newStudent(t);
    await t.http().get('/api/me').set(s.auth).expect(200);
    const heard = feed.echo(ACCOUNT_CHANNEL, s.user.id);
    await t.dataSource.query('UPDATE app_user SET deactivated_at = now() WHERE id = $1', [s.user.id]);
    await heard;
    const res = await t.http().get('/api/me').set(s.auth).expect(401);
    expect(res.body.message).toBe('This account has been deactivated');
  });

  it('a new session version ends the old token at once; a change to another column is not a reason to forget', async () => {
    const s = await newStudent(t);
    await t.http().get('/api/me').set(s.auth).expect(200);
    const heard = feed.echo(ACCOUNT_CHANNEL, s.user.id);
    await t.dataSource.query('UPDATE app_user SET session_version = session_version + 1 WHERE id = $1', [s.user.id]);
    await heard;
    await t.http().get('/api/me').set(s.auth).expect(401);

    const other = await newStudent(t);
    await t.http().get('/api/me').set(other.auth).expect(200);
    await t.dataSource.query('UPDATE app_user SET updated_at = now() WHERE id = $1', [other.user.id]);
    expect(await lookups(() => t.http().get('/api/me').set(other.auth).expect(200))).toBe(0);
  });

  it('while the feed is down, reads every account from the database, and caches again once it is back', async () => {
    const s = await newStudent(t);
    await t.http().get('/api/me').set(s.auth).expect(200);
    expect(cache.size).toBeGreaterThan(0);
    await t.dataSource.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pm-change-feed' AND datname = current_database()`);
    await waitFor(() => !feed.live, 'the change feed to drop');
    expect(cache.size).toBe(0);
    // A change the feed cannot hear: the very next request still sees it, from the database.
    await t.dataSource.query('UPDATE app_user SET deactivated_at = now() WHERE id = $1', [s.user.id]);
    expect(await lookups(() => t.http().get('/api/me').set(s.auth).expect(401))).toBe(1);
    await t.dataSource.query('UPDATE app_user SET deactivated_at = NULL WHERE id = $1', [s.user.id]);
    await waitFor(() => feed.live, 'the change feed');
    const n = await lookups(async () => {
      for (let i = 0; i < 3; i++) await t.http().get('/api/me').set(s.auth).expect(200);
    });
    expect(n).toBe(1);
  });
});
