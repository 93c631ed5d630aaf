import { Body, Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AuthRateLimitGuard } from './auth-rate-limit.guard';
import { AuthService } from './auth.service';
import { AuthResponseDto, ChangePasswordDto } from './dto/auth.dto';

/** `/api/me/password`: under /me with the rest of the caller's account, but credentials are the auth domain's. */
@ApiTags('me')
@Controller('me')
export class PasswordController {
  constructor(private readonly auth: AuthService) {}

  @Post('password')
  @Auth()
  @UseGuards(AuthRateLimitGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Change one's own password",
    description:
      'Needs the current password. Every other sign-in of the account ends at once: access tokens already issued stop working, ' +
      'refresh tokens are revoked and open chat connections are closed on every instance. The answer carries a fresh token pair for this session.',
  })
  @ApiOkResponse({ type: AuthResponseDto, description: 'A fresh pair; the tokens held before are all dead' })
  @ApiBadRequestResponse({ description: 'newPassword shorter than 10 characters' })
  @ApiForbiddenResponse({ description: 'CURRENT_PASSWORD_INCORRECT' })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong current passwords, or past the per-address budget shared with sign-in (Retry-After)' })
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<AuthResponse> {
    return this.auth.changePassword(actor, dto);
  }
}
