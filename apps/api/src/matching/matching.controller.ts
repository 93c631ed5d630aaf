import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Role, type CommitRunResponse, type ExclusionResponse, type MatchingRunResponse, type PreferencesResponse, type RankingCandidate } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { CreateMatchingRunDto, ExclusionDto, PreferencesDto } from './dto/matching.dto';
import { MatchingService } from './matching.service';

@ApiTags('matching')
@ApiNotFoundResponse({ description: 'No such program (or run), or not one the caller may see' })
@Controller('programs/:id')
export class MatchingController {
  constructor(private readonly matching: MatchingService) {}

  @Post('matching-runs')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ description: 'A preview: assignments with scores and reasons, unmatched mentees with the reason; nothing committed' })
  createRun(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateMatchingRunDto): Promise<MatchingRunResponse> {
    return this.matching.createRun(actor, id, dto.algorithm, dto.weights);
  }

  @Get('matching-runs')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: 'The latest 20 runs, newest first; a preview whose input changed since is marked stale' })
  listRuns(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MatchingRunResponse[]> {
    return this.matching.listRuns(actor, id);
  }

  @Get('matching-runs/:runId')
  @Auth(Role.Coordinator, Role.Admin)
  getRun(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('runId') runId: string): Promise<MatchingRunResponse> {
    return this.matching.getRun(actor, id, runId);
  }

  @Post('matching-runs/:runId/commit')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ description: 'The mentorships created, all in one transaction' })
  @ApiConflictResponse({ description: 'Already committed, or stale: the input changed since the preview' })
  commit(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('runId') runId: string): Promise<CommitRunResponse> {
    return this.matching.commitRun(actor, id, runId);
  }

  @Post('preferences')
  @Auth(Role.Student)
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ description: "The caller's ranking, replaced whole" })
  @ApiBadRequestResponse({ description: 'An id outside the program, of the wrong side, or not eligible' })
  setPreferences(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: PreferencesDto): Promise<PreferencesResponse> {
    return this.matching.setPreferences(actor, id, dto.rankedUserIds);
  }

  @Get('preferences/me')
  @Auth(Role.Student)
  getPreferences(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PreferencesResponse> {
    return this.matching.getPreferences(actor, id);
  }

  @Get('ranking-candidates')
  @Auth(Role.Student)
  @ApiOkResponse({ description: 'Who the caller may rank: eligible people on the other side, best score first' })
  candidates(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<RankingCandidate[]> {
    return this.matching.candidates(actor, id);
  }

  @Post('exclusions')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiCreatedResponse({ description: 'The pair will never be matched' })
  addExclusion(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: ExclusionDto): Promise<ExclusionResponse> {
    return this.matching.addExclusion(actor, id, dto.menteeId, dto.mentorId);
  }

  @Get('exclusions')
  @Auth(Role.Coordinator, Role.Admin)
  listExclusions(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ExclusionResponse[]> {
    return this.matching.listExclusions(actor, id);
  }

  @Delete('exclusions/:menteeId/:mentorId')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse()
  removeExclusion(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('menteeId') menteeId: string, @Param('mentorId') mentorId: string): Promise<void> {
    return this.matching.removeExclusion(actor, id, menteeId, mentorId);
  }
}

