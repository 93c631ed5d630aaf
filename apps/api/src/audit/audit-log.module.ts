import { Module } from '@nestjs/common';
import { ProgramsModule } from '@api/programs/programs.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogService } from './audit-log.service';

/** Reading the trail. Separate from AuditModule (writing), which every domain imports, programs included. */
@Module({
  imports: [ProgramsModule],
  controllers: [AuditLogController],
  providers: [AuditLogService],
})
export class AuditLogModule {}
