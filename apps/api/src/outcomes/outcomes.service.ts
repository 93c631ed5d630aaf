import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Modality, Role, type AcademicRecordResponse, type AuditEntryResponse, type ImportResponse, type OutcomeGroup, type OutcomesResponse, type ProgramHealth } from '@pm/contracts';
import { interpretCohensD, PASS_MARK_TOLERANCE, pearsonCorrelation, summarizeGroup, welchDifference } from '@pm/stats';
import { AuditService } from '@api/audit/audit.service';
import { AppSettingsService } from '@api/database/app-settings.service';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { programNotFound } from '@api/programs/programs.errors';
import { parseRecordsCsv } from './csv-records';
import { csvLine } from './csv-writer';
import { importRejected } from './outcomes.errors';

// Large enough to amortise round trips, small enough to keep each statement's parameters modest.
const INSERT_CHUNK = 5_000;
const DEFAULT_PASS_MARK = 60;

interface RecordRow {
  id: string;
  program_id: string;
  program_name: string;
  student_email: string;
  assessment: string;
  taken_on: string;
  score: number;
  max_score: number;
}

const toRecordResponse = (r: RecordRow): AcademicRecordResponse => ({
  id: r.id,
  programId: r.program_id,
  programName: r.program_name,
  studentEmail: r.student_email,
  assessment: r.assessment,
  takenOn: r.taken_on,
  score: r.score,
  maxScore: r.max_score,
  value: (100 * r.score) / r.max_score,
});

interface StudentRow {
  email: string;
  pre: number | null;
  post: number | null;
  pre_passed: number;
  pre_total: number;
  post_passed: number;
  post_total: number;
}

const RECORD_SELECT = `
  SELECT r.id, r.program_id, p.name AS program_name, r.student_email, r.assessment, r.taken_on, r.score, r.max_score
    FROM academic_record r JOIN program p ON p.id = r.program_id`;

@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
    private readonly settings: AppSettingsService,
  ) {}

  /**
   * Coordinators of the program: import grades from CSV. Every line is validated first; one bad line
   * rejects the file (422 listing every bad line) and nothing is stored. A record already stored with the
   * same score is left alone, so importing the same file twice changes nothing.
   */
  async importCsv(actor: Actor, programId: string, text: string): Promise<ImportResponse> {
    await this.access.requireCoordinator(actor, programId);
    const parsed = parseRecordsCsv(text);
    if (!parsed.ok) throw importRejected(parsed.rejected);
    const { records } = parsed;
    let imported = 0;
    let updated = 0;
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < records.length; i += INSERT_CHUNK) {
        const chunk = records.slice(i, i + INSERT_CHUNK);
        const rows: Array<{ inserted: boolean }> = await manager.query(
          `INSERT INTO academic_record (program_id, student_email, assessment, taken_on, score, max_score)
           SELECT $1, * FROM unnest($2::varchar[], $3::varchar[], $4::date[], $5::float8[], $6::float8[])
           ON CONFLICT ON CONSTRAINT academic_record_identity DO UPDATE
              SET score = EXCLUDED.score, max_score = EXCLUDED.max_score
            WHERE (academic_record.score, academic_record.max_score) IS DISTINCT FROM (EXCLUDED.score, EXCLUDED.max_score)
           RETURNING (xmax = 0) AS inserted`,
          [programId, chunk.map((r) => r.studentEmail), chunk.map((r) => r.assessment), chunk.map((r) => r.takenOn), chunk.map((r) => r.score), chunk.map((r) => r.maxScore)],
        );
        for (const row of rows) {
          if (row.inserted) imported++;
          else updated++;
        }
      }
      await this.audit.record({ actorId: actor.id, action: 'records.import', programId, details: { rows: records.length, imported, updated } }, manager);
    });
    return { imported, updated, unchanged: records.length - imported - updated, rows: records.length };
  }

  /** Students: their own records, across programs, matched by their account's email. */
  async myRecords(actor: Actor): Promise<AcademicRecordResponse[]> {
    if (actor.role !== Role.Student) throw forbidden('Only students have academic records');
    const rows: RecordRow[] = await this.dataSource.query(`${RECORD_SELECT} WHERE r.student_email = $1 ORDER BY r.taken_on, r.assessment, r.id`, [actor.email]);
    return rows.map(toRecordResponse);
  }

  /** Coordinators of the program: the program's records, optionally one student's. Every read is audited. */
  async programRecords(actor: Actor, programId: string, email?: string): Promise<AcademicRecordResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const normalized = email?.trim().toLowerCase();
    const rows: RecordRow[] = await this.dataSource.query(
      `${RECORD_SELECT} WHERE r.program_id = $1 AND ($2::text IS NULL OR r.student_email = $2) ORDER BY r.student_email, r.taken_on, r.assessment, r.id`,
      [programId, normalized ?? null],
    );
    const subject: Array<{ id: string }> = normalized ? await this.dataSource.query('SELECT id FROM app_user WHERE email = $1', [normalized]) : [];
    await this.audit.record({
      actorId: actor.id,
      action: 'records.read',
      programId,
      subjectUserId: subject[0]?.id ?? null,
      details: { email: normalized ?? null, scope: normalized ? 'student' : 'program', records: rows.length },
    });
    return rows.map(toRecordResponse);
  }

  /** The program's coordinators, and admins: who read or exported whose records, newest first. */
  async auditLog(actor: Actor, programId: string): Promise<AuditEntryResponse[]> {
    if (actor.role !== Role.Admin) await this.access.requireCoordinator(actor, programId);
    else if (!(await this.access.relationsOf(actor, programId))) throw programNotFound();
    const rows: Array<{ id: string; actor_id: string | null; actor_name: string | null; action: string; subject_user_id: string | null; subject_email: string | null; details: AuditEntryResponse['details']; created_at: Date }> =
      await this.dataSource.query(
        `SELECT a.id, a.actor_id, u.full_name AS actor_name, a.action, a.subject_user_id, s.email AS subject_email, a.details, a.created_at
           FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id LEFT JOIN app_user s ON s.id = a.subject_user_id
          WHERE a.program_id = $1 ORDER BY a.created_at DESC, a.id LIMIT 500`,
        [programId],
      );
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      subjectUserId: r.subject_user_id,
      subjectEmail: r.subject_email ?? (typeof r.details['email'] === 'string' ? r.details['email'] : null),
      details: r.details,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Coordinators of the program: the before/after analysis exactly as CONTRACT.md defines it. */
  async outcomes(actor: Actor, programId: string): Promise<OutcomesResponse> {
    const startsOn = await this.startOfCoordinatedProgram(actor, programId);
    const perStudent = await this.perStudent(programId, startsOn);
    const mentored = await this.mentoredEmails(programId);
    const modality = await this.modalityByMentee(programId);
    const attended = await this.attendedByMentee(programId);
    const students = perStudent
      .filter((r): r is typeof r & { pre: number; post: number } => r.pre !== null && r.post !== null)
      .map((r) => ({ studentKey: r.email, pre: r.pre, post: r.post, change: r.post - r.pre }));
    const mentoredStudents = students.filter((s) => mentored.has(s.studentKey));
    const comparisonStudents = students.filter((s) => !mentored.has(s.studentKey));
    const mentoredSummary: OutcomeGroup = summarizeGroup(mentoredStudents);
    const diff = welchDifference(
      mentoredStudents.map((s) => s.change),
      comparisonStudents.map((s) => s.change),
    );
    const rates = (keep: (email: string) => boolean): { pre: number | null; post: number | null } => {
      const rows = perStudent.filter((r) => keep(r.email));
      const sum = (f: (r: (typeof rows)[number]) => number): number => rows.reduce((acc, r) => acc + f(r), 0);
      const preTotal = sum((r) => r.pre_total);
      const postTotal = sum((r) => r.post_total);
      return { pre: preTotal > 0 ? sum((r) => r.pre_passed) / preTotal : null, post: postTotal > 0 ? sum((r) => r.post_passed) / postTotal : null };
    };
    return {
      mentored: mentoredSummary,
      comparison: summarizeGroup(comparisonStudents),
      difference: { estimate: diff.estimate, ci95: diff.ci95, pValue: diff.pValue },
      byModality: {
        in_person: summarizeGroup(mentoredStudents.filter((s) => modality.get(s.studentKey) === Modality.InPerson)),
        virtual: summarizeGroup(mentoredStudents.filter((s) => modality.get(s.studentKey) === Modality.Virtual)),
      },
      changes: { mentored: mentoredStudents.map((s) => s.change), comparison: comparisonStudents.map((s) => s.change) },
      effectSize: { cohensDz: mentoredSummary.cohensDz, reading: interpretCohensD(mentoredSummary.cohensDz) },
      passRates: { passMarkPercent: DEFAULT_PASS_MARK, mentored: rates((e) => mentored.has(e)), comparison: rates((e) => !mentored.has(e)) },
      sessionsVsChange: (({ n, r, pValue, ci95 }) => ({ n, r, pValue, ci95 }))(
        pearsonCorrelation(
          mentoredStudents.map((s) => attended.get(s.studentKey) ?? 0),
          mentoredStudents.map((s) => s.change),
        ),
      ),
      health: await this.health(programId),
      startsOn,
      records: perStudent.reduce((acc, r) => acc + r.pre_total + r.post_total, 0),
    };
  }

  /**
   * Coordinators of the program: one row per student with both a pre and a post value, for research. Students
   * appear under a pseudonym (a keyed hash of their email, stable across exports, meaningless without the
   * key kept in the database); no email, name or single grade leaves. Every export is audited.
   */
  async exportDeidentified(actor: Actor, programId: string): Promise<string> {
    const startsOn = await this.startOfCoordinatedProgram(actor, programId);
    const key = await this.settings.getOrCreate('pseudonym_key', () => randomBytes(32).toString('hex'));
    const rows = (await this.perStudent(programId, startsOn)).filter((r): r is StudentRow & { pre: number; post: number } => r.pre !== null && r.post !== null);
    const mentored = await this.mentoredEmails(programId);
    const modality = await this.modalityByMentee(programId);
    const attended = await this.attendedByMentee(programId);
    const pseudonym = (email: string): string => createHmac('sha256', key).update(`${programId}:${email}`).digest('hex').slice(0, 16);
    const lines = [csvLine(['pseudonym', 'group', 'modality', 'pre', 'post', 'change', 'sessions_attended', 'survey_mean'])];
    const sorted = rows.map((r) => ({ ...r, id: pseudonym(r.email) })).sort((a, b) => a.id.localeCompare(b.id));
    for (const r of sorted) {
      const isMentored = mentored.has(r.email);
      lines.push(csvLine([r.id, isMentored ? 'mentored' : 'comparison', isMentored ? (modality.get(r.email) ?? '') : '', round(r.pre), round(r.post), round(r.post - r.pre), isMentored ? (attended.get(r.email) ?? 0) : null, null]));
    }
    await this.audit.record({ actorId: actor.id, action: 'records.export', programId, details: { rows: sorted.length, kind: 'deidentified' } });
    return `${lines.join('\r\n')}\r\n`;
  }

  private async startOfCoordinatedProgram(actor: Actor, programId: string): Promise<string> {
    await this.access.requireCoordinator(actor, programId);
    const program: Array<{ starts_on: string }> = await this.dataSource.query('SELECT starts_on FROM program WHERE id = $1', [programId]);
    const startsOn = program[0]?.starts_on;
    if (!startsOn) throw programNotFound();
    return startsOn;
  }

  /**
   * Per-student pre and post means and pass counts, computed where the rows are: shipping 100,000 records to
   * Node would cost more than the whole analysis. The statistics themselves come from @pm/stats.
   */
  private perStudent(programId: string, startsOn: string): Promise<StudentRow[]> {
    return this.dataSource.query(
      `SELECT r.student_email AS email,
              avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on <  $2) AS pre,
              avg(100 * r.score / r.max_score) FILTER (WHERE r.taken_on >= $2) AS post,
              count(*) FILTER (WHERE r.taken_on <  $2 AND 100 * r.score / r.max_score >= $3)::int AS pre_passed,
              count(*) FILTER (WHERE r.taken_on <  $2)::int AS pre_total,
              count(*) FILTER (WHERE r.taken_on >= $2 AND 100 * r.score / r.max_score >= $3)::int AS post_passed,
              count(*) FILTER (WHERE r.taken_on >= $2)::int AS post_total
         FROM academic_record r WHERE r.program_id = $1
        GROUP BY r.student_email ORDER BY r.student_email`,
      // The tolerance keeps a value such as 100 * 0.66 / 1.1 = 59.999999999999993 on the passing side.
      [programId, startsOn, DEFAULT_PASS_MARK - PASS_MARK_TOLERANCE],
    );
  }

  /** Mentored students are the mentees of a mentorship in the program, ended ones included. */
  private async mentoredEmails(programId: string): Promise<Set<string>> {
    const rows: Array<{ email: string }> = await this.dataSource.query(
      'SELECT DISTINCT u.email FROM mentorship m JOIN app_user u ON u.id = m.mentee_id WHERE m.program_id = $1',
      [programId],
    );
    return new Set(rows.map((r) => r.email));
  }

  /** Sessions each mentee of the program was marked as having attended. */
  private async attendedByMentee(programId: string): Promise<Map<string, number>> {
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

  /** The program's pulse beside its outcomes: how many are matched, how often pairs meet, who has gone quiet. */
  private async health(programId: string): Promise<ProgramHealth> {
    const counts: Array<{ enrolled: number; matched: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM enrollment WHERE program_id = $1 AND role = 'mentee') AS enrolled,
              (SELECT count(DISTINCT mentee_id)::int FROM mentorship WHERE program_id = $1 AND status = 'active') AS matched`,
      [programId],
    );
    const weeks: Array<{ week_start: string; in_person: number; virtual: number }> = await this.dataSource.query(
      `SELECT to_char(w.week_start, 'YYYY-MM-DD') AS week_start,
              count(s.id) FILTER (WHERE s.modality = 'in_person')::int AS in_person,
              count(s.id) FILTER (WHERE s.modality = 'virtual')::int AS virtual
         FROM generate_series(date_trunc('week', now()) - interval '7 weeks', date_trunc('week', now()), interval '1 week') AS w(week_start)
         LEFT JOIN mentoring_session s
           ON s.status <> 'cancelled' AND s.starts_at >= w.week_start AND s.starts_at < w.week_start + interval '1 week'
          AND s.mentorship_id IN (SELECT id FROM mentorship WHERE program_id = $1)
        GROUP BY w.week_start ORDER BY w.week_start`,
      [programId],
    );
    const quiet: Array<{ id: string; mentee_name: string; mentor_name: string; last_session_at: Date | null }> = await this.dataSource.query(
      `SELECT m.id, me.full_name AS mentee_name, mo.full_name AS mentor_name,
              (SELECT max(s.starts_at) FROM mentoring_session s WHERE s.mentorship_id = m.id AND s.status <> 'cancelled' AND s.starts_at <= now()) AS last_session_at
         FROM mentorship m JOIN app_user me ON me.id = m.mentee_id JOIN app_user mo ON mo.id = m.mentor_id
        WHERE m.program_id = $1 AND m.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM mentoring_session s WHERE s.mentorship_id = m.id AND s.status <> 'cancelled' AND s.starts_at >= now() - interval '21 days')
        ORDER BY last_session_at NULLS FIRST, me.full_name, m.id`,
      [programId],
    );
    const enrolled = counts[0]?.enrolled ?? 0;
    const matched = counts[0]?.matched ?? 0;
    return {
      enrolledMentees: enrolled,
      matchedMentees: matched,
      matchRate: enrolled > 0 ? matched / enrolled : null,
      sessionsPerWeek: weeks.map((w) => ({ weekStart: w.week_start, in_person: w.in_person, virtual: w.virtual })),
      pairsWithoutRecentSession: quiet.map((q) => ({ mentorshipId: q.id, menteeName: q.mentee_name, mentorName: q.mentor_name, lastSessionAt: q.last_session_at?.toISOString() ?? null })),
    };
  }

  /** A mentored student's modality: that of most of their sessions that are not cancelled; a tie or no session counts in neither. */
  private modalityByMentee(_programId: string): Promise<Map<string, Modality>> {
    // A mentee's sessions of this program are those booked through their mentorships in it; a session they
    // left (active = false) or that was cancelled is not theirs any more. HAVING drops ties, zero-zero included.
    return this.dataSource
      .query(
        `SELECT u.email,
                CASE WHEN count(*) FILTER (WHERE s.modality = 'in_person') > count(*) FILTER (WHERE s.modality = 'virtual') THEN 'in_person' ELSE 'virtual' END AS modality
           FROM session_attendee a
           JOIN mentorship m ON m.id = a.mentorship_id
           JOIN mentoring_session s ON s.id = a.session_id
           JOIN app_user u ON u.id = a.user_id
          WHERE m.program_id = $1 AND a.role = 'mentee' AND a.active AND s.status <> 'cancelled'
          GROUP BY u.email
         HAVING count(*) FILTER (WHERE s.modality = 'in_person') <> count(*) FILTER (WHERE s.modality = 'virtual')`,
        [_programId],
      )
      .then((rows: Array<{ email: string; modality: Modality }>) => new Map(rows.map((r) => [r.email, r.modality])));
  }
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
