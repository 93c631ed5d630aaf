import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role, type SurveyItemResponse, type SurveySummaryResponse, type SurveyWave, type SurveyWavesResponse } from '@pm/contracts';
import { summarizeGroup, summarizeLikert } from '@pm/stats';
import { isUniqueViolation } from '@api/auth/auth.service';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import type { SurveySubmissionDto, UpdateSurveyItemsDto } from './dto/outcomes.dto';
import { invalidSurveyAnswers, surveyAlreadyAnswered, surveyWaveClosed } from './outcomes.errors';
import { defaultSurveyItems, type SurveyLanguage } from './survey-defaults';
import { SurveyAnswerEntity, SurveyItemEntity, SurveyResponseEntity } from './survey.entities';

@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ProgramAccess,
  ) {}

  /** Coordinators and enrolled students: the items currently asked (the defaults until edited). */
  async items(actor: Actor, programId: string, language: SurveyLanguage = 'en'): Promise<SurveyItemResponse[]> {
    await this.access.requireMember(actor, programId);
    return this.activeItems(programId, language);
  }

  /** Coordinators of the program: replace the items. Known keys keep their answers; missing keys are retired. */
  async updateItems(actor: Actor, programId: string, dto: UpdateSurveyItemsDto): Promise<SurveyItemResponse[]> {
    await this.access.requireCoordinator(actor, programId);
    const keys = dto.items.map((i) => i.key);
    if (new Set(keys).size !== keys.length) throw invalidSurveyAnswers('Each item key may appear once');
    await this.dataSource.transaction(async (manager) => {
      await this.ensureDefaults(programId, manager);
      await manager.update(SurveyItemEntity, { programId }, { active: false });
      for (const [position, item] of dto.items.entries()) {
        await manager.upsert(SurveyItemEntity, { programId, key: item.key, text: item.text, source: item.source || null, baseline: item.baseline ?? false, position, active: true }, ['programId', 'key']);
      }
    });
    return this.activeItems(programId);
  }

  /** A mentee of the program: which waves they may still answer. */
  async waves(actor: Actor, programId: string): Promise<SurveyWavesResponse> {
    await this.requireMentee(actor, programId);
    const [state] = await this.waveState(actor.id, programId);
    return {
      baseline: { open: !state.baselineAnswered && !state.mentoringStarted && state.baselineItems > 0, answered: state.baselineAnswered },
      end: { open: !state.endAnswered, answered: state.endAnswered },
    };
  }

  /**
   * Enrolled mentees: one wave of the survey, answered once, 1 to 5. The end wave asks every current item; the
   * baseline wave asks the items marked for it, and closes once a mentorship of the student's has started (an
   * answer given after mentoring began is not a baseline).
   */
  async submit(actor: Actor, programId: string, dto: SurveySubmissionDto): Promise<{ id: string }> {
    await this.requireMentee(actor, programId);
    const wave: SurveyWave = dto.wave ?? 'end';
    if (wave === 'baseline') {
      const [state] = await this.waveState(actor.id, programId);
      if (state.baselineAnswered) throw surveyAlreadyAnswered();
      if (state.mentoringStarted) throw surveyWaveClosed();
    }
    const items = (await this.activeItems(programId)).filter((i) => wave === 'end' || i.baseline);
    const asked = new Set(items.map((i) => i.id));
    if (asked.size === 0) throw surveyWaveClosed();
    const answered = dto.answers.map((a) => a.itemId);
    if (new Set(answered).size !== answered.length) throw invalidSurveyAnswers('Each item may be answered once');
    const unknown = answered.filter((id) => !asked.has(id));
    if (unknown.length > 0) throw invalidSurveyAnswers(`Not an item of this survey: ${unknown.join(', ')}`);
    if (answered.length !== asked.size) throw invalidSurveyAnswers(`Answer all ${asked.size} items`);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const response = await manager.save(manager.create(SurveyResponseEntity, { programId, respondentId: actor.id, kind: wave }));
        await manager.insert(
          SurveyAnswerEntity,
          dto.answers.map((a) => ({ responseId: response.id, itemId: a.itemId, value: a.value })),
        );
        return { id: response.id };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'survey_response_end_once') || isUniqueViolation(e, 'survey_response_baseline_once')) throw surveyAlreadyAnswered();
      throw e;
    }
  }

  /** Coordinators of the program: per-item summaries (n, mean, sd, distribution), for every item ever asked. */
  async summary(actor: Actor, programId: string, language: SurveyLanguage = 'en'): Promise<SurveySummaryResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.ensureDefaults(programId, this.dataSource.manager, language);
    const items = await this.dataSource.manager.find(SurveyItemEntity, { where: { programId }, order: { position: 'ASC', key: 'ASC' } });
    const answers: Array<{ item_id: string; respondent_id: string; kind: SurveyWave; value: number }> = await this.dataSource.query(
      `SELECT a.item_id, r.respondent_id, r.kind, a.value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id
        WHERE r.program_id = $1 AND r.kind IN ('baseline', 'end')`,
      [programId],
    );
    const respondents: Array<{ end_n: number; baseline_n: number }> = await this.dataSource.query(
      `SELECT count(DISTINCT respondent_id) FILTER (WHERE kind = 'end')::int AS end_n, count(DISTINCT respondent_id) FILTER (WHERE kind = 'baseline')::int AS baseline_n
         FROM survey_response WHERE program_id = $1`,
      [programId],
    );
    const ofWave = (wave: SurveyWave) => answers.filter((a) => a.kind === wave).map((a) => ({ itemId: a.item_id, value: a.value }));
    const end = new Map(summarizeLikert(ofWave('end')).map((x) => [x.itemId, x]));
    const baseline = new Map(summarizeLikert(ofWave('baseline')).map((x) => [x.itemId, x]));
    // Paired per student and item: the baseline answer is "pre", the end answer "post".
    const baselineValue = new Map(answers.filter((a) => a.kind === 'baseline').map((a) => [`${a.item_id}/${a.respondent_id}`, a.value]));
    const pairs = new Map<string, Array<{ pre: number; post: number }>>();
    for (const a of answers) {
      const pre = a.kind === 'end' ? baselineValue.get(`${a.item_id}/${a.respondent_id}`) : undefined;
      if (pre === undefined) continue;
      pairs.set(a.item_id, [...(pairs.get(a.item_id) ?? []), { pre, post: a.value }]);
    }
    return {
      respondents: respondents[0]?.end_n ?? 0,
      baselineRespondents: respondents[0]?.baseline_n ?? 0,
      items: items
        .filter((i) => i.active || end.has(i.id) || baseline.has(i.id))
        .map((i) => {
          const e = end.get(i.id);
          const b = baseline.get(i.id);
          const change = summarizeGroup(pairs.get(i.id) ?? []);
          return {
            itemId: i.id,
            key: i.key,
            text: i.text,
            source: i.source,
            n: e?.n ?? 0,
            mean: e?.mean ?? null,
            sd: e?.sd ?? null,
            distribution: e?.distribution ?? [0, 0, 0, 0, 0],
            baselineN: b?.n ?? 0,
            baselineMean: b?.mean ?? null,
            change: { n: change.n, meanChange: change.meanChange, ci95: change.ci95, pValue: change.pValue },
          };
        }),
    };
  }

  private async activeItems(programId: string, language: SurveyLanguage = 'en'): Promise<SurveyItemResponse[]> {
    await this.ensureDefaults(programId, this.dataSource.manager, language);
    const rows = await this.dataSource.manager.find(SurveyItemEntity, { where: { programId, active: true }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map((r) => ({ id: r.id, key: r.key, text: r.text, position: r.position, source: r.source, baseline: r.baseline }));
  }

  /**
   * A program gets the default items the first time anyone looks, in that reader's language (a Persian
   * coordinator never meets English statements they did not write); concurrent first looks insert once.
   */
  private async ensureDefaults(programId: string, manager: EntityManager, language: SurveyLanguage = 'en'): Promise<void> {
    const count = await manager.count(SurveyItemEntity, { where: { programId } });
    if (count > 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SurveyItemEntity)
      .values(defaultSurveyItems(language).map((item, position) => ({ programId, key: item.key, text: item.text, position, active: true })))
      .orIgnore()
      .execute();
  }

  private async requireMentee(actor: Actor, programId: string): Promise<void> {
    const relations = await this.access.requireMember(actor, programId);
    if (actor.role !== Role.Student || !relations.includes('mentee')) throw forbidden('Only the program’s mentees answer its survey');
  }

  /** What decides the caller's waves, in one read. */
  private waveState(userId: string, programId: string): Promise<Array<{ baselineAnswered: boolean; endAnswered: boolean; mentoringStarted: boolean; baselineItems: number }>> {
    return this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM survey_response WHERE program_id = $1 AND respondent_id = $2 AND kind = 'baseline') AS "baselineAnswered",
              EXISTS (SELECT 1 FROM survey_response WHERE program_id = $1 AND respondent_id = $2 AND kind = 'end') AS "endAnswered",
              EXISTS (SELECT 1 FROM mentorship m JOIN program p ON p.id = m.program_id
                       WHERE m.program_id = $1 AND m.mentee_id = $2
                         AND m.started_on <= (now() AT TIME ZONE p.timezone)::date) AS "mentoringStarted",
              (SELECT count(*)::int FROM survey_item WHERE program_id = $1 AND active AND baseline) AS "baselineItems"`,
      [programId, userId],
    );
  }
}
