import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type AgreementResponse, type AgreementTemplate } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AgreementsService } from './agreements.service';
import { AgreementTemplateDto, SetGoalAchievedDto, SignAgreementDto, UpdateAgreementDto } from './agreements.dto';

@ApiTags('relationship')
@Controller()
export class AgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get('mentorships/:id/agreement')
  @Auth()
  @ApiOperation({ summary: 'The pair’s agreement: goals, meetings per month, the confidentiality statement and both signatures (empty goals and nulls before any)' })
  @ApiOkResponse({ description: 'AgreementResponse' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller is neither of the pair nor a coordinator of its program' })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AgreementResponse> {
    return this.agreements.get(actor, id);
  }

  @Put('mentorships/:id/agreement')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'Either side edits the goals and meetings per month; any change clears both signatures' })
  @ApiOkResponse({ description: 'AgreementResponse' })
  @ApiBadRequestResponse({ description: 'No goal, more than 8, a goal over 300 characters, meetings per month outside 1-12' })
  @ApiForbiddenResponse({ description: 'A coordinator (only the pair edits)' })
  @ApiNotFoundResponse({ description: 'Unknown, or not the caller’s' })
  @ApiConflictResponse({ description: 'MENTORSHIP_ENDED' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateAgreementDto): Promise<AgreementResponse> {
    return this.agreements.update(actor, id, dto);
  }

  @Post('mentorships/:id/agreement/sign')
  @Auth(Role.Student)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'The caller (mentor or mentee) signs the current text' })
  @ApiOkResponse({ description: 'AgreementResponse' })
  @ApiConflictResponse({ description: 'AGREEMENT_EMPTY (nothing saved yet), AGREEMENT_CHANGED (`version` is not the current one), MENTORSHIP_ENDED' })
  sign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SignAgreementDto): Promise<AgreementResponse> {
    return this.agreements.sign(actor, id, dto.version);
  }

  @Put('mentorships/:id/agreement/goals/:goalId/achieved')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'Marks a goal achieved (or not); progress does not clear the signatures' })
  @ApiOkResponse({ description: 'AgreementResponse' })
  @ApiNotFoundResponse({ description: 'MENTORSHIP_NOT_FOUND, GOAL_NOT_FOUND' })
  achieved(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('goalId') goalId: string, @Body() dto: SetGoalAchievedDto): Promise<AgreementResponse> {
    return this.agreements.setGoalAchieved(actor, id, goalId, dto.achieved);
  }

  @Get('programs/:id/agreement-template')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'The program’s starting agreement (the built-in one until its coordinators write their own)' })
  @ApiOkResponse({ description: 'AgreementTemplate' })
  getTemplate(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<AgreementTemplate> {
    return this.agreements.getTemplate(actor, id);
  }

  @Put('programs/:id/agreement-template')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Coordinators set the template: suggested goals, meetings per month, the confidentiality statement, in English and Persian. Agreements already saved keep their text' })
  @ApiOkResponse({ description: 'AgreementTemplate' })
  putTemplate(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AgreementTemplateDto): Promise<AgreementTemplate> {
    return this.agreements.putTemplate(actor, id, dto);
  }
}
