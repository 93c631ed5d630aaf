import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { AppConfig } from '@api/config/app-config';

/** What a cache registers: a change to one key, or "forget everything" (notifications may have been missed). */
export interface ChangeSubscriber {
  changed(payload: string): void;
  reset(): void;
}

/** How long `echo` waits for this instance's own listener to hear a change before giving up. */
const ECHO_TIMEOUT_MS = 2_000;
const RECONNECT_MS = 1_000;

/**
 * Changes committed by any API instance, heard by every instance within a round trip, so an instance may keep
 * in memory what those changes would make stale (the guard's accounts, chat memberships). One LISTEN
 * connection carries every channel; the NOTIFYs come from triggers in the database (migrations), so no code
 * path that changes a row can forget to send one, and PostgreSQL delivers them only once the change commits.
 *
 * The rule for a cache: serve from memory only while `live` is true. While the connection is down a change
 * can be missed, so every subscriber is reset when it drops and again once LISTEN is back, and in between the
 * caches read through to the database. `generation` rises with every change and reset: a cache that read a
 * row stores it only if no change arrived while it was reading.
 */
@Injectable()
export class ChangeFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ChangeFeed');
  private readonly subscribers = new Map<string, Set<ChangeSubscriber>>();
  private readonly echoes = new Map<string, Set<() => void>>();
  private client?: Client;
  private listening = false;
  private stopped = false;
  private retry?: NodeJS.Timeout;
  private gen = 0;

  constructor(private readonly config: AppConfig) {}

  get live(): boolean {
    return this.listening;
  }

  get generation(): number {
    return this.gen;
  }

  /** Subscribers register in their constructor or onModuleInit, before the feed connects. */
  subscribe(channel: string, subscriber: ChangeSubscriber): () => void {
    assertChannel(channel);
    const set = this.subscribers.get(channel) ?? new Set();
    set.add(subscriber);
    this.subscribers.set(channel, set);
    // A channel added while connected: listen on it from now on (its subscriber holds nothing yet).
    if (this.client && this.listening) this.client.query(`LISTEN ${channel}`).catch(() => this.reconnect(this.client));
    return () => set.delete(subscriber);
  }

  /**
   * Resolves once this instance's listener has heard `payload` on `channel` (or at once when the feed is not
   * live: then no instance serves that key from memory anyway; or after ECHO_TIMEOUT_MS). The caller that
   * committed a revocation waits for it before answering: PostgreSQL signals every listener at the same
   * commit, so by then the other instances have been sent the change too.
   */
  echo(channel: string, payload: string): Promise<void> {
    if (!this.listening) return Promise.resolve();
    const key = `${channel}\u0000${payload}`;
    return new Promise<void>((resolve) => {
      const waiters = this.echoes.get(key) ?? new Set();
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        if (waiters.size === 0 && this.echoes.get(key) === waiters) this.echoes.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ECHO_TIMEOUT_MS);
      timer.unref();
      waiters.add(done);
      this.echoes.set(key, waiters);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.setListening(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.config.DATABASE_URL, application_name: 'pm-change-feed', keepAlive: true });
    client.on('notification', (msg) => this.deliver(msg.channel, msg.payload ?? ''));
    client.on('error', (e) => {
      this.logger.warn(`change feed: ${e.message}; caches read through until it is back`);
      this.reconnect(client);
    });
    client.on('end', () => this.reconnect(client));
    try {
      await client.connect();
      this.client = client;
      for (const channel of this.subscribers.keys()) await client.query(`LISTEN ${channel}`);
      // Anything cached before now may have changed unheard.
      this.setListening(true);
    } catch (e) {
      this.logger.warn(`change feed could not connect: ${e instanceof Error ? e.message : String(e)}; retrying`);
      this.reconnect(client);
    }
  }

  private reconnect(client: Client | undefined): void {
    if (this.client === client) {
      this.client = undefined;
      this.setListening(false);
    }
    void client?.end().catch(() => undefined);
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }

  /** Going live or dropping: either way every cache starts empty. */
  private setListening(listening: boolean): void {
    const was = this.listening;
    this.listening = listening;
    if (was === listening && !listening) return;
    this.gen++;
    for (const set of this.subscribers.values()) for (const s of set) s.reset();
    if (!listening) for (const waiters of this.echoes.values()) for (const done of [...waiters]) done();
  }

  private deliver(channel: string, payload: string): void {
    this.gen++;
    for (const s of this.subscribers.get(channel) ?? []) {
      try {
        s.changed(payload);
      } catch (e) {
        this.logger.error(`change subscriber failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    for (const done of [...(this.echoes.get(`${channel}\u0000${payload}`) ?? [])]) done();
  }
}

/** Channel names go into LISTEN unquoted: only our own lowercase identifiers. */
function assertChannel(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
}
