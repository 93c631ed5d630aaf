import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod } from 'ical-generator';
import { DataSource } from 'typeorm';
import { NotificationKind } from '@pm/contracts';
import { EVENT_SELECT } from '@api/calendar/calendar.service';
import { buildCalendar, renderCalendar, type CalendarEventRow } from '@api/calendar/ics';
import { AppConfig } from '@api/config/app-config';
import type { NotificationParams } from '../notification.entity';

/** The address inside MAIL_FROM (`Name <address>` or `address`). */
const addressOf = (from: string): string => /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();

/**
 * The iCalendar part of a session mail: the same VEVENT the recipient's calendar feed serves (same UID, same
 * SEQUENCE: the session's plus their own), as METHOD:REQUEST for a booking or change and METHOD:CANCEL for a
 * cancellation, so a calendar that accepted the invitation updates or removes that very event.
 */
@Injectable()
export class InvitationCalendar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async forNotification(kind: NotificationKind, params: NotificationParams, recipient: { id: string; email: string; name: string }): Promise<{ method: 'REQUEST' | 'CANCEL'; content: string } | undefined> {
    const method =
      kind === NotificationKind.SessionBooked || kind === NotificationKind.SessionChanged ? ICalCalendarMethod.REQUEST : kind === NotificationKind.SessionCancelled ? ICalCalendarMethod.CANCEL : undefined;
    const ids = String(params['sessionIds'] ?? params['sessionId'] ?? '')
      .split(',')
      .filter((id) => id.length > 0);
    if (!method || ids.length === 0) return undefined;
    const rows: CalendarEventRow[] = await this.dataSource.query(`${EVENT_SELECT} WHERE s.id = ANY($1::uuid[]) AND a.user_id = $2 ORDER BY s.starts_at, s.id`, [ids, recipient.id]);
    if (rows.length === 0) return undefined;
    const calendar = buildCalendar(rows, 'Mentoring session', method, method === ICalCalendarMethod.REQUEST ? Math.min(...this.config.REMINDER_LEAD_MINUTES) : undefined);
    const organizer = addressOf(this.config.MAIL_FROM ?? 'no-reply@localhost');
    for (const event of calendar.events()) {
      event.organizer({ name: 'Peer mentoring', email: organizer });
      event.createAttendee({ email: recipient.email, name: recipient.name, rsvp: method === ICalCalendarMethod.REQUEST, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION });
    }
    return { method: method === ICalCalendarMethod.REQUEST ? 'REQUEST' : 'CANCEL', content: renderCalendar(calendar) };
  }
}
