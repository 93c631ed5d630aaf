import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { AuthModule } from '@api/auth/auth.module';
import { NotificationsModule } from '@api/notifications/notifications.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { InvitationNotifier } from './invitation-notifier';
import { InvitationTokens } from './invitation-tokens';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { JoinCodesService } from './join-codes.service';

@Module({
  imports: [AuditModule, AuthModule, ProgramsModule, NotificationsModule],
  controllers: [InvitationsController],
  providers: [InvitationsService, InvitationTokens, InvitationNotifier, JoinCodesService],
  exports: [InvitationsService, InvitationTokens],
})
export class InvitationsModule {}
