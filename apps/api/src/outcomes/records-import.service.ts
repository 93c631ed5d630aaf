import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { IMPORT_UNKNOWN_EMAILS_SHOWN, Role, type ImportResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { parseRecordsCsv, type ParsedRecord, type RejectedLine } from './csv-records';
import { importRejected } from './outcomes.errors';

// Large enough to amortise round trips, small enough to keep each statement's parameters modest.
const INSERT_CHUNK = 5_000;

/** Thrown inside a dry run's transaction so that everything it wrote is rolled back. */
class DryRunRollback extends Error {}

@Injectable()
export class RecordsImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Coordinators of the program: import grades from CSV. Every line is validated first; one bad line
   * rejects the file (422 listing every bad line) and nothing is stored. A record already stored with the
   * same score is left alone, so importing the same file twice changes nothing. A row for a staff account is a
   * bad line: staff have no grades, and stored they would join the comparison group. A dry run does all of it
   * in a transaction that is rolled back, so its counts are exactly what the import would do.
   */
  async importCsv(actor: Actor, programId: string, text: string, dryRun = false): Promise<ImportResponse> {
    await this.access.requireCoordinator(actor, programId);
    const parsed = parseRecordsCsv(text);
    if (!parsed.ok) throw importRejected(parsed.rejected);
    const { records } = parsed;
    const accounts = await this.accountsOf(records);
    const staffLines: RejectedLine[] = records
      .filter((r) => accounts.get(r.studentEmail) === Role.Coordinator || accounts.get(r.studentEmail) === Role.Admin)
      .map((r) => ({ line: r.line, error: 'student_email belongs to a staff account (coordinator or admin), not a student', code: 'staff_account' }));
    if (staffLines.length > 0) throw importRejected(staffLines);

    const unknown = new Map<string, number[]>();
    for (const r of records) if (!accounts.has(r.studentEmail)) unknown.set(r.studentEmail, [...(unknown.get(r.studentEmail) ?? []), r.line]);
    const menteesWithoutRecords = await this.menteesWithoutRecords(programId, records);
    let imported = 0;
    let updated = 0;
    try {
      await this.dataSource.transaction(async (manager) => {
        ({ imported, updated } = await this.upsert(manager, programId, records));
        if (dryRun) throw new DryRunRollback();
        await this.audit.record(
          { actorId: actor.id, action: 'records.import', programId, details: { rows: records.length, imported, updated, unknownEmails: unknown.size } },
          manager,
        );
      });
    } catch (e) {
      if (!(e instanceof DryRunRollback)) throw e;
    }
    return {
      imported,
      updated,
      unchanged: records.length - imported - updated,
      rows: records.length,
      dryRun,
      unknownEmails: [...unknown.entries()].slice(0, IMPORT_UNKNOWN_EMAILS_SHOWN).map(([email, lines]) => ({ email, lines })),
      unknownEmailCount: unknown.size,
      menteesWithoutRecords,
    };
  }

  private async upsert(manager: EntityManager, programId: string, records: ParsedRecord[]): Promise<{ imported: number; updated: number }> {
    let imported = 0;
    let updated = 0;
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
    return { imported, updated };
  }

  /** The role of every account the file names, by (lowercase) email. */
  private async accountsOf(records: ParsedRecord[]): Promise<Map<string, Role>> {
    const emails = [...new Set(records.map((r) => r.studentEmail))];
    const rows: Array<{ email: string; role: Role }> = await this.dataSource.query('SELECT email, role::text AS role FROM app_user WHERE email = ANY($1::text[])', [emails]);
    return new Map(rows.map((r) => [r.email, r.role]));
  }

  private menteesWithoutRecords(programId: string, records: ParsedRecord[]): Promise<ImportResponse['menteesWithoutRecords']> {
    const emails = [...new Set(records.map((r) => r.studentEmail))];
    return this.dataSource
      .query(
        `SELECT u.id, u.full_name, u.email
           FROM enrollment e JOIN app_user u ON u.id = e.user_id
          WHERE e.program_id = $1 AND e.role = 'mentee' AND NOT (u.email = ANY($2::text[]))
            AND NOT EXISTS (SELECT 1 FROM academic_record r WHERE r.program_id = $1 AND r.student_email = u.email)
          ORDER BY u.full_name, u.email LIMIT $3`,
        [programId, emails, IMPORT_UNKNOWN_EMAILS_SHOWN],
      )
      .then((rows: Array<{ id: string; full_name: string; email: string }>) => rows.map((r) => ({ userId: r.id, fullName: r.full_name, email: r.email })));
  }
}
