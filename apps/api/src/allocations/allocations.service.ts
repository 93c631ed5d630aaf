import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AllocationResponse, AllocationStratification, CreateAllocationRequest, FollowOnResponse } from '@pm/contracts';
import { AuditService } from '@api/audit/audit.service';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { isUniqueViolation } from '@api/auth/auth.service';
import { ProgramAccess } from '@api/programs/program-access.service';
import { programNotFound } from '@api/programs/programs.errors';
import { AllocationEntity, AllocationEntryEntity } from './allocation.entities';
import { allocationAfterMatching, allocationExists, allocationNotFound, allocationNotNeeded, followOnSameProgram } from './allocations.errors';
import { runLottery } from './lottery';

interface EntryRow {
  user_id: string;
  full_name: string;
  year_of_study: number | null;
  outcome: 'offered' | 'waitlisted';
  rank: number;
  hash: string;
  stratum: string;
  matched: boolean;
  follow_on_program_id: string | null;
}

/** A drawn seed: 64 random bits as 16 hex digits, short enough to read aloud and type again. */
const drawSeed = (): string => randomBytes(8).toString('hex');

@Injectable()
export class AllocationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
  ) {}

  /**
   * Coordinators of the program: allocate the places by lottery, before any mentorship exists. The program row
   * is locked as every mentorship write locks it, so a match cannot slip in between the check and the draw.
   */
  async create(actor: Actor, programId: string, request: CreateAllocationRequest): Promise<AllocationResponse> {
    await this.access.requireCoordinator(actor, programId);
    const seed = request.seed ?? drawSeed();
    const stratifyBy: AllocationStratification = request.stratifyBy ?? 'none';
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.query('SELECT id FROM program WHERE id = $1 FOR UPDATE', [programId]);
        if (await this.findId(programId, manager)) throw allocationExists();
        const matched: unknown[] = await manager.query('SELECT 1 FROM mentorship WHERE program_id = $1 LIMIT 1', [programId]);
        if (matched.length > 0) throw allocationAfterMatching();
        const mentees: Array<{ id: string; year_of_study: number | null }> = await manager.query(
          `SELECT u.id, u.year_of_study FROM enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.program_id = $1 AND e.role = 'mentee' ORDER BY u.id`,
          [programId],
        );
        if (mentees.length <= request.places) throw allocationNotNeeded(mentees.length, request.places);

        const result = runLottery(
          seed,
          request.places,
          mentees.map((m) => ({ id: m.id, yearOfStudy: m.year_of_study })),
          stratifyBy,
        );
        const saved = await manager.save(manager.create(AllocationEntity, { programId, seed, places: request.places, stratifyBy, createdById: actor.id }));
        await manager.insert(
          AllocationEntryEntity,
          result.entries.map((e) => ({ allocationId: saved.id, programId, userId: e.userId, outcome: e.outcome, rank: e.rank, hash: e.hash, stratum: e.stratum, followOnProgramId: null })),
        );
        await this.audit.record(
          { actorId: actor.id, action: 'allocation.create', programId, details: { seed, places: request.places, stratifyBy, offered: result.offered.length, waitlisted: result.waitlisted.length } },
          manager,
        );
      });
    } catch (e) {
      if (isUniqueViolation(e, 'allocation_one_per_program')) throw allocationExists();
      throw e;
    }
    const created = await this.get(programId);
    if (!created) throw allocationNotFound();
    return created;
  }

  /** Coordinators of the program: the program's allocation, as a list of zero or one. */
  async list(actor: Actor, programId: string): Promise<AllocationResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const allocation = await this.get(programId);
    return allocation ? [allocation] : [];
  }

  /**
   * Coordinators of both programs: offer every waitlisted mentee a place in the next round by enrolling them as
   * mentees of another program. Idempotent: mentees already enrolled there are counted, not enrolled twice.
   */
  async followOn(actor: Actor, programId: string, allocationId: string, targetProgramId: string): Promise<FollowOnResponse> {
    await this.access.requireCoordinator(actor, programId);
    if (!isUuid(allocationId)) throw allocationNotFound();
    const found: unknown[] = await this.dataSource.query('SELECT 1 FROM allocation WHERE id = $1 AND program_id = $2', [allocationId, programId]);
    if (found.length === 0) throw allocationNotFound();
    if (targetProgramId === programId) throw followOnSameProgram();
    await this.access.requireCoordinator(actor, targetProgramId);
    return this.dataSource.transaction(async (manager) => {
      const waitlisted: Array<{ user_id: string }> = await manager.query(
        `SELECT user_id FROM allocation_entry WHERE allocation_id = $1 AND outcome = 'waitlisted' ORDER BY user_id FOR UPDATE`,
        [allocationId],
      );
      const ids = waitlisted.map((w) => w.user_id);
      const inserted: Array<{ user_id: string }> = await manager.query(
        `INSERT INTO enrollment (program_id, user_id, role, capacity)
         SELECT $1, u, 'mentee', NULL FROM unnest($2::uuid[]) AS u
         ON CONFLICT ON CONSTRAINT enrollment_program_user_key DO NOTHING
         RETURNING user_id`,
        [targetProgramId, ids],
      );
      await manager.query(`UPDATE allocation_entry SET follow_on_program_id = $2 WHERE allocation_id = $1 AND outcome = 'waitlisted'`, [allocationId, targetProgramId]);
      await this.audit.record({ actorId: actor.id, action: 'allocation.follow_on', programId, details: { targetProgramId, enrolled: inserted.length, waitlisted: ids.length } }, manager);
      return { targetProgramId, enrolled: inserted.length, alreadyEnrolled: ids.length - inserted.length };
    });
  }

  private async findId(programId: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM allocation WHERE program_id = $1', [programId]);
    return rows[0]?.id ?? null;
  }

  /** The allocation with its entries in lottery order (stratum, then rank); null when the program has none. */
  async get(programId: string): Promise<AllocationResponse | null> {
    if (!isUuid(programId)) throw programNotFound();
    const rows: Array<{ id: string; seed: string; places: number; stratify_by: AllocationStratification; created_at: Date; created_by_name: string | null }> = await this.dataSource.query(
      `SELECT a.id, a.seed, a.places, a.stratify_by, a.created_at, u.full_name AS created_by_name
         FROM allocation a LEFT JOIN app_user u ON u.id = a.created_by_id WHERE a.program_id = $1`,
      [programId],
    );
    const a = rows[0];
    if (!a) return null;
    const entries: EntryRow[] = await this.dataSource.query(
      `SELECT e.user_id, u.full_name, u.year_of_study, e.outcome, e.rank, e.hash, e.stratum, e.follow_on_program_id,
              EXISTS (SELECT 1 FROM mentorship m WHERE m.program_id = e.program_id AND m.mentee_id = e.user_id) AS matched
         FROM allocation_entry e JOIN app_user u ON u.id = e.user_id
        WHERE e.allocation_id = $1
        ORDER BY CASE WHEN e.stratum = 'year:none' THEN 1 ELSE 0 END, length(e.stratum), e.stratum, e.rank`,
      [a.id],
    );
    return {
      id: a.id,
      programId,
      seed: a.seed,
      places: a.places,
      stratifyBy: a.stratify_by,
      offered: entries.filter((e) => e.outcome === 'offered').map((e) => e.user_id),
      waitlisted: entries.filter((e) => e.outcome === 'waitlisted').map((e) => e.user_id),
      entries: entries.map((e) => ({
        userId: e.user_id,
        fullName: e.full_name,
        yearOfStudy: e.year_of_study,
        outcome: e.outcome,
        rank: e.rank,
        hash: e.hash,
        matched: e.matched,
        followOnProgramId: e.follow_on_program_id,
      })),
      createdAt: a.created_at.toISOString(),
      createdByName: a.created_by_name,
    };
  }
}
