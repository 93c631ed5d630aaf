import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CalendarFeedResponse, CalendarFeedStatusResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { AppSettingsService } from '@api/database/app-settings.service';
import { sessionNotFound } from '@api/sessions/sessions.errors';
import { calendarFeedNotFound } from './calendar.errors';
import { buildCalendar, renderCalendar, type CalendarEventRow } from './ics';
import { isUuid } from '@api/common/uuid';

// 32 random bytes in base64url: 256 bits, never guessed, safe in a URL path.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const addressOf = (origin: string, token: string): { url: string; webcalUrl: string } => {
  const url = `${origin.replace(/\/+$/, '')}/api/calendar/${token}.ics`;
  return { url, webcalUrl: url.replace(/^https?:/, 'webcal:') };
};

export interface CalendarDocument {
  body: string;
  etag: string;
}

/** Everything a calendar event shows, for the sessions a given person takes part in. */
export const EVENT_SELECT = `
  SELECT s.id, s.title, s.starts_at, s.ends_at, s.modality, s.location, s.meeting_url, s.status, s.seat_limit, s.cancel_reason,
         s.created_at, s.updated_at, s.sequence + a.sequence AS sequence, a.active, a.role, mo.full_name AS mentor_name,
         (SELECT string_agg(u.full_name, ', ' ORDER BY u.full_name) FROM session_attendee x JOIN app_user u ON u.id = x.user_id
           WHERE x.session_id = s.id AND x.role = 'mentee' AND x.active) AS mentee_names
    FROM session_attendee a
    JOIN mentoring_session s ON s.id = a.session_id
    JOIN app_user mo ON mo.id = s.mentor_id`;

@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly settings: AppSettingsService,
  ) {}

  /**
   * Signed in: the caller's feed address, made if they have none. Asking again gives the same address, so a
   * second device subscribes to what the first already uses; only `replaceFeed` changes it.
   */
  async createFeed(actor: Actor, origin: string): Promise<CalendarFeedResponse> {
    const existing = await this.feedStatus(actor, origin);
    if (existing.url !== null && existing.webcalUrl !== null && existing.createdAt !== null) return { url: existing.url, webcalUrl: existing.webcalUrl, createdAt: existing.createdAt };
    return this.replaceFeed(actor, origin);
  }

  /** Signed in: a new address; the earlier one answers 404 from now on (subscriptions to it stop updating). */
  async replaceFeed(actor: Actor, origin: string): Promise<CalendarFeedResponse> {
    const nonce = randomBytes(32).toString('base64url');
    const token = await this.tokenFor(actor.id, nonce);
    const rows: Array<{ created_at: Date }> = await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, token_hash, token_nonce, created_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, token_nonce = EXCLUDED.token_nonce, created_at = EXCLUDED.created_at
       RETURNING created_at`,
      [actor.id, sha256(token), nonce],
    );
    return { ...addressOf(origin, token), createdAt: (rows[0]?.created_at ?? new Date()).toISOString() };
  }

  async feedStatus(actor: Actor, origin: string): Promise<CalendarFeedStatusResponse> {
    const rows: Array<{ created_at: Date; token_hash: string; token_nonce: string | null }> = await this.dataSource.query(
      'SELECT created_at, token_hash, token_nonce FROM calendar_feed WHERE user_id = $1',
      [actor.id],
    );
    const row = rows[0];
    if (!row) return { active: false, createdAt: null, url: null, webcalUrl: null };
    const token = row.token_nonce === null ? null : await this.tokenFor(actor.id, row.token_nonce);
    // A token that no longer hashes to the stored one (the key changed): the address cannot be shown again.
    const address = token !== null && sha256(token) === row.token_hash ? addressOf(origin, token) : { url: null, webcalUrl: null };
    return { active: true, createdAt: row.created_at.toISOString(), ...address };
  }

  /**
   * The token of a feed: HMAC-SHA256 of the owner and the nonce under a server key kept in app_setting. The
   * calendar_feed table alone (a backup of it, a leaked row) hands out no calendar: it holds the hash and the
   * nonce, not the token.
   */
  private async tokenFor(userId: string, nonce: string): Promise<string> {
    const key = await this.settings.getOrCreate('calendar_feed_key', () => randomBytes(32).toString('base64url'));
    return createHmac('sha256', key).update(`${userId}:${nonce}`).digest('base64url');
  }

  async revokeFeed(actor: Actor): Promise<void> {
    await this.dataSource.query('DELETE FROM calendar_feed WHERE user_id = $1', [actor.id]);
  }

  /** Anyone holding the token: every session of its owner, cancelled ones included. */
  async feed(file: string): Promise<CalendarDocument> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    if (!TOKEN.test(token)) throw calendarFeedNotFound();
    const owners: Array<{ user_id: string }> = await this.dataSource.query('SELECT user_id FROM calendar_feed WHERE token_hash = $1', [sha256(token)]);
    const owner = owners[0];
    if (!owner) throw calendarFeedNotFound();
    const rows: CalendarEventRow[] = await this.dataSource.query(`${EVENT_SELECT} WHERE a.user_id = $1 ORDER BY s.starts_at, s.id`, [owner.user_id]);
    return this.document(rows, 'Mentoring sessions');
  }

  /** A participant: one session as an .ics file to download. */
  async sessionFile(actor: Actor, sessionId: string): Promise<CalendarDocument> {
    if (!isUuid(sessionId)) throw sessionNotFound();
    const rows: CalendarEventRow[] = await this.dataSource.query(`${EVENT_SELECT} WHERE s.id = $1 AND a.user_id = $2`, [sessionId, actor.id]);
    if (rows.length === 0) throw sessionNotFound();
    return this.document(rows, 'Mentoring session');
  }

  private document(rows: CalendarEventRow[], name: string): CalendarDocument {
    // Calendars remind at the shortest lead of the platform's own reminders (REMINDER_LEAD_MINUTES).
    const body = renderCalendar(buildCalendar(rows, name, undefined, Math.min(...this.config.REMINDER_LEAD_MINUTES)));
    // A strong validator of the exact bytes: clients polling an unchanged feed get a 304 and no body.
    return { body, etag: `"${sha256(body).slice(0, 32)}"` };
  }
}
