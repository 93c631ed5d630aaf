import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeFeed } from '@api/database/change-feed';
import { ACCOUNT_CHANNEL } from './account-cache';

/** Ends a user's live connections (the chat registers one that disconnects their sockets on every instance). */
export type LiveConnectionCloser = (userId: string) => void;

/**
 * Ending every sign-in of an account at once: after a password change or a deactivation. Two halves, because
 * the first must commit with the change that caused it and the second must only happen once it has:
 *
 * - `endAll` (inside the caller's transaction) bumps the account's session version, which outdates every
 *   access token already issued (AccessGuard and the chat handshake compare it), and revokes every refresh
 *   token, so no client can mint new ones;
 * - `closeLiveConnections` (after the commit) waits until the account's change has reached the instances'
 *   caches (AccountCache: every instance hears the trigger's NOTIFY at the same commit, so once this one has,
 *   the others have been sent it too), then drops the account's open chat sockets, on every API instance.
 */
@Injectable()
export class AccountSessionsService {
  private readonly logger = new Logger('Accounts');
  private readonly closers = new Set<LiveConnectionCloser>();
  /** Per account whose sign-ins are being ended: resolves once this instance has heard the change. */
  private readonly heard = new Map<string, Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {}

  async endAll(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // Listened for before the commit: PostgreSQL may deliver the NOTIFY before the commit's own reply.
    const heard = this.feed.echo(ACCOUNT_CHANNEL, userId);
    this.heard.set(userId, heard);
    // A transaction rolled back never notifies: the wait ends at echo's timeout and is forgotten.
    void heard.then(() => {
      if (this.heard.get(userId) === heard) this.heard.delete(userId);
    });
    await manager.query('UPDATE app_user SET session_version = session_version + 1 WHERE id = $1', [userId]);
    await manager.query('UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  }

  async closeLiveConnections(userId: string): Promise<void> {
    await this.heard.get(userId);
    for (const close of this.closers) {
      try {
        close(userId);
      } catch (e) {
        // The tokens are dead already; a socket left open is refused at its next reconnect.
        this.logger.warn(`closing the live connections of an account failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  /** Returns the function that unregisters the closer. */
  onCloseLiveConnections(closer: LiveConnectionCloser): () => void {
    this.closers.add(closer);
    return () => this.closers.delete(closer);
  }
}
