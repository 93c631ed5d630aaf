import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { InvitationsModule } from '@api/invitations/invitations.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { RosterImportService } from './roster-import.service';
import { RosterController } from './roster.controller';

@Module({
  imports: [AuditModule, ProgramsModule, InvitationsModule],
  controllers: [RosterController],
  providers: [RosterImportService],
})
export class RosterModule {}
