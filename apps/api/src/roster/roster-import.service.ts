import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentRole, Role, type RosterImportResponse, type RosterRowChange, type RosterRowOutcome } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import { isUniqueViolation } from '@api/auth/auth.service';
import type { Actor } from '@api/common/access.decorators';
import { InvitationsService, type NewInvitation } from '@api/invitations/invitations.service';
import type { RejectedLine } from '@api/outcomes/csv-records';
import { importRejected } from '@api/outcomes/outcomes.errors';
import { ProgramAccess } from '@api/programs/program-access.service';
import { parseRosterCsv, type RosterRow } from './roster-csv';

/** A preview lists what the first rows would do; the counts always cover the whole file. */
const PREVIEW_ROWS = 500;

interface KnownAccount {
  id: string;
  email: string;
  role: Role;
  year_of_study: number | null;
  has_password: boolean;
  deactivated: boolean;
  enrolled_as: EnrollmentRole | null;
  capacity: number | null;
  active_mentees: number;
  pending_here: boolean;
}

interface Plan {
  outcomes: RosterRowOutcome[];
  newAccounts: Array<RosterRow & { id: string }>;
  newEnrolments: Array<{ userId: string; role: EnrollmentRole; capacity: number | null }>;
  capacityChanges: Array<{ userId: string; capacity: number }>;
  yearChanges: Array<{ userId: string; yearOfStudy: number }>;
  invitations: NewInvitation[];
}

/**
 * `POST /api/programs/:id/roster/import`: a registrar's list of students into a program, all or nothing.
 * Every line is validated first (the file's own rules, then the ones that need the database); one bad line
 * rejects the file with every bad line named and nothing stored or sent. Then, in one transaction and a few
 * set-based statements (no per-row round trips, no password hashing): new accounts without a password, their
 * invitations, new enrolments, changed capacities and years. Importing the same file again changes nothing.
 */
@Injectable()
export class RosterImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, programId: string, text: string, origin: string, dryRun: boolean): Promise<RosterImportResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.access.requireOpen(programId);
    const parsed = parseRosterCsv(text);
    if (!parsed.ok) throw importRejected(parsed.rejected);
    const { rows } = parsed;
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Taken first, so two imports into the same program run one after the other and each sees the other's accounts.
        await manager.query('SELECT id FROM program WHERE id = $1 FOR UPDATE', [programId]);
        const known = await this.knownAccounts(manager, programId, rows.map((r) => r.email));
        const plan = this.plan(rows, known, programId);
        const response = this.summary(rows, plan, dryRun);
        if (!dryRun) await this.apply(manager, actor, programId, plan, origin, response);
        return response;
      });
    } catch (e) {
      // An account registered by itself between the lookup and the insert: the file is fine, the moment was not.
      if (isUniqueViolation(e, 'app_user_email_key')) throw importRejected([{ line: 1, error: 'an account with one of these emails was created while importing; import the file again' }]);
      throw e;
    }
  }

  private async knownAccounts(manager: EntityManager, programId: string, emails: string[]): Promise<Map<string, KnownAccount>> {
    const rows: KnownAccount[] = await manager.query(
      `SELECT u.id, u.email, u.role, u.year_of_study, u.password_hash IS NOT NULL AS has_password, u.deactivated_at IS NOT NULL AS deactivated,
              e.role::text AS enrolled_as, e.capacity,
              (SELECT count(*) FROM mentorship m WHERE m.program_id = $1 AND m.mentor_id = u.id AND m.status = 'active')::int AS active_mentees,
              EXISTS (SELECT 1 FROM invitation i WHERE i.program_id = $1 AND i.user_id = u.id AND i.accepted_at IS NULL AND i.expires_at > now()) AS pending_here
         FROM app_user u LEFT JOIN enrollment e ON e.program_id = $1 AND e.user_id = u.id
        WHERE u.email = ANY($2::varchar[])`,
      [programId, emails],
    );
    return new Map(rows.map((r) => [r.email, r]));
  }

  /** What each row does; throws 422 with every line that cannot be imported as it stands. */
  private plan(rows: readonly RosterRow[], known: Map<string, KnownAccount>, programId: string): Plan {
    const plan: Plan = { outcomes: [], newAccounts: [], newEnrolments: [], capacityChanges: [], yearChanges: [], invitations: [] };
    const rejected: RejectedLine[] = [];
    for (const row of rows) {
      const account = known.get(row.email);
      if (!account) {
        const id = randomUUID();
        plan.newAccounts.push({ ...row, id });
        plan.newEnrolments.push({ userId: id, role: row.role, capacity: row.capacity });
        plan.invitations.push({ userId: id, programId, role: row.role });
        plan.outcomes.push('created');
        continue;
      }
      if (account.role !== Role.Student) {
        rejected.push({ line: row.line, error: `${row.email} belongs to a ${account.role} account; only students can be enrolled as ${row.role}s` });
        continue;
      }
      if (account.enrolled_as && account.enrolled_as !== row.role) {
        rejected.push({ line: row.line, error: `${row.email} is already enrolled as a ${account.enrolled_as}; an import does not change a role (change the enrolment itself)` });
        continue;
      }
      if (account.enrolled_as === EnrollmentRole.Mentor && row.capacity !== null && row.capacity < account.active_mentees) {
        rejected.push({ line: row.line, error: `capacity ${row.capacity} is below the ${account.active_mentees} mentees this mentor has now` });
        continue;
      }
      const yearChanged = account.year_of_study !== row.yearOfStudy;
      if (yearChanged) plan.yearChanges.push({ userId: account.id, yearOfStudy: row.yearOfStudy });
      // An account that has never got in (made by another program's import) gets a link into this program too.
      if (!account.has_password && !account.pending_here && !account.deactivated) plan.invitations.push({ userId: account.id, programId, role: row.role });
      if (!account.enrolled_as) {
        plan.newEnrolments.push({ userId: account.id, role: row.role, capacity: row.capacity });
        plan.outcomes.push('enrolled');
        continue;
      }
      const capacityChanged = row.role === EnrollmentRole.Mentor && account.capacity !== row.capacity;
      if (capacityChanged) plan.capacityChanges.push({ userId: account.id, capacity: row.capacity as number });
      plan.outcomes.push(capacityChanged || yearChanged ? 'updated' : 'unchanged');
    }
    if (rejected.length > 0) throw importRejected(rejected);
    return plan;
  }

  private summary(rows: readonly RosterRow[], plan: Plan, dryRun: boolean): RosterImportResponse {
    const count = (outcome: RosterRowOutcome): number => plan.outcomes.filter((o) => o === outcome).length;
    const changes: RosterRowChange[] = rows.slice(0, PREVIEW_ROWS).map((r, i) => ({ line: r.line, email: r.email, outcome: plan.outcomes[i] as RosterRowOutcome }));
    return {
      rows: rows.length,
      created: count('created'),
      // New enrolments of new and known people alike (the contract's definition).
      enrolled: plan.newEnrolments.length,
      updated: count('updated'),
      unchanged: count('unchanged'),
      dryRun,
      changes,
    };
  }

  private async apply(manager: EntityManager, actor: Actor, programId: string, plan: Plan, origin: string, response: RosterImportResponse): Promise<void> {
    if (plan.newAccounts.length > 0) {
      await manager.query(
        `INSERT INTO app_user (id, email, full_name, role, year_of_study, password_hash)
         SELECT id, email, full_name, 'student', year_of_study, NULL
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::smallint[]) AS v(id, email, full_name, year_of_study)`,
        [plan.newAccounts.map((a) => a.id), plan.newAccounts.map((a) => a.email), plan.newAccounts.map((a) => a.fullName), plan.newAccounts.map((a) => a.yearOfStudy)],
      );
    }
    if (plan.yearChanges.length > 0) {
      await manager.query(
        `UPDATE app_user u SET year_of_study = v.year_of_study, updated_at = now()
           FROM unnest($1::uuid[], $2::smallint[]) AS v(id, year_of_study) WHERE u.id = v.id`,
        [plan.yearChanges.map((c) => c.userId), plan.yearChanges.map((c) => c.yearOfStudy)],
      );
    }
    if (plan.newEnrolments.length > 0) {
      await manager.query(
        `INSERT INTO enrollment (program_id, user_id, role, capacity)
         SELECT $1, user_id, role::enrollment_role, capacity FROM unnest($2::uuid[], $3::text[], $4::smallint[]) AS v(user_id, role, capacity)`,
        [programId, plan.newEnrolments.map((e) => e.userId), plan.newEnrolments.map((e) => e.role), plan.newEnrolments.map((e) => e.capacity)],
      );
    }
    if (plan.capacityChanges.length > 0) {
      await manager.query(
        `UPDATE enrollment e SET capacity = v.capacity FROM unnest($2::uuid[], $3::smallint[]) AS v(user_id, capacity)
          WHERE e.program_id = $1 AND e.user_id = v.user_id`,
        [programId, plan.capacityChanges.map((c) => c.userId), plan.capacityChanges.map((c) => c.capacity)],
      );
    }
    await this.invitations.createMany(manager, plan.invitations, actor.id, origin);
    await this.audit.record(
      {
        actorId: actor.id,
        action: 'roster.import',
        programId,
        details: { rows: response.rows, created: response.created, enrolled: response.enrolled, updated: response.updated, unchanged: response.unchanged },
      },
      manager,
    );
  }
}
