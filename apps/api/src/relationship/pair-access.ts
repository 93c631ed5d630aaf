import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentorshipStatus } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { mentorshipEnded, mentorshipNotFound } from '@api/matching/matching.errors';
import { onlyThePair } from './relationship.errors';

export type PairRelation = 'mentor' | 'mentee' | 'coordinator';

export interface PairContext {
  id: string;
  programId: string;
  menteeId: string;
  mentorId: string;
  status: MentorshipStatus;
  relation: PairRelation;
}

/**
 * The access check every pair-scoped use case starts with. Someone with no relation to the pair gets the same
 * 404 as for a pair that does not exist; a member of the pair (or a coordinator) doing what is not theirs to
 * do gets 403 from the `forbidden` factory.
 */
@Injectable()
export class PairAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async require(actor: Actor, mentorshipId: string, allowed: readonly PairRelation[], manager: EntityManager = this.dataSource.manager, forbidden = onlyThePair): Promise<PairContext> {
    if (!isUuid(mentorshipId)) throw mentorshipNotFound();
    const rows: Array<{ id: string; program_id: string; mentee_id: string; mentor_id: string; status: MentorshipStatus; coordinator: boolean }> = await manager.query(
      `SELECT m.id, m.program_id, m.mentee_id, m.mentor_id, m.status,
              EXISTS (SELECT 1 FROM program_coordinator pc WHERE pc.program_id = m.program_id AND pc.user_id = $2) AS coordinator
         FROM mentorship m WHERE m.id = $1`,
      [mentorshipId, actor.id],
    );
    const row = rows[0];
    if (!row) throw mentorshipNotFound();
    const relation: PairRelation | null = row.mentor_id === actor.id ? 'mentor' : row.mentee_id === actor.id ? 'mentee' : row.coordinator ? 'coordinator' : null;
    if (!relation) throw mentorshipNotFound();
    if (!allowed.includes(relation)) throw forbidden();
    return { id: row.id, programId: row.program_id, menteeId: row.mentee_id, mentorId: row.mentor_id, status: row.status, relation };
  }

  /** Changes are for active pairs only. */
  static requireActive(pair: PairContext): void {
    if (pair.status !== MentorshipStatus.Active) throw mentorshipEnded();
  }
}
