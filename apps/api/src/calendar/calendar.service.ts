import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { CalendarFeedResponse, CalendarFeedStatusResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { sessionNotFound } from '@api/sessions/sessions.errors';
import { calendarFeedNotFound } from './calendar.errors';
import { buildCalendar, renderCalendar, type CalendarEventRow } from './ics';
import { isUuid } from '@api/common/uuid';

// 32 random bytes in base64url: 256 bits, never guessed, safe in a URL path.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface CalendarDocument {
  body: string;
  etag: string;
}

/** Everything a calendar event shows, for the sessions a given person takes part in. */
const EVENT_SELECT = `
  SELECT s.id, s.title, s.starts_at, s.ends_at, s.modality, s.location, s.meeting_url, s.status, s.seat_limit, s.cancel_reason,
         s.created_at, s.updated_at, s.sequence + a.sequence AS sequence, a.active, a.role, mo.full_name AS mentor_name,
         (SELECT string_agg(u.full_name, ', ' ORDER BY u.full_name) FROM session_attendee x JOIN app_user u ON u.id = x.user_id
           WHERE x.session_id = s.id AND x.role = 'mentee' AND x.active) AS mentee_names
    FROM session_attendee a
    JOIN mentoring_session s ON s.id = a.session_id
    JOIN app_user mo ON mo.id = s.mentor_id`;

@Injectable()
export class CalendarService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Signed in: a new secret feed address; any earlier one stops working. Only the token's hash is stored. */
  async createFeed(actor: Actor, origin: string): Promise<CalendarFeedResponse> {
    const token = randomBytes(32).toString('base64url');
    const rows: Array<{ created_at: Date }> = await this.dataSource.query(
      `INSERT INTO calendar_feed (user_id, token_hash, created_at) VALUES ($1, $2, now())
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at
       RETURNING created_at`,
      [actor.id, sha256(token)],
    );
    const url = `${origin.replace(/\/+$/, '')}/api/calendar/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:/, 'webcal:'), createdAt: (rows[0]?.created_at ?? new Date()).toISOString() };
  }

  async feedStatus(actor: Actor): Promise<CalendarFeedStatusResponse> {
    const rows: Array<{ created_at: Date }> = await this.dataSource.query('SELECT created_at FROM calendar_feed WHERE user_id = $1', [actor.id]);
    return { active: rows.length > 0, createdAt: rows[0]?.created_at.toISOString() ?? null };
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
    const body = renderCalendar(buildCalendar(rows, name));
    // A strong validator of the exact bytes: clients polling an unchanged feed get a 304 and no body.
    return { body, etag: `"${sha256(body).slice(0, 32)}"` };
  }
}
