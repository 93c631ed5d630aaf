import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { AgreementGoal, AgreementResponse, AgreementTemplate, UpdateAgreementRequest } from '@pm/contracts';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import { PairAccess, type PairContext } from '../pair-access';
import { agreementChanged, agreementEmpty, goalNotFound } from '../relationship.errors';
import { DEFAULT_AGREEMENT_TEMPLATE } from './agreement-defaults';
import { AgreementTemplateEntity } from './agreement-template.entity';
import { AgreementEntity } from './agreement.entity';

const toResponse = (a: AgreementEntity | null, template: AgreementTemplate): AgreementResponse =>
  a
    ? {
        goals: a.goals.map((g) => g.text),
        meetingsPerMonth: a.meetingsPerMonth,
        signedByMentorAt: a.signedByMentorAt?.toISOString() ?? null,
        signedByMenteeAt: a.signedByMenteeAt?.toISOString() ?? null,
        goalItems: a.goals.map((g) => ({ id: g.id, text: g.text, achievedAt: g.achievedAt })),
        confidentiality: { en: a.confidentialityEn, fa: a.confidentialityFa },
        version: a.version,
        updatedAt: a.updatedAt.toISOString(),
        template: null,
      }
    : {
        goals: [],
        meetingsPerMonth: null,
        signedByMentorAt: null,
        signedByMenteeAt: null,
        goalItems: [],
        confidentiality: template.confidentiality,
        version: 0,
        updatedAt: null,
        template,
      };

/** The pair's agreement and the program's template it starts from. */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairs: PairAccess,
    private readonly programs: ProgramAccess,
  ) {}

  async get(actor: Actor, mentorshipId: string): Promise<AgreementResponse> {
    const pair = await this.pairs.require(actor, mentorshipId, ['mentor', 'mentee', 'coordinator']);
    const agreement = await this.dataSource.getRepository(AgreementEntity).findOneBy({ mentorshipId: pair.id });
    return toResponse(agreement, agreement ? DEFAULT_AGREEMENT_TEMPLATE : await this.templateOf(pair.programId));
  }

  /**
   * Either side edits. Goals keep their id (and whether they were achieved) when their text is unchanged. Any
   * change of the text raises the version and clears both signatures; saving the same text changes nothing.
   */
  async update(actor: Actor, mentorshipId: string, dto: UpdateAgreementRequest): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.pairs.require(actor, mentorshipId, ['mentor', 'mentee'], manager);
      PairAccess.requireActive(pair);
      const current = await this.lock(manager, pair.id);
      if (!current) {
        const template = await this.templateOf(pair.programId, manager);
        const goals: AgreementGoal[] = dto.goals.map((text) => ({ id: randomUUID(), text, achievedAt: null }));
        await manager.insert(AgreementEntity, {
          mentorshipId: pair.id,
          goals,
          meetingsPerMonth: dto.meetingsPerMonth,
          confidentialityEn: template.confidentiality.en,
          confidentialityFa: template.confidentiality.fa,
          version: 1,
          updatedById: actor.id,
        });
      } else {
        const same = current.meetingsPerMonth === dto.meetingsPerMonth && current.goals.length === dto.goals.length && current.goals.every((g, i) => g.text === dto.goals[i]);
        if (!same) {
          const pool = [...current.goals];
          const goals = dto.goals.map((text): AgreementGoal => {
            const i = pool.findIndex((g) => g.text === text);
            const kept = i >= 0 ? pool.splice(i, 1)[0] : undefined;
            return kept ?? { id: randomUUID(), text, achievedAt: null };
          });
          await manager.update(
            AgreementEntity,
            { mentorshipId: pair.id },
            { goals, meetingsPerMonth: dto.meetingsPerMonth, version: current.version + 1, signedByMentorAt: null, signedByMenteeAt: null, updatedById: actor.id },
          );
        }
      }
      return toResponse(await manager.findOneByOrFail(AgreementEntity, { mentorshipId: pair.id }), DEFAULT_AGREEMENT_TEMPLATE);
    });
  }

  /** Signs the current text (the version the signer read, when they say which). */
  async sign(actor: Actor, mentorshipId: string, version?: number): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.pairs.require(actor, mentorshipId, ['mentor', 'mentee'], manager);
      PairAccess.requireActive(pair);
      const current = await this.lock(manager, pair.id);
      if (!current || current.goals.length === 0) throw agreementEmpty();
      if (version !== undefined && version !== current.version) throw agreementChanged(current.version);
      const column = pair.relation === 'mentor' ? 'signedByMentorAt' : 'signedByMenteeAt';
      if (!current[column]) await manager.update(AgreementEntity, { mentorshipId: pair.id }, { [column]: new Date() });
      return toResponse(await manager.findOneByOrFail(AgreementEntity, { mentorshipId: pair.id }), DEFAULT_AGREEMENT_TEMPLATE);
    });
  }

  /** Marking progress is not a change of the agreed text: the signatures stay. */
  async setGoalAchieved(actor: Actor, mentorshipId: string, goalId: string, achieved: boolean): Promise<AgreementResponse> {
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.pairs.require(actor, mentorshipId, ['mentor', 'mentee'], manager);
      PairAccess.requireActive(pair);
      await this.markGoal(manager, pair, goalId, achieved, goalNotFound);
      return toResponse(await manager.findOneByOrFail(AgreementEntity, { mentorshipId: pair.id }), DEFAULT_AGREEMENT_TEMPLATE);
    });
  }

  /** Used by the session log too; `missing` says which error an unknown goal is for the caller. */
  async markGoal(manager: EntityManager, pair: Pick<PairContext, 'id'>, goalId: string, achieved: boolean, missing: () => Error): Promise<void> {
    const current = await this.lock(manager, pair.id);
    const goal = current?.goals.find((g) => g.id === goalId);
    if (!current || !goal) throw missing();
    if (Boolean(goal.achievedAt) === achieved) return;
    const goals = current.goals.map((g) => (g.id === goalId ? { ...g, achievedAt: achieved ? new Date().toISOString() : null } : g));
    await manager.update(AgreementEntity, { mentorshipId: pair.id }, { goals });
  }

  async goalIds(manager: EntityManager, mentorshipId: string): Promise<string[]> {
    const a = await manager.findOneBy(AgreementEntity, { mentorshipId });
    return a?.goals.map((g) => g.id) ?? [];
  }

  // ---- the program's template -------------------------------------------------------------------------

  async getTemplate(actor: Actor, programId: string): Promise<AgreementTemplate> {
    await this.programs.requireCoordinator(actor, programId);
    return this.templateOf(programId);
  }

  async putTemplate(actor: Actor, programId: string, t: AgreementTemplate): Promise<AgreementTemplate> {
    await this.programs.requireCoordinator(actor, programId);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(AgreementTemplateEntity)
      .values({ programId, goalsEn: t.goals.en, goalsFa: t.goals.fa, meetingsPerMonth: t.meetingsPerMonth, confidentialityEn: t.confidentiality.en, confidentialityFa: t.confidentiality.fa })
      .orUpdate(['goals_en', 'goals_fa', 'meetings_per_month', 'confidentiality_en', 'confidentiality_fa', 'updated_at'], ['program_id'])
      .execute();
    return this.templateOf(programId);
  }

  private async templateOf(programId: string, manager: EntityManager = this.dataSource.manager): Promise<AgreementTemplate> {
    const t = await manager.findOneBy(AgreementTemplateEntity, { programId });
    if (!t) return DEFAULT_AGREEMENT_TEMPLATE;
    return { goals: { en: t.goalsEn, fa: t.goalsFa }, meetingsPerMonth: t.meetingsPerMonth, confidentiality: { en: t.confidentialityEn, fa: t.confidentialityFa } };
  }

  /** Locks the pair (so two first saves cannot both insert) and then its agreement. */
  private async lock(manager: EntityManager, mentorshipId: string): Promise<AgreementEntity | null> {
    await manager.query('SELECT 1 FROM mentorship WHERE id = $1 FOR NO KEY UPDATE', [mentorshipId]);
    return manager.findOne(AgreementEntity, { where: { mentorshipId }, lock: { mode: 'pessimistic_write' } });
  }
}
