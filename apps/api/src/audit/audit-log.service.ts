import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuditEntryResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import type { AuditLogQuery } from './dto/audit-log.dto';

const DEFAULT_LIMIT = 500;

/** Reading the audit trail of one program. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
  ) {}

  /** The program's coordinators, and admins: who did what to whose data, newest first, filtered and paged. */
  async list(actor: Actor, programId: string, query: AuditLogQuery = {}): Promise<{ entries: AuditEntryResponse[]; total: number }> {
    await this.access.requireCoordinatorOrAdmin(actor, programId);
    // A trailing dot asks for a family of actions (`records.` is every records.* action).
    const action = query.action?.endsWith('.') ? `${query.action.replace(/[\\%_]/g, '\\$&')}%` : (query.action?.replace(/[\\%_]/g, '\\$&') ?? null);
    const where = `a.program_id = $1
      AND ($2::text IS NULL OR a.action LIKE $2)
      AND ($3::uuid IS NULL OR a.actor_id = $3)
      AND ($4::date IS NULL OR a.created_at >= $4::date)
      AND ($5::date IS NULL OR a.created_at < $5::date + 1)`;
    const params = [programId, action, query.actorId ?? null, query.from ?? null, query.to ?? null];
    const rows: Array<{ id: string; actor_id: string | null; actor_name: string | null; action: string; subject_user_id: string | null; subject_email: string | null; details: AuditEntryResponse['details']; created_at: Date }> =
      await this.dataSource.query(
        `SELECT a.id, a.actor_id, u.full_name AS actor_name, a.action, a.subject_user_id, s.email AS subject_email, a.details, a.created_at
           FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_id LEFT JOIN app_user s ON s.id = a.subject_user_id
          WHERE ${where} ORDER BY a.created_at DESC, a.id LIMIT $6 OFFSET $7`,
        [...params, query.limit ?? DEFAULT_LIMIT, query.offset ?? 0],
      );
    const count: Array<{ n: number }> = await this.dataSource.query(`SELECT count(*)::int AS n FROM audit_log a WHERE ${where}`, params);
    return {
      total: count[0]?.n ?? 0,
      entries: rows.map((r) => ({
        id: r.id,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        subjectUserId: r.subject_user_id,
        subjectEmail: r.subject_email ?? (typeof r.details['email'] === 'string' ? r.details['email'] : null),
        details: r.details,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }
}
