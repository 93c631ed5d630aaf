import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReferralUrgency, type MyReferral, type ReferralResponse } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AuditService } from '@api/audit/audit.service';
import { isUuid } from '@api/common/uuid';
import { ProgramAccess } from '@api/programs/program-access.service';
import { programNotFound } from '@api/programs/programs.errors';
import { RelationshipNotifier } from '../relationship-notifier';
import { referralAlreadyClosed, referralNotFound } from '../relationship.errors';
import { ReferralEntity } from './referral.entity';

interface ReferralRow {
  id: string;
  student_id: string;
  student_name: string;
  student_email: string;
  message: string;
  urgency: ReferralUrgency;
  created_at: Date;
  closed_at: Date | null;
  closed_by_name: string | null;
  close_note: string | null;
}

const toResponse = (r: ReferralRow): ReferralResponse => ({
  id: r.id,
  studentId: r.student_id,
  studentName: r.student_name,
  studentEmail: r.student_email,
  message: r.message,
  urgency: r.urgency,
  createdAt: r.created_at.toISOString(),
  closedAt: r.closed_at?.toISOString() ?? null,
  closedByName: r.closed_by_name,
  closeNote: r.close_note,
});

const SELECT = `
  SELECT r.id, r.student_id, st.full_name AS student_name, st.email AS student_email, r.message, r.urgency, r.created_at,
         r.closed_at, cb.full_name AS closed_by_name, r.close_note
    FROM referral r JOIN app_user st ON st.id = r.student_id LEFT JOIN app_user cb ON cb.id = r.closed_by_id`;

/** Audit action written for every referral a coordinator is shown. */
export const REFERRAL_READ = 'referral.read';

/**
 * The confidential route to the coordinators. Only three kinds of call read this table: the student's own
 * list, the coordinators' routes (each read audited) and the pair-health query, which sees that a referral
 * exists, never its text. No mentor-facing route or socket event carries a referral.
 */
@Injectable()
export class ReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramAccess,
    private readonly audit: AuditService,
    private readonly notifier: RelationshipNotifier,
  ) {}

  async create(actor: Actor, programId: string, message: string, requested?: ReferralUrgency | null): Promise<MyReferral> {
    // @IsOptional lets null through as well as absence: both mean the default, never a NULL for the column.
    const urgency = requested ?? ReferralUrgency.Routine;
    const relations = await this.programs.relationsOf(actor, programId);
    if (!relations?.some((r) => r === 'mentor' || r === 'mentee')) throw programNotFound();
    const id = await this.dataSource.transaction(async (manager) => {
      const rows: Array<{ id: string }> = await manager.query(
        'INSERT INTO referral (program_id, student_id, message, urgency) VALUES ($1, $2, $3, $4) RETURNING id',
        [programId, actor.id, message, urgency],
      );
      const created = (rows[0] as { id: string }).id;
      await this.notifier.referral(manager, programId, created, urgency);
      return created;
    });
    const mine = await this.mine(actor);
    return mine.find((r) => r.id === id) as MyReferral;
  }

  /** The student's own requests, newest first: what they wrote and whether it was closed (not the coordinators' note). */
  async mine(actor: Actor): Promise<MyReferral[]> {
    const rows: Array<{ id: string; program_id: string; program_name: string; message: string; urgency: ReferralUrgency; created_at: Date; closed_at: Date | null }> =
      await this.dataSource.query(
        `SELECT r.id, r.program_id, p.name AS program_name, r.message, r.urgency, r.created_at, r.closed_at
           FROM referral r JOIN program p ON p.id = r.program_id WHERE r.student_id = $1 ORDER BY r.created_at DESC, r.id`,
        [actor.id],
      );
    return rows.map((r) => ({ id: r.id, programId: r.program_id, programName: r.program_name, message: r.message, urgency: r.urgency, createdAt: r.created_at.toISOString(), closedAt: r.closed_at?.toISOString() ?? null }));
  }

  /** Coordinators of the program: open ones first, then newest; each one shown is written to the audit log. */
  async list(actor: Actor, programId: string): Promise<ReferralResponse[]> {
    await this.programs.requireCoordinator(actor, programId);
    return this.dataSource.transaction(async (manager) => {
      const rows: ReferralRow[] = await manager.query(`${SELECT} WHERE r.program_id = $1 ORDER BY (r.closed_at IS NULL) DESC, r.created_at DESC, r.id`, [programId]);
      for (const r of rows) await this.audit.record({ actorId: actor.id, action: REFERRAL_READ, programId, subjectUserId: r.student_id, details: { referralId: r.id } }, manager);
      return rows.map(toResponse);
    });
  }

  async one(actor: Actor, programId: string, referralId: string): Promise<ReferralResponse> {
    await this.programs.requireCoordinator(actor, programId);
    if (!isUuid(referralId)) throw referralNotFound();
    return this.dataSource.transaction(async (manager) => {
      const rows: ReferralRow[] = await manager.query(`${SELECT} WHERE r.program_id = $1 AND r.id = $2`, [programId, referralId]);
      const row = rows[0];
      if (!row) throw referralNotFound();
      await this.audit.record({ actorId: actor.id, action: REFERRAL_READ, programId, subjectUserId: row.student_id, details: { referralId: row.id } }, manager);
      return toResponse(row);
    });
  }

  async close(actor: Actor, programId: string, referralId: string, note: string): Promise<ReferralResponse> {
    await this.programs.requireCoordinator(actor, programId);
    if (!isUuid(referralId)) throw referralNotFound();
    await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(ReferralEntity, { where: { id: referralId, programId }, lock: { mode: 'pessimistic_write' } });
      if (!found) throw referralNotFound();
      if (found.closedAt) throw referralAlreadyClosed();
      await manager.update(ReferralEntity, { id: referralId }, { closedAt: new Date(), closedById: actor.id, closeNote: note });
      await this.audit.record({ actorId: actor.id, action: 'referral.close', programId, subjectUserId: found.studentId, details: { referralId } }, manager);
    });
    return this.one(actor, programId, referralId);
  }
}
