import { Controller, Get, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, type OutcomesResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { OutcomesAnalysisService } from './outcomes-analysis.service';
import { ResearchExportService } from './research-export.service';

@ApiTags('outcomes')
@Controller()
export class OutcomesController {
  constructor(
    private readonly analysis: OutcomesAnalysisService,
    private readonly researchExport: ResearchExportService,
  ) {}

  @Get('programs/:id/outcomes')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: 'Before/after analysis: mentored vs comparison, difference by Welch, by modality (CONTRACT.md)' })
  outcomes(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OutcomesResponse> {
    return this.analysis.outcomes(actor, id);
  }

  @Get('programs/:id/outcomes/export.csv')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'De-identified research export: pseudonym, group, modality, pre, post, change, sessions attended, survey mean' })
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const csv = await this.researchExport.exportDeidentified(actor, id);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="outcomes-deidentified.csv"');
    return csv;
  }
}
