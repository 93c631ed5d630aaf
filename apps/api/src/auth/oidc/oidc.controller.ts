import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OidcExchangeRequest, OidcExchangeResponse, OidcStatusResponse } from '@pm/contracts';
import { Public } from '@api/common/access.decorators';
import { publicOrigin } from '@api/common/public-origin';
import { AppConfig } from '@api/config/app-config';
import { AuthRateLimitGuard } from '../auth-rate-limit.guard';
import { AuthResponseDto } from '../dto/auth.dto';
import { OidcService } from './oidc.service';

class OidcStatusResponseDto implements OidcStatusResponse {
  @ApiProperty({ description: 'Whether OIDC_ISSUER and OIDC_CLIENT_ID are set' }) enabled!: boolean;
}

class OidcStartQuery {
  @ApiPropertyOptional({ description: 'The token of an invitation: its account is the one the school account is linked to' })
  @IsOptional() @IsString() @MaxLength(200)
  invitation?: string;
}

class OidcExchangeDto implements OidcExchangeRequest {
  @ApiProperty({ description: 'The one-time code of `/oidc/complete#code=…`' }) @IsString() @MaxLength(200)
  code!: string;
}

class OidcExchangeResponseDto extends AuthResponseDto implements OidcExchangeResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The program of the invitation this sign-in accepted' }) programId!: string | null;
}

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "Whether the school's sign-in is available (the dashboard shows its button only then)" })
  @ApiOkResponse({ type: OidcStatusResponseDto })
  status(): OidcStatusResponse {
    return { enabled: this.oidc.enabled };
  }

  @Get('start')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @ApiOperation({ summary: "Begin the school's sign-in: a redirect to the provider (authorization code flow with PKCE)" })
  @ApiFoundResponse({ description: "Location: the provider's authorization endpoint" })
  @ApiNotFoundResponse({ description: 'Not configured (OIDC_NOT_CONFIGURED)' })
  async start(@Query() query: OidcStartQuery, @Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    void res.redirect(await this.oidc.start(publicOrigin(this.config, req), query.invitation), HttpStatus.FOUND);
  }

  @Get('callback')
  @Public()
  @ApiOperation({
    summary: "The provider's redirect back",
    description: 'Redirects to the dashboard: `/oidc/complete#code=…` (a one-time code for POST /api/auth/oidc/exchange) or `/sign-in?oidcError=<CODE>`.',
  })
  @ApiFoundResponse({ description: 'Location: the dashboard' })
  async callback(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const origin = publicOrigin(this.config, req);
    // The one-time code rides in the fragment: no server, proxy or log ever sees it.
    res.header('Cache-Control', 'no-store');
    res.header('Referrer-Policy', 'no-referrer');
    void res.redirect(await this.oidc.callback(origin, new URL(req.originalUrl, origin)), HttpStatus.FOUND);
  }

  @Post('exchange')
  @Public()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Trade the callback's one-time code for the token pair" })
  @ApiOkResponse({ type: OidcExchangeResponseDto })
  @ApiUnauthorizedResponse({ description: 'Unknown, spent or late code (OIDC_SIGN_IN_FAILED)' })
  exchange(@Body() dto: OidcExchangeDto): Promise<OidcExchangeResponse> {
    return this.oidc.exchange(dto.code);
  }
}
