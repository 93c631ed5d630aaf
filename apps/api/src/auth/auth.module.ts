import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@api/config/app-config';
import { UserEntity } from '@api/users/user.entity';
import { AuditModule } from '@api/audit/audit.module';
import { AccessGuard } from './access.guard';
import { AuthRateLimiter, AuthRateLimitGuard } from './auth-rate-limit.guard';
import { AccountSessionsService } from './account-sessions.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokenService } from './token.service';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
    // Sign-in, registration and password change use AuthRateLimitGuard (one budget shared by every instance);
    // the in-memory throttler stays registered for routes of other domains that still name ThrottlerGuard.
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'default', ttl: 60_000, limit: config.AUTH_RATE_LIMIT_PER_MINUTE }],
        errorMessage: 'Too many attempts from this address; try again shortly',
      }),
    }),
  ],
  controllers: [AuthController, PasswordController],
  providers: [AuthService, PasswordService, TokenService, AccountSessionsService, AuthRateLimiter, AuthRateLimitGuard, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PasswordService, TokenService, AccountSessionsService, AuthRateLimiter, AuthRateLimitGuard],
})
export class AuthModule {}
