import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, type MentorHoursRow } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { csvLine } from '@api/outcomes/csv-writer';
import { ProgramAccess } from '@api/programs/program-access.service';
import { enrollmentNotFound, programNotFound } from '@api/programs/programs.errors';
import { certificateNotAvailable } from '../relationship.errors';
import { renderCertificate, type CertificateLanguage } from './certificate';

interface HoursRow {
  mentor_id: string;
  full_name: string;
  email: string;
  mentees: number;
  sessions_held: number;
  logged_minutes: number;
  program_ended: boolean;
}

/**
 * Per mentor of a program: mentees, sessions held (not cancelled, begun, and at least one mentee seat not marked
 * no_show) and the minutes of their session logs.
 */
const HOURS_SQL = `
  SELECT e.user_id AS mentor_id, u.full_name, u.email,
         (SELECT count(*)::int FROM mentorship m WHERE m.program_id = e.program_id AND m.mentor_id = e.user_id) AS mentees,
         (SELECT count(*)::int FROM mentoring_session s
           WHERE s.program_id = e.program_id AND s.mentor_id = e.user_id AND s.status <> 'cancelled' AND s.starts_at <= now()
             AND EXISTS (SELECT 1 FROM session_attendee a WHERE a.session_id = s.id AND a.role = 'mentee' AND a.active AND a.attendance IS DISTINCT FROM 'no_show')) AS sessions_held,
         (SELECT COALESCE(sum(l.minutes), 0)::int FROM session_log l JOIN mentoring_session s ON s.id = l.session_id
           WHERE s.program_id = e.program_id AND s.mentor_id = e.user_id AND s.status <> 'cancelled') AS logged_minutes,
         (p.ends_on < (now() AT TIME ZONE p.timezone)::date) AS program_ended
    FROM enrollment e JOIN app_user u ON u.id = e.user_id JOIN program p ON p.id = e.program_id
   WHERE e.program_id = $1 AND e.role = 'mentor' AND ($2::uuid IS NULL OR e.user_id = $2)
   ORDER BY u.full_name, u.id`;

const toRow = (r: HoursRow): MentorHoursRow => ({
  mentorId: r.mentor_id,
  fullName: r.full_name,
  email: r.email,
  mentees: r.mentees,
  sessionsHeld: r.sessions_held,
  loggedMinutes: r.logged_minutes,
  completed: r.program_ended && r.sessions_held > 0,
});

@Injectable()
export class MentorHoursService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramAccess,
  ) {}

  async list(actor: Actor, programId: string): Promise<MentorHoursRow[]> {
    await this.programs.requireCoordinator(actor, programId);
    const rows: HoursRow[] = await this.dataSource.query(HOURS_SQL, [programId, null]);
    return rows.map(toRow);
  }

  async csv(actor: Actor, programId: string): Promise<string> {
    const rows = await this.list(actor, programId);
    const lines = [csvLine(['mentor', 'email', 'mentees', 'sessions_held', 'logged_minutes', 'logged_hours', 'completed'])];
    for (const r of rows) lines.push(csvLine([r.fullName, r.email, r.mentees, r.sessionsHeld, r.loggedMinutes, Math.round((r.loggedMinutes / 60) * 10) / 10, r.completed ? 'yes' : 'no']));
    return `${lines.join('\r\n')}\r\n`;
  }

  /** The program's coordinators, or the mentor themself, print a certificate once the mentor completed the program. */
  async certificate(actor: Actor, programId: string, mentorId: string, lang: CertificateLanguage): Promise<string> {
    const relations = await this.programs.relationsOf(actor, programId);
    const coordinator = relations?.includes('coordinator') ?? false;
    const self = actor.role === Role.Student && actor.id === mentorId && (relations?.includes('mentor') ?? false);
    if (!coordinator && !self) throw programNotFound();
    if (!isUuid(mentorId)) throw enrollmentNotFound();
    const rows: HoursRow[] = await this.dataSource.query(HOURS_SQL, [programId, mentorId]);
    const row = rows[0];
    if (!row) throw enrollmentNotFound();
    const hours = toRow(row);
    if (!hours.completed) throw certificateNotAvailable();
    const program: Array<{ name: string; starts_on: string; ends_on: string }> = await this.dataSource.query(
      `SELECT name, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM program WHERE id = $1`,
      [programId],
    );
    const p = program[0] as { name: string; starts_on: string; ends_on: string };
    return renderCertificate(lang, { mentor: hours.fullName, program: p.name, startsOn: p.starts_on, endsOn: p.ends_on, sessionsHeld: hours.sessionsHeld, loggedMinutes: hours.loggedMinutes, mentees: hours.mentees });
  }
}
