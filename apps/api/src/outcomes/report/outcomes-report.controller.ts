import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Role } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { REPORT_LANGUAGES, type ReportLanguage } from './report-model';
import { OutcomesReportService } from './outcomes-report.service';

export class ReportQuery {
  @ApiPropertyOptional({ enum: REPORT_LANGUAGES, default: 'en', description: '`fa`: Persian, right to left, Persian digits and Jalali dates' })
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}

@ApiTags('evaluation')
@Controller()
export class OutcomesReportController {
  constructor(private readonly report: OutcomesReportService) {}

  @Get('programs/:id/outcomes/report')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiProduces('text/html')
  @ApiOkResponse({
    description:
      'A printable report (A4): the design in words, the participant flow, the tables with effect sizes and intervals, the adjusted and randomized estimates, the dose-response chart, survey changes, the evaluation level reached and the limitations; `dir="rtl"` for `fa`',
  })
  async html(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ReportQuery, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const html = await this.report.html(actor, id, query.lang ?? 'en');
    res.header('Content-Type', 'text/html; charset=utf-8');
    // A document of text and inline SVG: nothing in it may run or load anything, whatever a program name contains.
    res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
    res.header('Cache-Control', 'no-store');
    return html;
  }
}
