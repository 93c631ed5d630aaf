import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';
import { SurveysService } from './surveys.service';

@Module({
  imports: [ProgramsModule, AuditModule],
  controllers: [OutcomesController],
  providers: [OutcomesService, SurveysService],
})
export class OutcomesModule {}
