import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role, type SurveyItemResponse, type SurveySummaryResponse } from '@pm/contracts';
import { summarizeLikert } from '@pm/stats';
import { isUniqueViolation } from '@api/auth/auth.service';
import { forbidden } from '@api/auth/auth.errors';
import type { Actor } from '@api/common/access.decorators';
import { ProgramAccess } from '@api/programs/program-access.service';
import type { SurveySubmissionDto, UpdateSurveyItemsDto } from './dto/outcomes.dto';
import { invalidSurveyAnswers, surveyAlreadyAnswered } from './outcomes.errors';
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
        await manager.upsert(SurveyItemEntity, { programId, key: item.key, text: item.text, position, active: true }, ['programId', 'key']);
      }
    });
    return this.activeItems(programId);
  }

  /** Enrolled mentees: the end-of-program survey, every current item answered once, 1 to 5. */
  async submitEnd(actor: Actor, programId: string, dto: SurveySubmissionDto): Promise<{ id: string }> {
    const relations = await this.access.requireMember(actor, programId);
    if (actor.role !== Role.Student || !relations.includes('mentee')) throw forbidden('Only the program’s mentees answer its survey');
    const items = await this.activeItems(programId);
    const asked = new Set(items.map((i) => i.id));
    const answered = dto.answers.map((a) => a.itemId);
    if (new Set(answered).size !== answered.length) throw invalidSurveyAnswers('Each item may be answered once');
    const unknown = answered.filter((id) => !asked.has(id));
    if (unknown.length > 0) throw invalidSurveyAnswers(`Not an item of this survey: ${unknown.join(', ')}`);
    if (answered.length !== asked.size) throw invalidSurveyAnswers(`Answer all ${asked.size} items`);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const response = await manager.save(manager.create(SurveyResponseEntity, { programId, respondentId: actor.id, kind: 'end' }));
        await manager.insert(
          SurveyAnswerEntity,
          dto.answers.map((a) => ({ responseId: response.id, itemId: a.itemId, value: a.value })),
        );
        return { id: response.id };
      });
    } catch (e) {
      if (isUniqueViolation(e, 'survey_response_end_once')) throw surveyAlreadyAnswered();
      throw e;
    }
  }

  /** Coordinators of the program: per-item summaries (n, mean, sd, distribution), for every item ever asked. */
  async summary(actor: Actor, programId: string, language: SurveyLanguage = 'en'): Promise<SurveySummaryResponse> {
    await this.access.requireCoordinator(actor, programId);
    await this.ensureDefaults(programId, this.dataSource.manager, language);
    const items = await this.dataSource.manager.find(SurveyItemEntity, { where: { programId }, order: { position: 'ASC', key: 'ASC' } });
    const answers: Array<{ item_id: string; value: number }> = await this.dataSource.query(
      `SELECT a.item_id, a.value FROM survey_answer a JOIN survey_response r ON r.id = a.response_id WHERE r.program_id = $1`,
      [programId],
    );
    const respondents: Array<{ n: number }> = await this.dataSource.query('SELECT count(DISTINCT respondent_id)::int AS n FROM survey_response WHERE program_id = $1', [programId]);
    const byItem = new Map(summarizeLikert(answers.map((a) => ({ itemId: a.item_id, value: a.value }))).map((s) => [s.itemId, s]));
    return {
      respondents: respondents[0]?.n ?? 0,
      items: items
        .filter((i) => i.active || byItem.has(i.id))
        .map((i) => {
          const s = byItem.get(i.id);
          return { itemId: i.id, key: i.key, text: i.text, n: s?.n ?? 0, mean: s?.mean ?? null, sd: s?.sd ?? null, distribution: s?.distribution ?? [0, 0, 0, 0, 0] };
        }),
    };
  }

  private async activeItems(programId: string, language: SurveyLanguage = 'en'): Promise<SurveyItemResponse[]> {
    await this.ensureDefaults(programId, this.dataSource.manager, language);
    const rows = await this.dataSource.manager.find(SurveyItemEntity, { where: { programId, active: true }, order: { position: 'ASC', key: 'ASC' } });
    return rows.map((r) => ({ id: r.id, key: r.key, text: r.text, position: r.position }));
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
}
