import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, type AcademicRecordResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { ProgramAccess } from '@api/programs/program-access.service';
import type { RecordsQuery } from './dto/outcomes.dto';
import { academicRecordNotFound } from './outcomes.errors';

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

const RECORD_SELECT = `
  SELECT r.id, r.program_id, p.name AS program_name, r.student_email, r.assessment, r.taken_on, r.score, r.max_score
    FROM academic_record r JOIN program p ON p.id = r.program_id`;

/** Reading stored grades: a student their own, a coordinator their program's (audited). */
@Injectable()
export class AcademicRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /** Students: their own records, across programs, matched by their account's email. */
  async myRecords(actor: Actor): Promise<AcademicRecordResponse[]> {
    if (actor.role !== Role.Student) throw forbidden('Only students have academic records');
    const rows: RecordRow[] = await this.dataSource.query(`${RECORD_SELECT} WHERE r.student_email = $1 ORDER BY r.taken_on, r.assessment, r.id`, [actor.email]);
    return rows.map(toRecordResponse);
  }

  /**
   * Coordinators of the program: the program's records, optionally one student's or those matching a search,
   * a page at a time. Every read is audited.
   */
  async programRecords(actor: Actor, programId: string, query: RecordsQuery = {}): Promise<{ records: AcademicRecordResponse[]; total: number }> {
    await this.access.requireCoordinator(actor, programId);
    const normalized = query.email?.trim().toLowerCase();
    const search = query.q ? `%${query.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
    const where = `r.program_id = $1 AND ($2::text IS NULL OR r.student_email = $2) AND ($3::text IS NULL OR r.student_email LIKE $3 OR lower(r.assessment) LIKE $3)`;
    const params = [programId, normalized ?? null, search];
    const rows: RecordRow[] = await this.dataSource.query(
      `${RECORD_SELECT} WHERE ${where} ORDER BY r.student_email, r.taken_on, r.assessment, r.id LIMIT $4 OFFSET $5`,
      [...params, query.limit ?? null, query.offset ?? 0],
    );
    const total = query.limit === undefined ? rows.length + (query.offset ?? 0) : ((await this.dataSource.query(`SELECT count(*)::int AS n FROM academic_record r WHERE ${where}`, params)) as Array<{ n: number }>)[0]?.n ?? 0;
    const subject: Array<{ id: string }> = normalized ? await this.dataSource.query('SELECT id FROM app_user WHERE email = $1', [normalized]) : [];
    await this.audit.record({
      actorId: actor.id,
      action: 'records.read',
      programId,
      subjectUserId: subject[0]?.id ?? null,
      details: { email: normalized ?? null, scope: normalized ? 'student' : 'program', records: rows.length, search: query.q ?? null },
    });
    return { records: rows.map(toRecordResponse), total };
  }

  /** Coordinators of the program: delete one imported record (a wrong row, a wrong person). Audited with what it held. */
  async remove(actor: Actor, programId: string, recordId: string): Promise<void> {
    await this.access.requireCoordinator(actor, programId);
    if (!isUuid(recordId)) throw academicRecordNotFound();
    await this.dataSource.transaction(async (manager) => {
      // TypeORM answers a DELETE … RETURNING with [rows, affected].
      const [rows]: [Array<{ student_email: string; assessment: string; taken_on: string }>, number] = await manager.query(
        'DELETE FROM academic_record WHERE id = $1 AND program_id = $2 RETURNING student_email, assessment, taken_on::text AS taken_on',
        [recordId, programId],
      );
      const gone = rows[0];
      if (!gone) throw academicRecordNotFound();
      const subject: Array<{ id: string }> = await manager.query('SELECT id FROM app_user WHERE email = $1', [gone.student_email]);
      // The grade itself stays out of the trail: the log is read by every coordinator of the program.
      await this.audit.record(
        { actorId: actor.id, action: 'records.delete', programId, subjectUserId: subject[0]?.id ?? null, details: { recordId, email: gone.student_email, assessment: gone.assessment, takenOn: gone.taken_on } },
        manager,
      );
    });
  }
}
