import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type AcademicRecordResponse, type ImportResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AcademicRecordsService } from './academic-records.service';
import { ImportQuery, RecordsQuery } from './dto/outcomes.dto';
import { RecordsImportService } from './records-import.service';

@ApiTags('outcomes')
@Controller()
export class AcademicRecordsController {
  constructor(
    private readonly importer: RecordsImportService,
    private readonly records: AcademicRecordsService,
  ) {}

  @Post('programs/:id/academic-records/import')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'student_email,assessment,taken_on,score,max_score\nsara@uni.example,Anatomy midterm,2026-09-10,42,50' } })
  @ApiOkResponse({ description: '{imported, updated, unchanged, rows, dryRun, unknownEmails: [{email, lines}], unknownEmailCount, menteesWithoutRecords}; with ?dryRun=true nothing is stored' })
  @ApiUnprocessableEntityResponse({ description: '{rejected: [{line, error, code?}]}: every bad line (a row for a staff account has code `staff_account`); nothing stored' })
  import(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: ImportQuery,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<ImportResponse> {
    if (typeof body !== 'string' || !/^text\/(csv|plain)\b/.test(contentType ?? '')) throw new UnsupportedMediaTypeException('Send the file as text/csv');
    return this.importer.importCsv(actor, id, body, query.dryRun === true);
  }

  @Get('programs/:id/academic-records')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOkResponse({ description: "The program's records; every read is written to the audit log. With `limit`, the number of matching records is in X-Total-Count" })
  async programRecords(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: RecordsQuery, @Res({ passthrough: true }) res: FastifyReply): Promise<AcademicRecordResponse[]> {
    const { records, total } = await this.records.programRecords(actor, id, query);
    res.header('X-Total-Count', String(total));
    return records;
  }

  @Delete('programs/:id/academic-records/:recordId')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Deleted; written to the audit log' })
  @ApiNotFoundResponse({ description: 'No such record in this program (ACADEMIC_RECORD_NOT_FOUND)' })
  remove(@CurrentActor() actor: Actor, @Param('id') id: string, @Param('recordId') recordId: string): Promise<void> {
    return this.records.remove(actor, id, recordId);
  }

  @Get('me/academic-records')
  @Auth(Role.Student)
  myRecords(@CurrentActor() actor: Actor): Promise<AcademicRecordResponse[]> {
    return this.records.myRecords(actor);
  }
}
