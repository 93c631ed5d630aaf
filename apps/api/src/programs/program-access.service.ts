import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role, type ProgramRelation } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { programIsClosed, programNotFound } from './programs.errors';
import { isUuid } from '@api/common/uuid';

/**
 * The access checks every program-scoped use case starts with. Anyone without the required relation gets
 * the same 404 as for a program that does not exist.
 */
@Injectable()
export class ProgramAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async relationsOf(actor: Actor, programId: string, manager: EntityManager = this.dataSource.manager): Promise<ProgramRelation[] | undefined> {
    if (!isUuid(programId)) return undefined;
    const rows: Array<{ exists: boolean; coordinator: boolean; enrolled_as: ProgramRelation | null }> = await manager.query(
      `SELECT true AS exists,
              EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = p.id AND pc.user_id = $2) AS coordinator,
              (SELECT e.role::text FROM enrollment e WHERE e.program_id = p.id AND e.user_id = $2) AS enrolled_as
         FROM program p WHERE p.id = $1`,
      [programId, actor.id],
    );
    const row = rows[0];
    if (!row) return undefined;
    return [...(row.coordinator ? (['coordinator'] as const) : []), ...(row.enrolled_as ? [row.enrolled_as] : [])];
  }

  /** The caller coordinates this program. */
  async requireCoordinator(actor: Actor, programId: string, manager?: EntityManager): Promise<void> {
    const relations = await this.relationsOf(actor, programId, manager);
    if (!relations?.includes('coordinator')) throw programNotFound();
  }

  /** The caller coordinates the program, is enrolled in it, or is an admin. */
  async requireMember(actor: Actor, programId: string): Promise<ProgramRelation[]> {
    const relations = await this.relationsOf(actor, programId);
    if (!relations || (relations.length === 0 && actor.role !== Role.Admin)) throw programNotFound();
    return relations;
  }

  /** Refuses any change to a closed program (PROGRAM_CLOSED); call after the access check. */
  async requireOpen(programId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const rows: Array<{ closed: boolean }> = await manager.query('SELECT closed_at IS NOT NULL AS closed FROM program WHERE id = $1', [programId]);
    if (rows[0]?.closed) throw programIsClosed();
  }

  /** The caller coordinates the program or is an admin (who may staff any program). */
  async requireCoordinatorOrAdmin(actor: Actor, programId: string): Promise<void> {
    const relations = await this.relationsOf(actor, programId);
    if (!relations || (!relations.includes('coordinator') && actor.role !== Role.Admin)) throw programNotFound();
  }
}
