import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type MyReferral, type ReferralResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { PairHealthService } from '../pair-health/pair-health.service';
import { CloseReferralDto, CreateReferralDto } from './referrals.dto';
import { ReferralsService } from './referrals.service';

@ApiTags('relationship')
@Controller()
export class ReferralsController {
  constructor(
    private readonly referrals: ReferralsService,
    private readonly health: PairHealthService,
  ) {}

  @Post('programs/:id/referrals')
  @Auth(Role.Student)
  @ApiOperation({
    summary: 'A student enrolled in the program asks its coordinators for help beyond their mentor',
    description: 'Confidential: the coordinators are notified (`referral`); no mentor route or event ever carries it. The student’s pair shows as at risk (REFERRAL) for 30 days.',
  })
  @ApiCreatedResponse({ description: 'MyReferral' })
  @ApiBadRequestResponse({ description: 'An empty message, one over 4000 characters, an unknown urgency' })
  @ApiNotFoundResponse({ description: 'PROGRAM_NOT_FOUND: unknown, or the caller is not enrolled in it' })
  async create(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateReferralDto): Promise<MyReferral> {
    const created = await this.referrals.create(actor, id, dto.message, dto.urgency);
    await this.health.refreshQuietly(id);
    return created;
  }

  @Get('programs/:id/referrals')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Coordinators of the program: every referral, open ones first; each read is written to the audit log' })
  @ApiOkResponse({ description: 'ReferralResponse[]' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReferralResponse[]> {
    return this.referrals.list(actor, id);
  }

  @Get('programs/:id/referrals/:referralId')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: 'ReferralResponse (the read is audited)' })
  @ApiNotFoundResponse({ description: 'PROGRAM_NOT_FOUND, REFERRAL_NOT_FOUND' })
  one(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('referralId') referralId: string): Promise<ReferralResponse> {
    return this.referrals.one(actor, id, referralId);
  }

  @Post('programs/:id/referrals/:referralId/close')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A coordinator closes the referral with a note of what was done' })
  @ApiOkResponse({ description: 'ReferralResponse' })
  @ApiNotFoundResponse({ description: 'PROGRAM_NOT_FOUND, REFERRAL_NOT_FOUND' })
  @ApiConflictResponse({ description: 'REFERRAL_ALREADY_CLOSED' })
  close(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('referralId') referralId: string, @Body() dto: CloseReferralDto): Promise<ReferralResponse> {
    return this.referrals.close(actor, id, referralId, dto.note);
  }

  @Get('me/referrals')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'The caller’s own requests for help and whether they were closed' })
  @ApiOkResponse({ description: 'MyReferral[]' })
  mine(@CurrentActor() actor: Actor): Promise<MyReferral[]> {
    return this.referrals.mine(actor);
  }
}
