import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PAIR_STATUSES, Role, type PairHealthRow, type PairStatus } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { PairHealthService } from './pair-health.service';

export class PairHealthQueryDto {
  @IsOptional() @IsIn(PAIR_STATUSES)
  status?: PairStatus;
}

@ApiTags('relationship')
@Controller()
export class PairHealthController {
  constructor(private readonly health: PairHealthService) {}

  @Get('programs/:id/health')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({
    summary: 'The pair-health board: every active mentorship with its status and reasons, at_risk first',
    description:
      '`at_risk` for NO_SHOWS (2 or more), LOW_CHECK_IN (latest rating 2 or less), REFERRAL (the mentee asked the coordinators for help in the last 30 days); ' +
      'otherwise `needs_check_in` for NO_RECENT_SESSION (nothing held or scheduled within STALL_DAYS of the later of the start and the last held session, none upcoming) ' +
      'or NO_AGREEMENT (not signed by both 14 days after the start); otherwise `on_track`. A pair that turns to need attention notifies the coordinators once (`pair_needs_attention`).',
  })
  @ApiQuery({ name: 'status', required: false, enum: PAIR_STATUSES })
  @ApiOkResponse({ description: 'PairHealthRow[]' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller does not coordinate it' })
  board(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() q: PairHealthQueryDto): Promise<PairHealthRow[]> {
    return this.health.board(actor, id, q.status);
  }
}
