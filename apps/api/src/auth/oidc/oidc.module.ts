import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { InvitationsModule } from '@api/invitations/invitations.module';
import { AuthModule } from '../auth.module';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';

@Module({
  imports: [AuditModule, AuthModule, InvitationsModule],
  controllers: [OidcController],
  providers: [OidcService],
})
export class OidcModule {}
