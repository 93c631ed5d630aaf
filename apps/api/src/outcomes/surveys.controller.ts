import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type SurveyItemResponse, type SurveySummaryResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { SurveyLanguageQueryDto, SurveySubmissionDto, UpdateSurveyItemsDto } from './dto/outcomes.dto';
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

  @Post('programs/:id/survey-responses')
  @Auth(Role.Student)
  @ApiCreatedResponse({ description: 'The end-of-program survey, answered' })
  @ApiConflictResponse({ description: 'Already answered' })
  submitSurvey(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SurveySubmissionDto): Promise<{ id: string }> {
    return this.surveys.submitEnd(actor, id, dto);
  }

  @Get('programs/:id/survey-summary')
  @Auth(Role.Coordinator, Role.Admin)
  surveySummary(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: SurveyLanguageQueryDto): Promise<SurveySummaryResponse> {
    return this.surveys.summary(actor, id, query.lang);
  }
}
