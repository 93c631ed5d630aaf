import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CHECK_IN_INTERVAL_DAYS, type CheckInResponse, type DueCheckIn } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { PairAccess } from '../pair-access';
import { onlyTheMentee } from '../relationship.errors';
import { CheckInEntity } from './check-in.entity';

const toResponse = (c: CheckInEntity): CheckInResponse => ({ id: c.id, mentorshipId: c.mentorshipId, rating: c.rating, comment: c.comment, createdAt: c.createdAt.toISOString() });

/** The mentee's monthly answer. The mentor never reads it, so the mentee can be frank. */
@Injectable()
export class CheckInsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairs: PairAccess,
  ) {}

  async create(actor: Actor, mentorshipId: string, rating: number, comment: string | null | undefined): Promise<{ checkIn: CheckInResponse; programId: string }> {
    const pair = await this.pairs.require(actor, mentorshipId, ['mentee'], undefined, onlyTheMentee);
    PairAccess.requireActive(pair);
    const repo = this.dataSource.getRepository(CheckInEntity);
    const saved = await repo.save(repo.create({ mentorshipId: pair.id, menteeId: actor.id, rating, comment: comment && comment.length > 0 ? comment : null }));
    return { checkIn: toResponse(saved), programId: pair.programId };
  }

  /** The mentee's own answers, or every answer for coordinators; newest first. */
  async list(actor: Actor, mentorshipId: string): Promise<CheckInResponse[]> {
    const pair = await this.pairs.require(actor, mentorshipId, ['mentee', 'coordinator'], undefined, onlyTheMentee);
    const rows = await this.dataSource.getRepository(CheckInEntity).find({ where: { mentorshipId: pair.id }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toResponse);
  }

  /** The caller's active mentorships, as a mentee, a month or more since the start or their last answer: the dashboard asks them. */
  async due(actor: Actor): Promise<DueCheckIn[]> {
    const rows: Array<{ id: string; program_id: string; mentor_name: string; last_at: Date | null }> = await this.dataSource.query(
      `SELECT m.id, m.program_id, mo.full_name AS mentor_name, c.last_at
         FROM mentorship m JOIN app_user mo ON mo.id = m.mentor_id
         LEFT JOIN LATERAL (SELECT max(created_at) AS last_at FROM mentorship_check_in WHERE mentorship_id = m.id) c ON true
        WHERE m.mentee_id = $1 AND m.status = 'active'
          AND COALESCE(c.last_at, m.created_at) < now() - make_interval(days => $2)
        ORDER BY m.created_at, m.id`,
      [actor.id, CHECK_IN_INTERVAL_DAYS],
    );
    return rows.map((r) => ({ mentorshipId: r.id, programId: r.program_id, mentorName: r.mentor_name, lastAt: r.last_at?.toISOString() ?? null }));
  }
}
