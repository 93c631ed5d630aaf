import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationKind, type PairStatus, type ReferralUrgency } from '@pm/contracts';
import { NotificationsService } from '@api/notifications/notifications.service';

export interface AttentionEvent {
  programId: string;
  mentorshipId: string;
  /** The pair's episode of needing attention: part of the dedupe key, so each episode notifies once. */
  episode: number;
  status: PairStatus;
  mentee: string;
  mentor: string;
}

export interface DigestEvent {
  programId: string;
  /** The digest run (its job's id): part of the dedupe key, so a retried job sends nothing twice. */
  run: string;
  pairs: number;
  atRisk: number;
  needsCheckIn: number;
  onTrack: number;
}

/**
 * What the relationship domain tells coordinators, always in the caller's transaction and only ever to the
 * program's coordinators: no mentor is a recipient of any of these (a referral must never reach one).
 */
@Injectable()
export class RelationshipNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  /** The referral's text stays on the referrals page: the notification names the program and urgency only. */
  async referral(manager: EntityManager, programId: string, referralId: string, urgency: ReferralUrgency): Promise<void> {
    const { coordinators, program } = await this.programOf(manager, programId);
    await this.notifications.notify(manager, {
      kind: NotificationKind.Referral,
      recipientIds: coordinators,
      link: `/programs/${programId}/referrals`,
      programId,
      params: { program, urgency },
      dedupeKey: `referral:${referralId}`,
    });
  }

  async pairNeedsAttention(manager: EntityManager, events: AttentionEvent[]): Promise<void> {
    const byProgram = new Map<string, { coordinators: string[]; program: string }>();
    for (const e of events) {
      let program = byProgram.get(e.programId);
      if (!program) {
        program = await this.programOf(manager, e.programId);
        byProgram.set(e.programId, program);
      }
      await this.notifications.notify(manager, {
        kind: NotificationKind.PairNeedsAttention,
        recipientIds: program.coordinators,
        link: `/programs/${e.programId}/pair-health`,
        programId: e.programId,
        params: { mentee: e.mentee, mentor: e.mentor, status: e.status, program: program.program },
        dedupeKey: `pair_needs_attention:${e.mentorshipId}:${e.episode}`,
      });
    }
  }

  async weeklyDigest(manager: EntityManager, e: DigestEvent): Promise<void> {
    const { coordinators, program } = await this.programOf(manager, e.programId);
    await this.notifications.notify(manager, {
      kind: NotificationKind.PairHealthDigest,
      recipientIds: coordinators,
      link: `/programs/${e.programId}/pair-health`,
      programId: e.programId,
      params: { program, pairs: e.pairs, atRisk: e.atRisk, needsCheckIn: e.needsCheckIn, onTrack: e.onTrack },
      dedupeKey: `pair_health_digest:${e.programId}:${e.run}`,
    });
  }

  private async programOf(manager: EntityManager, programId: string): Promise<{ coordinators: string[]; program: string }> {
    const rows: Array<{ name: string; coordinators: string[] | null }> = await manager.query(
      `SELECT p.name, array_agg(pc.user_id) FILTER (WHERE pc.user_id IS NOT NULL) AS coordinators
         FROM program p LEFT JOIN program_coordinator pc ON pc.program_id = p.id WHERE p.id = $1 GROUP BY p.id`,
      [programId],
    );
    const row = rows[0];
    return { coordinators: row?.coordinators ?? [], program: row?.name ?? '' };
  }
}
