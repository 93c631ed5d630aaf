import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PairStatus, type PairHealthRow } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { ProgramAccess } from '@api/programs/program-access.service';
import { RelationshipNotifier, type AttentionEvent } from '../relationship-notifier';
import { PAIR_FACTS_SQL, type PairFactsRow } from './pair-health.sql';
import { classify } from './pair-status';

interface BoardRow extends PairFactsRow {
  mentee_name: string;
  mentee_email: string;
  mentor_name: string;
  mentor_email: string;
}

const ORDER: Record<PairStatus, number> = { at_risk: 0, needs_check_in: 1, on_track: 2 };

/**
 * The pair-health board (CONTRACT.md "Running the relationship"): one query computes every pair's facts and
 * rule flags, `classify` applies the precedence, and every computation records each pair's status so that a
 * pair turning to need attention notifies its coordinators exactly once (see PairHealthStateEntity).
 */
@Injectable()
export class PairHealthService {
  private readonly logger = new Logger('PairHealth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly programs: ProgramAccess,
    private readonly config: AppConfig,
    private readonly notifier: RelationshipNotifier,
  ) {}

  async board(actor: Actor, programId: string, status?: PairStatus): Promise<PairHealthRow[]> {
    await this.programs.requireCoordinator(actor, programId);
    const rows = await this.refresh(programId);
    return status ? rows.filter((r) => r.status === status) : rows;
  }

  /** Computes the board and records transitions (notifying once per pair that turns to need attention). */
  async refresh(programId: string): Promise<PairHealthRow[]> {
    const rows = await this.compute(programId);
    try {
      await this.recordTransitions(programId, rows);
    } catch (e) {
      // The board still answers; the next read or the hourly sweep records (and notifies) what this one could not.
      this.logger.warn(`pair health transitions of ${programId} not recorded: ${e instanceof Error ? e.message : String(e)}`);
    }
    return rows;
  }

  /** After a change that may put a pair at risk: the caller's answer must not fail for it. */
  async refreshQuietly(programId: string): Promise<void> {
    try {
      await this.refresh(programId);
    } catch (e) {
      this.logger.warn(`pair health of ${programId} not refreshed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async compute(programId: string): Promise<PairHealthRow[]> {
    const rows: BoardRow[] = await this.dataSource.query(
      `SELECT x.*, me.full_name AS mentee_name, me.email AS mentee_email, mo.full_name AS mentor_name, mo.email AS mentor_email
         FROM (${PAIR_FACTS_SQL}) x JOIN app_user me ON me.id = x.mentee_id JOIN app_user mo ON mo.id = x.mentor_id`,
      [programId, this.config.STALL_DAYS],
    );
    const board = rows.map((r): PairHealthRow => {
      const { status, reasons } = classify({
        noShows: r.no_shows_flag,
        lowCheckIn: r.low_check_in_flag,
        referral: r.referral_flag,
        noRecentSession: r.no_recent_session_flag,
        noAgreement: r.no_agreement_flag,
      });
      return {
        mentorshipId: r.mentorship_id,
        menteeId: r.mentee_id,
        mentorId: r.mentor_id,
        status,
        reasons: reasons.map((code) => ({ code })),
        lastSessionAt: r.last_held_at?.toISOString() ?? null,
        nextSessionAt: r.next_at?.toISOString() ?? null,
        sessionsHeld: r.sessions_held,
        noShows: r.no_shows,
        menteeName: r.mentee_name,
        mentorName: r.mentor_name,
        menteeEmail: r.mentee_email,
        mentorEmail: r.mentor_email,
        startedAt: r.started_at.toISOString(),
      };
    });
    return board.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.menteeName.localeCompare(b.menteeName) || a.mentorshipId.localeCompare(b.mentorshipId));
  }

  /**
   * Stores each pair's new status when it changed. The writes are conditional on the status read (an insert
   * that does nothing on conflict, an update guarded by the old status), so of two readers racing over the same
   * change only one wins and notifies; the episode number in the dedupe key makes a repeat harmless anyway.
   */
  private async recordTransitions(programId: string, rows: PairHealthRow[]): Promise<void> {
    if (rows.length === 0) return;
    const ids = rows.map((r) => r.mentorshipId);
    const known: Array<{ mentorship_id: string; status: PairStatus }> = await this.dataSource.query(
      'SELECT mentorship_id, status FROM pair_health_state WHERE mentorship_id = ANY($1::uuid[])',
      [ids],
    );
    const previous = new Map(known.map((k) => [k.mentorship_id, k.status]));
    const fresh = rows.filter((r) => !previous.has(r.mentorshipId));
    const changed = rows.filter((r) => previous.has(r.mentorshipId) && previous.get(r.mentorshipId) !== r.status);
    if (fresh.length === 0 && changed.length === 0) return;
    const byId = new Map(rows.map((r) => [r.mentorshipId, r]));
    await this.dataSource.transaction(async (manager) => {
      const events: AttentionEvent[] = [];
      const event = (id: string, episode: number): AttentionEvent => {
        const r = byId.get(id) as PairHealthRow;
        return { programId, mentorshipId: id, episode, status: r.status, mentee: r.menteeName, mentor: r.mentorName };
      };
      if (fresh.length > 0) {
        const inserted: Array<{ mentorship_id: string; episode: number }> = await manager.query(
          `INSERT INTO pair_health_state (mentorship_id, status, episode)
           SELECT * FROM unnest($1::uuid[], $2::pair_status[], $3::int[])
           ON CONFLICT (mentorship_id) DO NOTHING RETURNING mentorship_id, episode`,
          [fresh.map((r) => r.mentorshipId), fresh.map((r) => r.status), fresh.map((r) => (r.status === PairStatus.OnTrack ? 0 : 1))],
        );
        for (const i of inserted) if (i.episode > 0) events.push(event(i.mentorship_id, i.episode));
      }
      if (changed.length > 0) {
        const bump = (r: PairHealthRow): number => (r.status !== PairStatus.OnTrack && previous.get(r.mentorshipId) === PairStatus.OnTrack ? 1 : 0);
        // TypeORM answers an UPDATE … RETURNING with [rows, affected].
        const [updated]: [Array<{ mentorship_id: string; episode: number; bump: number }>, number] = await manager.query(
          `UPDATE pair_health_state s SET status = v.status, episode = s.episode + v.bump, changed_at = now()
             FROM unnest($1::uuid[], $2::pair_status[], $3::pair_status[], $4::int[]) AS v(id, was, status, bump)
            WHERE s.mentorship_id = v.id AND s.status = v.was
           RETURNING s.mentorship_id, s.episode, v.bump`,
          [changed.map((r) => r.mentorshipId), changed.map((r) => previous.get(r.mentorshipId)), changed.map((r) => r.status), changed.map(bump)],
        );
        for (const u of updated) if (u.bump > 0) events.push(event(u.mentorship_id, u.episode));
      }
      if (events.length > 0) await this.notifier.pairNeedsAttention(manager, events);
    });
  }
}
