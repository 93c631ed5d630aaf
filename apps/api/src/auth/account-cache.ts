import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '@pm/contracts';
import { ChangeFeed, type ChangeSubscriber } from '@api/database/change-feed';
import { prepared, runPrepared } from '@api/database/prepared';

/** The NOTIFY channel of the `app_user_account_changed` trigger (migration AccountChangeNotify). */
export const ACCOUNT_CHANNEL = 'pm_account_changed';

/** What the guard needs of an account (who it is, whether its tokens still count), and what GET /api/me answers. */
export interface AccountState {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  yearOfStudy: number | null;
  sessionVersion: number;
  deactivatedAt: Date | null;
}

/** Enough for every active user of a large school on one instance; the oldest entry goes first. */
const MAX_ENTRIES = 20_000;
/** Belt and braces: even a change the feed somehow never delivered stops mattering after this. */
const MAX_AGE_MS = 5 * 60_000;

const LOOKUP = prepared('account_state', 'SELECT id, email, full_name, role, year_of_study, session_version, deactivated_at FROM app_user WHERE id = $1');

interface Row {
  id: string;
  email: string;
  full_name: string;
  role: Role;
  year_of_study: number | null;
  session_version: number;
  deactivated_at: Date | null;
}

/**
 * The accounts behind access tokens, kept in memory so a signed-in request makes no query to authenticate.
 * Correctness rests on ChangeFeed: the database's trigger announces every change to an account's session
 * version, deactivation, role, name, e-mail or year of study to every instance when it commits, and the entry goes. While
 * the feed is down (nothing would be heard) every lookup reads the database, as before the cache existed.
 * A row read while a change arrived is not kept (it may predate the change).
 */
@Injectable()
export class AccountCache implements ChangeSubscriber {
  private readonly entries = new Map<string, { account: AccountState; at: number }>();
  /** Rises with every entry forgotten here, like the feed's generation (a read that overlapped it is not kept). */
  private forgotten = 0;

  constructor(
    private readonly feed: ChangeFeed,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    feed.subscribe(ACCOUNT_CHANNEL, this);
  }

  async get(userId: string): Promise<AccountState | undefined> {
    const now = Date.now();
    if (this.feed.live) {
      const hit = this.entries.get(userId);
      if (hit && now - hit.at < MAX_AGE_MS) return hit.account;
    }
    const generation = this.feed.generation;
    const forgotten = this.forgotten;
    const [row] = await runPrepared<Row>(this.db, LOOKUP, [userId]);
    if (!row) return undefined;
    const account: AccountState = { id: row.id, email: row.email, fullName: row.full_name, role: row.role, yearOfStudy: row.year_of_study, sessionVersion: row.session_version, deactivatedAt: row.deactivated_at };
    if (this.feed.live && this.feed.generation === generation && this.forgotten === forgotten) this.remember(userId, account, now);
    return account;
  }

  changed(userId: string): void {
    this.forget(userId);
  }

  /** After this instance committed a change to the account: its own next read must not wait for the NOTIFY. */
  forget(userId: string): void {
    this.forgotten++;
    this.entries.delete(userId);
  }

  reset(): void {
    this.entries.clear();
  }

  /** Entries held (for tests). */
  get size(): number {
    return this.entries.size;
  }

  private remember(userId: string, account: AccountState, at: number): void {
    this.entries.delete(userId);
    this.entries.set(userId, { account, at });
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }
}
