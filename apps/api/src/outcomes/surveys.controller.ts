import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type SurveyItemResponse, type SurveyItemSet, type SurveySummaryResponse, type SurveyWavesResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { SurveyLanguageQueryDto, SurveySubmissionDto, UpdateSurveyItemsDto } from './dto/outcomes.dto';
import { surveyItemSets } from './survey-item-sets';
import { SurveysService } from './surveys.service';

@ApiTags('outcomes')
@Controller()
export class SurveysController {
  constructor(private readonly surveys: SurveysService) {}

  @Get('programs/:id/survey-items')
  @Auth()
  @ApiOkResponse({ description: 'The Likert items currently asked (1 = strongly disagree … 5 = strongly agree)' })
  surveyItems(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: SurveyLanguageQueryDto): Promise<SurveyItemResponse[]> {
    return this.surveys.items(actor, id, query.lang);
  }

  @Put('programs/:id/survey-items')
  @Auth(Role.Coordinator, Role.Admin)
  updateSurveyItems(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateSurveyItemsDto): Promise<SurveyItemResponse[]> {
    return this.surveys.updateItems(actor, id, dto);
  }

  @Get('survey-item-sets')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Ready sets of items to load into the editor, each statement with its source' })
  @ApiOkResponse({ description: 'SurveyItemSet[]' })
  itemSets(@Query() query: SurveyLanguageQueryDto): SurveyItemSet[] {
    return surveyItemSets(query.lang ?? 'en');
  }

  @Get('programs/:id/survey-waves')
  @Auth(Role.Student)
  @ApiOperation({ summary: "The caller's survey waves: the baseline (before mentoring begins) and the end, open or answered" })
  @ApiOkResponse({ description: 'SurveyWavesResponse' })
  waves(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SurveyWavesResponse> {
    return this.surveys.waves(actor, id);
  }

  @Post('programs/:id/survey-responses')
  @Auth(Role.Student)
  @ApiCreatedResponse({ description: 'One wave of the survey, answered (`wave`: baseline or end, default end)' })
  @ApiConflictResponse({ description: 'This wave already answered (SURVEY_ALREADY_ANSWERED); the baseline after mentoring began (SURVEY_WAVE_CLOSED)' })
  submitSurvey(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SurveySubmissionDto): Promise<{ id: string }> {
    return this.surveys.submit(actor, id, dto);
  }

  @Get('programs/:id/survey-summary')
  @Auth(Role.Coordinator, Role.Admin)
  surveySummary(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: SurveyLanguageQueryDto): Promise<SurveySummaryResponse> {
    return this.surveys.summary(actor, id, query.lang);
  }
}
