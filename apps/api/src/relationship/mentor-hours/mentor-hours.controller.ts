import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Role, type MentorHoursRow } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { CERTIFICATE_LANGUAGES, type CertificateLanguage } from './certificate';
import { MentorHoursService } from './mentor-hours.service';

export class CertificateQueryDto {
  @IsOptional() @IsIn(CERTIFICATE_LANGUAGES)
  lang?: CertificateLanguage;
}

@ApiTags('relationship')
@Controller()
export class MentorHoursController {
  constructor(private readonly hours: MentorHoursService) {}

  @Get('programs/:id/mentor-hours')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Per mentor: mentees, sessions held and logged minutes, and whether they completed the program' })
  @ApiOkResponse({ description: 'MentorHoursRow[]' })
  list(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<MentorHoursRow[]> {
    return this.hours.list(actor, id);
  }

  @Get('programs/:id/mentor-hours.csv')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'mentor, email, mentees, sessions_held, logged_minutes, logged_hours, completed' })
  async csv(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const csv = await this.hours.csv(actor, id);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="mentor-hours.csv"');
    return csv;
  }

  @Get('programs/:id/mentor-hours/:mentorId/certificate')
  @Auth()
  @ApiOperation({ summary: 'A printable certificate of participation (HTML), for the program’s coordinators and the mentor themself' })
  @ApiQuery({ name: 'lang', required: false, enum: CERTIFICATE_LANGUAGES })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'text/html, `dir="rtl"` for fa' })
  @ApiNotFoundResponse({ description: 'PROGRAM_NOT_FOUND, ENROLLMENT_NOT_FOUND (not a mentor of the program)' })
  @ApiConflictResponse({ description: 'CERTIFICATE_NOT_AVAILABLE: the program has not ended, or the mentor held no session' })
  async certificate(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('mentorId') mentorId: string,
    @Query() q: CertificateQueryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<string> {
    const html = await this.hours.certificate(actor, id, mentorId, q.lang ?? 'en');
    res.header('Content-Type', 'text/html; charset=utf-8');
    // Our own markup only (every name escaped); no script but the print button's handler.
    res.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-hashes' 'unsafe-inline'");
    return html;
  }
}
