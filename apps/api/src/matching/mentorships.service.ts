import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MentorshipStatus, type Modality, type MentorshipResponse, type MyMentorshipResponse } from '@pm/contracts';
import { isUniqueViolation } from '@api/auth/auth.service';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { AuditService } from '@api/audit/audit.service';
import { DomainEvents } from '@api/events/domain-events';
import { menteeAlreadyMatched, mentorFull, mentorNotSenior, mentorshipEnded, mentorshipNotFound, mentorshipStartInFuture, noSharedModality, notEnrolledAs, pairExcluded } from './matching.errors';
import { ChangeFeed } from '@api/database/change-feed';
import { MEMBERSHIP_CHANNEL, membershipKey } from './membership-channel';
import { MentorshipEntity } from './mentorship.entity';
import { isUuid } from '@api/common/uuid';
import { assertMayBeMatched } from '@api/allocations/allocation-guard';

interface MentorshipRow {
  id: string;
  program_id: string;
  mentee_id: string;
  mentor_id: string;
  status: MentorshipStatus;
  mentee_name: string;
  mentor_name: string;
  created_at: Date;
  started_on: string;
  ended_at: Date | null;
  ended_reason: string | null;
}

const toMentorshipResponse = (r: MentorshipRow): MentorshipResponse => ({
  id: r.id,
  programId: r.program_id,
  menteeId: r.mentee_id,
  mentorId: r.mentor_id,
  status: r.status,
  menteeName: r.mentee_name,
  mentorName: r.mentor_name,
  createdAt: r.created_at.toISOString(),
  endedAt: r.ended_at?.toISOString() ?? null,
  endedReason: r.ended_reason,
  startedOn: r.started_on,
});

const MENTORSHIP_SELECT = `
  SELECT m.id, m.program_id, m.mentee_id, m.mentor_id, m.status, m.created_at, m.started_on::text AS started_on, m.ended_at, m.ended_reason,
         me.full_name AS mentee_name, mo.full_name AS mentor_name
    FROM mentorship m JOIN app_user me ON me.id = m.mentee_id JOIN app_user mo ON mo.id = m.mentor_id`;

@Injectable()
export class MentorshipsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly feed: ChangeFeed,
  ) {}

  /**
   * Coordinators of the program: a manual match. The hard rules of every match apply; capacity is counted
   * under a lock on the program row, which every mentorship write takes, so two matches cannot both take a
   * mentor's last place.
   */
  async create(actor: Actor, programId: string, menteeId: string, mentorId: string, startedOn?: string): Promise<MentorshipResponse> {
    await this.access.requireCoordinator(actor, programId);
    try {
      const id = await this.dataSource.transaction(async (manager) => {
        // "Today" is the program's: a pair entered late in the evening in Tehran began on Tehran's date.
        const lock: Array<{ today: string }> = await manager.query(`SELECT (now() AT TIME ZONE timezone)::date::text AS today FROM program WHERE id = $1 FOR UPDATE`, [programId]);
        const today = lock[0]?.today ?? '';
        if (startedOn && startedOn > today) throw mentorshipStartInFuture(today);
        await this.checkPair(manager, programId, menteeId, mentorId);
        const saved = await manager.save(
          manager.create(MentorshipEntity, { programId, menteeId, mentorId, status: MentorshipStatus.Active, createdById: actor.id, startedOn: startedOn ?? today }),
        );
        await this.audit.record(
          { actorId: actor.id, action: 'mentorship.create', programId, subjectUserId: menteeId, details: { mentorshipId: saved.id, mentorId, startedOn: startedOn ?? today } },
          manager,
        );
        await this.events.publish(manager, 'mentorship.created', { mentorshipIds: [saved.id], actorId: actor.id });
        return saved.id;
      });
      return this.one(id);
    } catch (e) {
      if (isUniqueViolation(e, 'mentorship_one_active_per_mentee')) throw menteeAlreadyMatched();
      throw e;
    }
  }

  async list(actor: Actor, programId: string): Promise<MentorshipResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const rows: MentorshipRow[] = await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE m.program_id = $1 ORDER BY m.status, mo.full_name, me.full_name, m.id`, [programId]);
    return rows.map(toMentorshipResponse);
  }

  /** Coordinators of the program: end a mentorship, saying why; the mentee may then be matched again. */
  async end(actor: Actor, programId: string, mentorshipId: string, reason: string): Promise<MentorshipResponse> {
    await this.access.requireCoordinator(actor, programId);
    if (!isUuid(mentorshipId)) throw mentorshipNotFound();
    let heard: Promise<void> | undefined;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM program WHERE id = $1 FOR UPDATE', [programId]);
      const m = await manager.findOne(MentorshipEntity, { where: { id: mentorshipId, programId } });
      if (!m) throw mentorshipNotFound();
      if (m.status === MentorshipStatus.Ended) throw mentorshipEnded();
      // The chat keeps memberships in memory on every instance. Once this instance hears the change, all
      // have been sent it, so "ended" means no instance takes another message from the pair. Listened for
      // before the commit: the notification can arrive before the commit's own reply does.
      heard = this.feed.echo(MEMBERSHIP_CHANNEL, membershipKey(programId, m.mentorId));
      await manager.update(MentorshipEntity, { id: m.id }, { status: MentorshipStatus.Ended, endedAt: new Date(), endedReason: reason });
      await this.audit.record({ actorId: actor.id, action: 'mentorship.end', programId, subjectUserId: m.menteeId, details: { mentorshipId: m.id, mentorId: m.mentorId, reason } }, manager);
    });
    await heard;
    return this.one(mentorshipId);
  }

  /** Students: their own mentorships, as mentor or mentee, with the other person. */
  async mine(actor: Actor): Promise<MyMentorshipResponse[]> {
    const rows: Array<{
      id: string;
      program_id: string;
      program_name: string;
      status: MentorshipStatus;
      created_at: Date;
      started_on: string;
      my_role: 'mentor' | 'mentee';
      other_id: string;
      other_name: string;
      other_email: string;
      other_year: number | null;
      shared_modalities: Modality[];
    }> = await this.dataSource.query(
      `SELECT m.id, m.program_id, p.name AS program_name, m.status, m.created_at, m.started_on::text AS started_on,
              CASE WHEN m.mentor_id = $1 THEN 'mentor' ELSE 'mentee' END AS my_role,
              o.id AS other_id, o.full_name AS other_name, o.email AS other_email, o.year_of_study AS other_year,
              ARRAY(SELECT x::text FROM unnest(o.modalities) AS x WHERE x = ANY(me.modalities) ORDER BY 1) AS shared_modalities
         FROM mentorship m
         JOIN program p ON p.id = m.program_id
         JOIN app_user o ON o.id = CASE WHEN m.mentor_id = $1 THEN m.mentee_id ELSE m.mentor_id END
         JOIN app_user me ON me.id = $1
        WHERE m.mentor_id = $1 OR m.mentee_id = $1
        ORDER BY m.status, p.name, o.full_name, m.id`,
      [actor.id],
    );
    return rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      programName: r.program_name,
      myRole: r.my_role,
      status: r.status,
      other: { id: r.other_id, fullName: r.other_name, email: r.other_email, yearOfStudy: r.other_year },
      createdAt: r.created_at.toISOString(),
      startedOn: r.started_on,
      sharedModalities: r.shared_modalities,
    }));
  }

  private async checkPair(manager: EntityManager, programId: string, menteeId: string, mentorId: string): Promise<void> {
    const rows: Array<{ id: string; role: string; capacity: number | null; year_of_study: number | null; modalities: string[] }> = await manager.query(
      `SELECT u.id, e.role::text AS role, e.capacity, u.year_of_study, u.modalities
         FROM enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.program_id = $1 AND u.id = ANY($2::uuid[])`,
      [programId, [menteeId, mentorId]],
    );
    const mentee = rows.find((r) => r.id === menteeId && r.role === 'mentee');
    const mentor = rows.find((r) => r.id === mentorId && r.role === 'mentor');
    if (!mentee) throw notEnrolledAs('menteeId', 'mentee');
    await assertMayBeMatched(manager, programId, menteeId);
    if (!mentor) throw notEnrolledAs('mentorId', 'mentor');
    if ((mentor.year_of_study ?? 0) <= (mentee.year_of_study ?? 0)) throw mentorNotSenior(mentor.year_of_study, mentee.year_of_study);
    if (!mentee.modalities.some((m) => mentor.modalities.includes(m))) throw noSharedModality();
    const excluded: unknown[] = await manager.query('SELECT 1 FROM match_exclusion WHERE program_id = $1 AND mentee_id = $2 AND mentor_id = $3', [programId, menteeId, mentorId]);
    if (excluded.length > 0) throw pairExcluded();
    const matched: unknown[] = await manager.query(`SELECT 1 FROM mentorship WHERE program_id = $1 AND mentee_id = $2 AND status = 'active'`, [programId, menteeId]);
    if (matched.length > 0) throw menteeAlreadyMatched();
    const load: Array<{ n: number }> = await manager.query(`SELECT count(*)::int AS n FROM mentorship WHERE program_id = $1 AND mentor_id = $2 AND status = 'active'`, [programId, mentorId]);
    const capacity = mentor.capacity ?? 0;
    if ((load[0]?.n ?? 0) >= capacity) throw mentorFull(capacity);
  }

  private async one(id: string): Promise<MentorshipResponse> {
    const rows: MentorshipRow[] = await this.dataSource.query(`${MENTORSHIP_SELECT} WHERE m.id = $1`, [id]);
    const row = rows[0];
    if (!row) throw mentorshipNotFound();
    return toMentorshipResponse(row);
  }
}
