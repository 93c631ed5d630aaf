import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '@api/users/user.entity';
import { AuditModule } from '@api/audit/audit.module';
import { AccessGuard } from './access.guard';
import { AccountRateLimitGuard, AuthRateLimiter, AuthRateLimitGuard } from './auth-rate-limit.guard';
import { AccountSessionsService } from './account-sessions.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AccountCache } from './account-cache';
import { PasswordController } from './password.controller';
import { PasswordService } from './password.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokenService } from './token.service';

@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity]),
  ],
  controllers: [AuthController, PasswordController],
  providers: [AuthService, PasswordService, TokenService, AccountCache, AccountSessionsService, AuthRateLimiter, AuthRateLimitGuard, AccountRateLimitGuard, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PasswordService, TokenService, AccountCache, AccountSessionsService, AuthRateLimiter, AuthRateLimitGuard, AccountRateLimitGuard],
})
export class AuthModule {}
