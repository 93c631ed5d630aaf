import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnrollmentEntity } from './enrollment.entity';
import { ProgramAccess } from './program-access.service';
import { ProgramCoordinatorEntity } from './program-coordinator.entity';
import { ProgramEntity } from './program.entity';
import { ProgramsController } from './programs.controller';
import { ProgramsService } from './programs.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgramEntity, ProgramCoordinatorEntity, EnrollmentEntity])],
  controllers: [ProgramsController],
  providers: [ProgramsService, ProgramAccess],
  exports: [ProgramAccess],
})
export class ProgramsModule {}
