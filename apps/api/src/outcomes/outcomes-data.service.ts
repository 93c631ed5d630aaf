import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Modality } from '@pm/contracts';
import { PASS_MARK_TOLERANCE } from '@pm/stats';
import { programNotFound } from '@api/programs/programs.errors';

export const DEFAULT_PASS_MARK = 60;

export interface StudentRow {
  email: string;
  pre: number | null;
  post: number | null;
  pre_passed: number;
  pre_total: number;
  post_passed: number;
  post_total: number;
  /** YYYY-MM-DD: the first day whose results count as after for this student. */
  post_from: string;
  /** Results on or after startsOn but before post_from: counted in neither. */
  neither_total: number;
}

export interface PerStudentOptions {
  /**
   * true (the default): a mentored student's after window starts at the later of startsOn and the startedOn of
   * their first mentorship in the program (CONTRACT.md). false: at startsOn for everyone, as an analysis by
   * allocation (intention to treat) needs.
   */
  exposureWindow?: boolean;
}

/**
 * The reads the analysis and the research export share: per-student pre/post values and who was mentored,
 * how and how often. No access check here: every caller starts with its own.
 */
@Injectable()
export class OutcomesData {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async programStart(programId: string): Promise<string> {
    const program: Array<{ starts_on: string }> = await this.dataSource.query('SELECT starts_on FROM program WHERE id = $1', [programId]);
    const startsOn = program[0]?.starts_on;
    if (!startsOn) throw programNotFound();
    return startsOn;
  }

  /**
   * Per-student pre and post means and pass counts, computed where the rows are: shipping 100,000 records to
   * Node would cost more than the whole analysis. The statistics themselves come from @pm/stats.
   */
  perStudent(programId: string, startsOn: string, options: PerStudentOptions = {}): Promise<StudentRow[]> {
    // GREATEST ignores NULL: a student without a mentorship (the comparison group) starts at startsOn.
    return this.dataSource.query(
      `WITH first_start AS (
              SELECT u.email, min(m.started_on) AS started_on
                FROM mentorship m JOIN app_user u ON u.id = m.mentee_id
               WHERE m.program_id = $1 AND $4::boolean
               GROUP BY u.email),
            r AS (
              SELECT r.student_email, r.taken_on, 100 * r.score / r.max_score AS value, GREATEST($2::date, f.started_on) AS post_from
                FROM academic_record r LEFT JOIN first_start f ON f.email = r.student_email
               WHERE r.program_id = $1)
       SELECT r.student_email AS email,
              avg(r.value) FILTER (WHERE r.taken_on <  $2) AS pre,
              avg(r.value) FILTER (WHERE r.taken_on >= r.post_from) AS post,
              count(*) FILTER (WHERE r.taken_on <  $2 AND r.value >= $3)::int AS pre_passed,
              count(*) FILTER (WHERE r.taken_on <  $2)::int AS pre_total,
              count(*) FILTER (WHERE r.taken_on >= r.post_from AND r.value >= $3)::int AS post_passed,
              count(*) FILTER (WHERE r.taken_on >= r.post_from)::int AS post_total,
              count(*) FILTER (WHERE r.taken_on >= $2 AND r.taken_on < r.post_from)::int AS neither_total,
              min(r.post_from)::text AS post_from
         FROM r
        GROUP BY r.student_email ORDER BY r.student_email`,
      // The tolerance keeps a value such as 100 * 0.66 / 1.1 = 59.999999999999993 on the passing side.
      [programId, startsOn, DEFAULT_PASS_MARK - PASS_MARK_TOLERANCE, options.exposureWindow ?? true],
    );
  }

  /** Mentored students are the mentees of a mentorship in the program, ended ones included. */
  async mentoredEmails(programId: string): Promise<Set<string>> {
    const rows: Array<{ email: string }> = await this.dataSource.query(
      'SELECT DISTINCT u.email FROM mentorship m JOIN app_user u ON u.id = m.mentee_id WHERE m.program_id = $1',
      [programId],
    );
    return new Set(rows.map((r) => r.email));
  }

  /** Sessions each mentee of the program was marked as having attended. */
  async attendedByMentee(programId: string): Promise<Map<string, number>> {
    const rows: Array<{ email: string; n: number }> = await this.dataSource.query(
      `SELECT u.email, count(*)::int AS n
         FROM session_attendee a
         JOIN mentorship m ON m.id = a.mentorship_id
         JOIN mentoring_session s ON s.id = a.session_id
         JOIN app_user u ON u.id = a.user_id
        WHERE m.program_id = $1 AND a.role = 'mentee' AND a.attendance = 'attended' AND s.status <> 'cancelled'
        GROUP BY u.email`,
      [programId],
    );
    return new Map(rows.map((r) => [r.email, r.n]));
  }

  /** A mentored student's modality: that of most of their sessions that are not cancelled; a tie or no session counts in neither. */
  async modalityByMentee(programId: string): Promise<Map<string, Modality>> {
    // A mentee's sessions of this program are those booked through their mentorships in it; a session they
    // left (active = false) or that was cancelled is not theirs any more. HAVING drops ties, zero-zero included.
    const rows: Array<{ email: string; modality: Modality }> = await this.dataSource.query(
      `SELECT u.email,
              CASE WHEN count(*) FILTER (WHERE s.modality = 'in_person') > count(*) FILTER (WHERE s.modality = 'virtual') THEN 'in_person' ELSE 'virtual' END AS modality
         FROM session_attendee a
         JOIN mentorship m ON m.id = a.mentorship_id
         JOIN mentoring_session s ON s.id = a.session_id
         JOIN app_user u ON u.id = a.user_id
        WHERE m.program_id = $1 AND a.role = 'mentee' AND a.active AND s.status <> 'cancelled'
        GROUP BY u.email
       HAVING count(*) FILTER (WHERE s.modality = 'in_person') <> count(*) FILTER (WHERE s.modality = 'virtual')`,
      [programId],
    );
    return new Map(rows.map((r) => [r.email, r.modality]));
  }
}
