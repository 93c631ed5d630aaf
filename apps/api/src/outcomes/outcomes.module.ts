import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { AcademicRecordsController } from './academic-records.controller';
import { AcademicRecordsService } from './academic-records.service';
import { OutcomesAnalysisService } from './outcomes-analysis.service';
import { OutcomesData } from './outcomes-data.service';
import { OutcomesController } from './outcomes.controller';
import { ProgramPulseService } from './program-pulse.service';
import { QuietPairsService } from './quiet-pairs.service';
import { RecordsImportService } from './records-import.service';
import { ResearchExportService } from './research-export.service';
import { SurveysController } from './surveys.controller';
import { SurveysService } from './surveys.service';
import { EvaluationAnalysisService } from './evaluation-analysis.service';
import { OutcomesReportController } from './report/outcomes-report.controller';
import { OutcomesReportService } from './report/outcomes-report.service';

@Module({
  imports: [ProgramsModule, AuditModule],
  controllers: [AcademicRecordsController, OutcomesController, SurveysController, OutcomesReportController],
  providers: [RecordsImportService, AcademicRecordsService, OutcomesData, OutcomesAnalysisService, ResearchExportService, ProgramPulseService, QuietPairsService, SurveysService, EvaluationAnalysisService, OutcomesReportService],
})
export class OutcomesModule {}
