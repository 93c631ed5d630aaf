import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Role, type AcademicRecordResponse, type AuditEntryResponse, type ImportResponse, type OutcomesResponse, type SurveyItemResponse, type SurveySummaryResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { RecordsQuery, SurveySubmissionDto, UpdateSurveyItemsDto } from './dto/outcomes.dto';
import { OutcomesService } from './outcomes.service';
import { SurveysService } from './surveys.service';

@ApiTags('outcomes')
@Controller()
export class OutcomesController {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly surveys: SurveysService,
  ) {}

  @Post('programs/:id/academic-records/import')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'student_email,assessment,taken_on,score,max_score\nsara@uni.example,Anatomy midterm,2026-09-10,42,50' } })
  @ApiOkResponse({ description: '{imported, updated, unchanged, rows}' })
  @ApiUnprocessableEntityResponse({ description: '{rejected: [{line, error}]}: every bad line; nothing stored' })
  import(@CurrentActor() actor: Actor, @Param('id') id: string, @Headers('content-type') contentType: string | undefined, @Body() body: unknown): Promise<ImportResponse> {
    if (typeof body !== 'string' || !/^text\/(csv|plain)\b/.test(contentType ?? '')) throw new UnsupportedMediaTypeException('Send the file as text/csv');
    return this.outcomes.importCsv(actor, id, body);
  }

  @Get('programs/:id/academic-records')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: "The program's records; every read is written to the audit log" })
  programRecords(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: RecordsQuery): Promise<AcademicRecordResponse[]> {
    return this.outcomes.programRecords(actor, id, query.email);
  }

  @Get('me/academic-records')
  @Auth(Role.Student)
  myRecords(@CurrentActor() actor: Actor): Promise<AcademicRecordResponse[]> {
    return this.outcomes.myRecords(actor);
  }

  @Get('programs/:id/outcomes')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: 'Before/after analysis: mentored vs comparison, difference by Welch, by modality (CONTRACT.md)' })
  analysis(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OutcomesResponse> {
    return this.outcomes.outcomes(actor, id);
  }

  @Get('programs/:id/outcomes/export.csv')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'De-identified research export: pseudonym, group, modality, pre, post, change, sessions attended, survey mean' })
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const csv = await this.outcomes.exportDeidentified(actor, id);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="outcomes-deidentified.csv"');
    return csv;
  }

  @Get('programs/:id/audit-log')
  @Auth(Role.Coordinator, Role.Admin)
  auditLog(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AuditEntryResponse[]> {
    return this.outcomes.auditLog(actor, id);
  }

  @Get('programs/:id/survey-items')
  @Auth()
  @ApiOkResponse({ description: 'The Likert items currently asked (1 = strongly disagree … 5 = strongly agree)' })
  surveyItems(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SurveyItemResponse[]> {
    return this.surveys.items(actor, id);
  }

  @Put('programs/:id/survey-items')
  @Auth(Role.Coordinator, Role.Admin)
  updateSurveyItems(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateSurveyItemsDto): Promise<SurveyItemResponse[]> {
    return this.surveys.updateItems(actor, id, dto);
  }

  @Post('programs/:id/survey-responses')
  @Auth(Role.Student)
  @ApiCreatedResponse({ description: 'The end-of-program survey, answered' })
  @ApiConflictResponse({ description: 'Already answered' })
  submitSurvey(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SurveySubmissionDto): Promise<{ id: string }> {
    return this.surveys.submitEnd(actor, id, dto);
  }

  @Get('programs/:id/survey-summary')
  @Auth(Role.Coordinator, Role.Admin)
  surveySummary(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SurveySummaryResponse> {
    return this.surveys.summary(actor, id);
  }
}
