import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  MentorshipStatus,
  type CommitRunResponse,
  type ExclusionResponse,
  type MatchingAlgorithm,
  type MatchingRunResponse,
  type MatchingWeights,
  type PreferencesResponse,
  type RankingCandidate,
  type UnmatchedReason,
} from '@pm/contracts';
import { findBlockingPairs, isEligible, resolveWeights, runMatching, scorePair, type MatchingInput, type MatchingMentee, type MatchingMentor } from '@pm/matching';
import { AuditService } from '@api/audit/audit.service';
import { DomainEvents } from '@api/events/domain-events';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { programNotFound } from '@api/programs/programs.errors';
import { ExclusionEntity } from './exclusion.entity';
import { MatchingInputService } from './matching-input.service';
import { MatchingRunEntity, type StoredRunResult } from './matching-run.entity';
import { exclusionNotFound, invalidRanking, notEnrolledAs, programClosed, runAlreadyCommitted, runNotFound, runStale } from './matching.errors';
import { toRunResponse } from './matching.mapper';
import { MentorshipEntity } from './mentorship.entity';
import { PreferenceEntity } from './preference.entity';
import { isUuid } from '@api/common/uuid';

interface ProfileRow {
  id: string;
  full_name: string;
  year_of_study: number | null;
  interests: string[];
  languages: string[];
  modalities: MatchingMentee['modalities'];
  campus: string | null;
  role: 'mentor' | 'mentee';
  capacity: number | null;
}

/**
 * Why a mentee of this run got no mentor, from the run's own state: the engine only sees mentors with a place
 * left, so a mentor filled by an earlier commit would turn "every eligible mentor is full" into "no eligible
 * mentor" on the next run. Judged against every enrolled mentor instead, the reason changes only when the
 * rules' inputs (years, modalities, exclusions, enrolments) do.
 */
export function unmatchedReason(menteeId: string, input: MatchingInput, allMentors: readonly MatchingMentor[]): UnmatchedReason {
  const mentee = input.mentees.find((m) => m.id === menteeId);
  if (!mentee) return 'no_eligible_mentor';
  const excluded = new Set((input.exclusions ?? []).filter((x) => x.menteeId === menteeId).map((x) => x.mentorId));
  return allMentors.some((mentor) => isEligible(mentee, mentor, (_menteeId, mentorId) => excluded.has(mentorId))) ? 'eligible_mentors_full' : 'no_eligible_mentor';
}

@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
    private readonly inputs: MatchingInputService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
  ) {}

  /** Coordinators of the program: compute and store a preview; nothing is committed. */
  async createRun(actor: Actor, programId: string, algorithm: MatchingAlgorithm, weights: Partial<MatchingWeights> = {}): Promise<MatchingRunResponse> {
    await this.access.requireCoordinator(actor, programId);
    const { input, names, fingerprint, allMentors } = await this.inputs.load(programId);
    // The DTO bounds every weight as the engine does, so resolveWeights cannot throw here.
    const resolved = resolveWeights(weights);
    const started = performance.now();
    const result = runMatching({ ...input, weights: resolved }, algorithm);
    const durationMs = Math.round(performance.now() - started);
    const stored: StoredRunResult = {
      assignments: result.assignments.map((a) => ({
        menteeId: a.menteeId,
        mentorId: a.mentorId,
        score: a.score,
        reasons: a.reasons.map((r) => r.text),
        reasonDetails: a.reasons,
        menteeName: names.get(a.menteeId) ?? '',
        mentorName: names.get(a.mentorId) ?? '',
      })),
      unmatched: result.unmatched.map((u) => ({ menteeId: u.menteeId, menteeName: names.get(u.menteeId) ?? '', reason: unmatchedReason(u.menteeId, input, allMentors) })),
      stats: result.stats,
      certificate: (result.certificate as unknown as Record<string, unknown> | undefined) ?? null,
      blockingPairs: algorithm === 'stable' ? findBlockingPairs(input, result).length : null,
      durationMs,
    };
    const run = await this.dataSource.manager.save(
      this.dataSource.manager.create(MatchingRunEntity, { programId, algorithm, parameters: { ...resolved }, result: stored, inputFingerprint: fingerprint, createdById: actor.id }),
    );
    return toRunResponse(run, false);
  }

  async listRuns(actor: Actor, programId: string): Promise<MatchingRunResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const runs = await this.dataSource.manager.find(MatchingRunEntity, { where: { programId }, order: { createdAt: 'DESC' }, take: 20 });
    const { fingerprint } = await this.inputs.load(programId);
    return runs.map((r) => toRunResponse(r, r.committedAt === null && r.inputFingerprint !== fingerprint));
  }

  async getRun(actor: Actor, programId: string, runId: string): Promise<MatchingRunResponse> {
    await this.access.requireCoordinator(actor, programId);
    const run = await this.findRun(programId, runId);
    const { fingerprint } = await this.inputs.load(programId);
    return toRunResponse(run, run.committedAt === null && run.inputFingerprint !== fingerprint);
  }

  /**
   * Coordinators of the program: turn a preview into mentorships, all or nothing. The program row is locked
   * so that a concurrent commit or manual match waits, then sees the new state and finds this preview stale.
   */
  async commitRun(actor: Actor, programId: string, runId: string): Promise<CommitRunResponse> {
    await this.access.requireCoordinator(actor, programId);
    if (!isUuid(runId)) throw runNotFound();
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM program WHERE id = $1 FOR UPDATE', [programId]);
      const run = await manager.findOne(MatchingRunEntity, { where: { id: runId, programId }, lock: { mode: 'pessimistic_write' } });
      if (!run) throw runNotFound();
      if (run.committedAt) throw runAlreadyCommitted();
      const { fingerprint } = await this.inputs.load(programId, manager);
      if (fingerprint !== run.inputFingerprint) throw runStale();
      const rows = run.result.assignments.map((a) => ({
        programId,
        menteeId: a.menteeId,
        mentorId: a.mentorId,
        status: MentorshipStatus.Active,
        matchingRunId: run.id,
        createdById: actor.id,
      }));
      const saved = rows.length > 0 ? await manager.save(MentorshipEntity, rows.map((r) => manager.create(MentorshipEntity, r))) : [];
      await manager.update(MatchingRunEntity, { id: run.id }, { committedAt: new Date() });
      // Committed pairs start today in the program's time zone (the column's trigger fills started_on).
      await this.audit.record(
        { actorId: actor.id, action: 'matching.commit', programId, details: { runId: run.id, algorithm: run.algorithm, mentorships: saved.length, unmatched: run.result.unmatched.length } },
        manager,
      );
      await this.events.publish(manager, 'mentorship.created', { mentorshipIds: saved.map((m) => m.id), actorId: actor.id });
      return { mentorships: saved.map((m) => ({ id: m.id, menteeId: m.menteeId, mentorId: m.mentorId })) };
    });
  }

  /** An enrolled mentee or mentor: replace their ranking of the other side. */
  async setPreferences(actor: Actor, programId: string, rankedUserIds: string[]): Promise<PreferencesResponse> {
    const { me, others } = await this.rankingContext(actor, programId);
    if (new Set(rankedUserIds).size !== rankedUserIds.length) throw invalidRanking('rankedUserIds lists someone twice');
    const eligible = new Set(others.filter((o) => o.eligible).map((o) => o.row.id));
    const everyone = new Set(others.map((o) => o.row.id));
    for (const id of rankedUserIds) {
      if (!everyone.has(id)) throw invalidRanking(`${id} is not a ${me.role === 'mentee' ? 'mentor' : 'mentee'} of this program`);
      if (!eligible.has(id)) throw invalidRanking(`${id} is not eligible to be matched with you (year of study, modality or an exclusion)`);
    }
    await this.dataSource.manager.upsert(PreferenceEntity, { programId, userId: actor.id, rankedUserIds }, ['programId', 'userId']);
    return this.getPreferences(actor, programId);
  }

  async getPreferences(actor: Actor, programId: string): Promise<PreferencesResponse> {
    await this.rankingContext(actor, programId);
    const pref = await this.dataSource.manager.findOne(PreferenceEntity, { where: { programId, userId: actor.id } });
    return { rankedUserIds: pref?.rankedUserIds ?? [], updatedAt: pref?.updatedAt.toISOString() ?? null };
  }

  /** An enrolled mentee or mentor: who they may rank, best-scored first. */
  async candidates(actor: Actor, programId: string): Promise<RankingCandidate[]> {
    const { others } = await this.rankingContext(actor, programId);
    return others
      .filter((o) => o.eligible)
      .map((o) => ({
        userId: o.row.id,
        fullName: o.row.full_name,
        yearOfStudy: o.row.year_of_study,
        interests: o.row.interests,
        languages: o.row.languages,
        modalities: o.row.modalities,
        campus: o.row.campus,
        score: o.score,
      }))
      .sort((a, b) => b.score - a.score || a.userId.localeCompare(b.userId));
  }

  /** Coordinators of the program: a pair that must never be matched. */
  async addExclusion(actor: Actor, programId: string, menteeId: string, mentorId: string): Promise<ExclusionResponse> {
    await this.access.requireCoordinator(actor, programId);
    const roles: Array<{ user_id: string; role: string }> = await this.dataSource.query(
      `SELECT user_id, role::text AS role FROM enrollment WHERE program_id = $1 AND user_id = ANY($2::uuid[])`,
      [programId, [menteeId, mentorId]],
    );
    if (!roles.some((r) => r.user_id === menteeId && r.role === 'mentee')) throw notEnrolledAs('menteeId', 'mentee');
    if (!roles.some((r) => r.user_id === mentorId && r.role === 'mentor')) throw notEnrolledAs('mentorId', 'mentor');
    await this.dataSource.manager.upsert(ExclusionEntity, { programId, menteeId, mentorId, createdById: actor.id }, ['programId', 'menteeId', 'mentorId']);
    const row = await this.dataSource.manager.findOneOrFail(ExclusionEntity, { where: { programId, menteeId, mentorId } });
    return { menteeId, mentorId, createdAt: row.createdAt.toISOString() };
  }

  async listExclusions(actor: Actor, programId: string): Promise<ExclusionResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const rows = await this.dataSource.manager.find(ExclusionEntity, { where: { programId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ menteeId: r.menteeId, mentorId: r.mentorId, createdAt: r.createdAt.toISOString() }));
  }

  async removeExclusion(actor: Actor, programId: string, menteeId: string, mentorId: string): Promise<void> {
    await this.access.requireCoordinator(actor, programId);
    if (!isUuid(menteeId) || !isUuid(mentorId)) throw exclusionNotFound();
    const res = await this.dataSource.manager.delete(ExclusionEntity, { programId, menteeId, mentorId });
    if (!res.affected) throw exclusionNotFound();
  }

  private async findRun(programId: string, runId: string): Promise<MatchingRunEntity> {
    if (!isUuid(runId)) throw runNotFound();
    const run = await this.dataSource.manager.findOne(MatchingRunEntity, { where: { id: runId, programId } });
    if (!run) throw runNotFound();
    return run;
  }

  /** The caller's enrolment and everyone on the other side, with eligibility and score from the caller's view. */
  private async rankingContext(actor: Actor, programId: string): Promise<{ me: ProfileRow; others: Array<{ row: ProfileRow; eligible: boolean; score: number }> }> {
    const relations = await this.access.relationsOf(actor, programId);
    if (!relations || !(relations.includes('mentor') || relations.includes('mentee'))) throw programNotFound();
    // Ended (past endsOn) or closed by a coordinator: rankings no longer change.
    const program: Array<{ ends_on: string; closed: boolean }> = await this.dataSource.query('SELECT ends_on, closed_at IS NOT NULL AS closed FROM program WHERE id = $1', [programId]);
    if (program[0]?.closed || (program[0]?.ends_on ?? '9999-12-31') < new Date().toISOString().slice(0, 10)) throw programClosed();
    const rows: ProfileRow[] = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.year_of_study, u.interests, u.languages, u.modalities, u.campus, e.role::text AS role, e.capacity
         FROM enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.program_id = $1 ORDER BY u.id`,
      [programId],
    );
    const me = rows.find((r) => r.id === actor.id);
    if (!me) throw programNotFound();
    const exclusions: Array<{ mentee_id: string; mentor_id: string }> = await this.dataSource.query(
      'SELECT mentee_id, mentor_id FROM match_exclusion WHERE program_id = $1',
      [programId],
    );
    const excluded = new Set(exclusions.map((x) => `${x.mentee_id}:${x.mentor_id}`));
    const isExcluded = (menteeId: string, mentorId: string): boolean => excluded.has(`${menteeId}:${mentorId}`);
    const asMentee = (r: ProfileRow): MatchingMentee => ({ id: r.id, yearOfStudy: r.year_of_study ?? 0, interests: r.interests, languages: r.languages, modalities: r.modalities, campus: r.campus });
    const asMentor = (r: ProfileRow): MatchingMentor => ({ ...asMentee(r), capacity: r.capacity ?? 0 });
    const others = rows
      .filter((r) => r.role !== me.role)
      .map((row) => {
        const [mentee, mentor] = me.role === 'mentee' ? [asMentee(me), asMentor(row)] : [asMentee(row), asMentor(me)];
        return { row, eligible: isEligible(mentee, mentor, isExcluded), score: scorePair(mentee, mentor).score };
      });
    return { me, others };
  }
}
