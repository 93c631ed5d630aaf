import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { AllocationsController } from './allocations.controller';
import { AllocationsService } from './allocations.service';

@Module({
  imports: [ProgramsModule, AuditModule],
  controllers: [AllocationsController],
  providers: [AllocationsService],
  exports: [AllocationsService],
})
export class AllocationsModule {}
