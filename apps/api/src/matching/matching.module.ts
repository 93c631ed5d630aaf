import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { MatchingInputService } from './matching-input.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';
import { MentorshipsController } from './mentorships.controller';
import { MentorshipsService } from './mentorships.service';

@Module({
  imports: [ProgramsModule, AuditModule],
  controllers: [MatchingController, MentorshipsController],
  providers: [MatchingService, MatchingInputService, MentorshipsService],
})
export class MatchingModule {}
