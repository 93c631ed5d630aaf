import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Role, type AcceptInvitationResponse, type InvitationPreviewResponse, type InvitationResponse, type JoinCodePreviewResponse, type JoinCodeResponse, type JoinResponse } from '@pm/contracts';
import { Auth, CurrentActor, Public, type Actor } from '@api/common/access.decorators';
import { publicOrigin } from '@api/common/public-origin';
import { AccountRateLimitGuard, AuthRateLimitGuard } from '@api/auth/auth-rate-limit.guard';
import { AppConfig } from '@api/config/app-config';
import {
  AcceptInvitationDto,
  AcceptInvitationResponseDto,
  CreateJoinCodeDto,
  InvitationPreviewResponseDto,
  InvitationResponseDto,
  InvitationsQuery,
  JoinCodePreviewResponseDto,
  JoinCodeResponseDto,
  JoinDto,
  JoinResponseDto,
} from './dto/invitations.dto';
import { InvitationsService } from './invitations.service';
import { JoinCodesService } from './join-codes.service';

@ApiTags('invitations')
@Controller()
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly joinCodes: JoinCodesService,
    private readonly config: AppConfig,
  ) {}

  @Get('programs/:id/invitations')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: "The program's invitations, with the secret link while pending (to hand over where no mail is configured)" })
  @ApiOkResponse({ type: [InvitationResponseDto] })
  list(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: InvitationsQuery, @Req() req: FastifyRequest): Promise<InvitationResponse[]> {
    return this.invitations.list(actor, id, publicOrigin(this.config, req), query.status);
  }

  @Post('programs/:id/invitations/:invitationId/resend')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A fresh link, valid 14 days, mailed again; the old link stops working' })
  @ApiOkResponse({ type: InvitationResponseDto })
  @ApiNotFoundResponse({ description: 'No such invitation in the program, or it was accepted (INVITATION_NOT_FOUND)' })
  resend(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('invitationId') invitationId: string, @Req() req: FastifyRequest): Promise<InvitationResponse> {
    return this.invitations.resend(actor, id, invitationId, publicOrigin(this.config, req));
  }

  @Get('auth/invitations/:token')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: 'Whose a pending invitation is and where it leads, for the invite page' })
  @ApiOkResponse({ type: InvitationPreviewResponseDto })
  @ApiNotFoundResponse({ description: 'Spent, expired, replaced or unknown (INVITATION_NOT_FOUND)' })
  preview(@Param('token') token: string): Promise<InvitationPreviewResponse> {
    return this.invitations.preview(token);
  }

  @Post('auth/invitations/accept')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Set the password of an invited account and sign in; the link is spent' })
  @ApiOkResponse({ type: AcceptInvitationResponseDto })
  @ApiNotFoundResponse({ description: 'Spent, expired, replaced or unknown (INVITATION_NOT_FOUND)' })
  accept(@Body() dto: AcceptInvitationDto): Promise<AcceptInvitationResponse> {
    return this.invitations.accept(dto.token, dto.password);
  }

  @Post('programs/:id/join-codes')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'A join code for one role, to show as a link or QR code' })
  @ApiCreatedResponse({ type: JoinCodeResponseDto })
  @ApiConflictResponse({ description: 'The program is closed (PROGRAM_CLOSED)' })
  createJoinCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: CreateJoinCodeDto, @Req() req: FastifyRequest): Promise<JoinCodeResponse> {
    return this.joinCodes.create(actor, id, dto.role, publicOrigin(this.config, req));
  }

  @Get('programs/:id/join-codes')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ type: [JoinCodeResponseDto], description: 'The codes in use' })
  listJoinCodes(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest): Promise<JoinCodeResponse[]> {
    return this.joinCodes.list(actor, id, publicOrigin(this.config, req));
  }

  @Delete('programs/:id/join-codes/:code')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a join code: it answers 404 from then on' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'JOIN_CODE_NOT_FOUND' })
  async revokeJoinCode(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('code') code: string): Promise<void> {
    await this.joinCodes.revoke(actor, id, code);
  }

  @Get('join-codes/:code')
  @Auth()
  @UseGuards(AccountRateLimitGuard)
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS: past AUTH_RATE_LIMIT_PER_MINUTE join-code tries by this account (Retry-After)' })
  @ApiOperation({ summary: 'The program and role a join code leads to, and whether the caller is enrolled already' })
  @ApiOkResponse({ type: JoinCodePreviewResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown or revoked (JOIN_CODE_NOT_FOUND)' })
  previewJoinCode(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<JoinCodePreviewResponse> {
    return this.joinCodes.preview(actor, code);
  }

  @Post('join')
  @Auth(Role.Student)
  @UseGuards(AccountRateLimitGuard)
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_ATTEMPTS: past AUTH_RATE_LIMIT_PER_MINUTE join-code tries by this account (Retry-After)' })
  @ApiOperation({ summary: 'Join a program with a code (mentors get capacity 3)' })
  @ApiCreatedResponse({ type: JoinResponseDto })
  @ApiConflictResponse({ description: 'Already enrolled (ALREADY_ENROLLED), or the program is closed (PROGRAM_CLOSED)' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked (JOIN_CODE_NOT_FOUND)' })
  join(@CurrentActor() actor: Actor, @Body() dto: JoinDto): Promise<JoinResponse> {
    return this.joinCodes.join(actor, dto.code);
  }
}
