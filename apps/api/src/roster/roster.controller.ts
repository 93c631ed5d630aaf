import { Body, Controller, Headers, HttpCode, HttpStatus, Param, Post, Query, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { Role, type RosterImportResponse, type RosterRowChange } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { publicOrigin } from '@api/common/public-origin';
import { AppConfig } from '@api/config/app-config';
import { RosterImportService } from './roster-import.service';

export class RosterImportQuery {
  @ApiPropertyOptional({ description: 'true: answer the same counts and the per-row preview, store and send nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

class RosterRowChangeDto implements RosterRowChange {
  @ApiProperty() line!: number;
  @ApiProperty() email!: string;
  @ApiProperty({ enum: ['created', 'enrolled', 'updated', 'unchanged'] }) outcome!: RosterRowChange['outcome'];
}

class RosterImportResponseDto implements RosterImportResponse {
  @ApiProperty({ description: 'Data rows in the file' }) rows!: number;
  @ApiProperty({ description: 'New accounts (no password; each gets an invitation)' }) created!: number;
  @ApiProperty({ description: 'New enrolments, of new and known people alike' }) enrolled!: number;
  @ApiProperty({ description: 'Enrolments whose capacity or year of study changed' }) updated!: number;
  @ApiProperty({ description: 'Rows that changed nothing' }) unchanged!: number;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ type: [RosterRowChangeDto], description: 'What the first 500 rows do' }) changes!: RosterRowChangeDto[];
}

@ApiTags('roster')
@Controller('programs')
export class RosterController {
  constructor(
    private readonly roster: RosterImportService,
    private readonly config: AppConfig,
  ) {}

  @Post(':id/roster/import')
  @Auth(Role.Coordinator, Role.Admin)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import a roster (CSV): accounts, enrolments and invitations, all or nothing',
    description:
      'Columns `email,full_name,year_of_study,role,capacity` in any order (`capacity` for mentors, empty = 3; the column may be left out). ' +
      'BOM, `;` separators, CRLF and Persian digits are accepted. A known email is enrolled; an unknown one gets an account without a password and an invitation. ' +
      'Any bad line: 422 `{rejected: [{line, error}]}` (the header is line 1), nothing stored or sent. The same file again changes nothing.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'email,full_name,year_of_study,role,capacity\nsara@uni.example,Sara Ahmadi,1,mentee,\n' } })
  @ApiOkResponse({ type: RosterImportResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'IMPORT_REJECTED with every bad line' })
  import(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query() query: RosterImportQuery,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
  ): Promise<RosterImportResponse> {
    if (typeof body !== 'string' || !/^text\/(csv|plain)\b/.test(contentType ?? '')) throw new UnsupportedMediaTypeException('Send the file as text/csv');
    return this.roster.import(actor, id, body, publicOrigin(this.config, req), query.dryRun === true);
  }
}
