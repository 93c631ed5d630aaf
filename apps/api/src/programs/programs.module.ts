import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@api/audit/audit.module';
import { EnrollmentEntity } from './enrollment.entity';
import { ProgramAccess } from './program-access.service';
import { ProgramCoordinatorEntity } from './program-coordinator.entity';
import { ProgramEntity } from './program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';
import { EnrollmentChangesService } from './enrollment-changes.service';
import { ProgramSettingsController } from './program-settings.controller';
import { ProgramSettingsService } from './program-settings.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, ProgramCoordinatorEntity, EnrollmentEntity]), AuditModule],
  controllers: [ProgramsController, ProgramSettingsController],
  providers: [ProgramsService, EnrollmentChangesService, ProgramAccess, ProgramSettingsService],
  exports: [ProgramAccess],
})
export class ProgramsModule {}
