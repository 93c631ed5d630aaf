import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role, type PairSessionLogRow, type ProgramSessionLogRow, type SessionLogForPair } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { SessionLogDto } from './session-logs.dto';
import { SessionLogsService } from './session-logs.service';

@ApiTags('relationship')
@Controller()
export class SessionLogsController {
  constructor(private readonly logs: SessionLogsService) {}

  @Put('sessions/:id/log')
  @Auth(Role.Student)
  @ApiOperation({ summary: 'The session’s mentor logs it, once it has begun: topics, minutes, an optional private note, progress on a goal' })
  @ApiOkResponse({ description: 'SessionLogForPair' })
  @ApiBadRequestResponse({ description: 'An unknown topic, minutes outside 1-600, a note over 2000 characters, UNKNOWN_GOAL' })
  @ApiForbiddenResponse({ description: 'A mentee of the session (only the mentor logs)' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller does not take part' })
  @ApiConflictResponse({ description: 'SESSION_NOT_STARTED (before it began), SESSION_CANCELLED' })
  put(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: SessionLogDto): Promise<SessionLogForPair> {
    return this.logs.put(actor, id, dto);
  }

  @Get('mentorships/:id/session-logs')
  @Auth()
  @ApiOperation({ summary: 'The pair’s logs, newest first: with the note for the pair, without it (a separate shape) for coordinators' })
  @ApiOkResponse({ description: 'PairSessionLogRow[] for the pair, ProgramSessionLogRow[] for coordinators' })
  forPair(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<PairSessionLogRow[] | ProgramSessionLogRow[]> {
    return this.logs.forPair(actor, id);
  }

  @Get('programs/:id/session-logs')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiOperation({ summary: 'Coordinators: every log of the program (topics and minutes, never a note)' })
  @ApiOkResponse({ description: 'ProgramSessionLogRow[]' })
  forProgram(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ProgramSessionLogRow[]> {
    return this.logs.forProgram(actor, id);
  }

  @Get('programs/:id/session-logs/export.csv')
  @Auth(Role.Coordinator, Role.Admin)
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'session_id, starts_at, mentor, mentee, minutes, topics: never a note' })
  async export(@CurrentActor() actor: Actor, @Param('id') id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<string> {
    const csv = await this.logs.exportCsv(actor, id);
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', 'attachment; filename="session-logs.csv"');
    return csv;
  }
}
