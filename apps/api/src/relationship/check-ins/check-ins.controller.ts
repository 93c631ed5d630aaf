import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type CheckInResponse, type DueCheckIn } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { PairHealthService } from '../pair-health/pair-health.service';
import { CheckInDto } from './check-ins.dto';
import { CheckInsService } from './check-ins.service';

@ApiTags('relationship')
@Controller()
export class CheckInsController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly health: PairHealthService,
  ) {}

  @Post('mentorships/:id/check-ins')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'The mentee answers “how is your mentoring going?” (1-5, optional comment); 2 or less puts the pair at risk' })
  @ApiCreatedResponse({ description: 'CheckInResponse' })
  @ApiBadRequestResponse({ description: 'rating outside 1-5, a comment over 1000 characters' })
  @ApiForbiddenResponse({ description: 'The mentor (only the mentee answers)' })
  @ApiNotFoundResponse({ description: 'Unknown, or not the caller’s' })
  @ApiConflictResponse({ description: 'MENTORSHIP_ENDED' })
  async create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CheckInDto): Promise<CheckInResponse> {
    const { checkIn, programId } = await this.checkIns.create(actor, id, dto.rating, dto.comment);
    await this.health.refreshQuietly(programId);
    return checkIn;
  }

  @Get('mentorships/:id/check-ins')
  @Auth()
  @ApiOperation({ summary: 'The mentee’s answers (to the mentee and the program’s coordinators; never to the mentor)' })
  @ApiOkResponse({ description: 'CheckInResponse[]' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<CheckInResponse[]> {
    return this.checkIns.list(actor, id);
  }

  @Get('me/check-ins/due')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'The caller’s mentorships (as mentee) whose monthly check-in is due' })
  @ApiOkResponse({ description: 'DueCheckIn[]' })
  due(@CurrentActor() actor: Actor): Promise<DueCheckIn[]> {
    return this.checkIns.due(actor);
  }
}
