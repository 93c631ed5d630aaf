import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CreateSessionResponse, SessionForCoordinator, SessionResponse, SessionWithLog } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { AttendanceDto, CreateSessionDto, MySessionsQueryDto, UpdateSessionDto } from './dto/sessions.dto';
import { CreateSessionResponseDto, SessionResponseDto } from './dto/responses.dto';
import { AttendanceService } from './attendance.service';
import { BookingService } from './booking.service';
import { GroupSeatsService } from './group-seats.service';
import { SessionChangesService } from './session-changes.service';
import { SessionsService } from './sessions.service';
import { SessionViewService } from '@api/relationship/session-logs/session-view.service';

@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly booking: BookingService,
    private readonly changes: SessionChangesService,
    private readonly seats: GroupSeatsService,
    private readonly attendance: AttendanceService,
    private readonly view: SessionViewService,
  ) {}

  @Post('sessions')
  @Auth()
  @ApiOperation({
    summary: 'Book a session (or a weekly series) of a mentorship',
    description:
      'The mentorship’s mentor or mentee. `virtual` sessions get a `meetingUrl` on MEETING_BASE_URL; `in_person` ones need a `location`. ' +
      'Once the mentor has published availability, a mentee’s booking must fall inside it and keep the mentor’s buffer (else 409); the mentor may book any time. ' +
      'Overlaps with a session of the mentor or of any attendee that is not cancelled are refused by the database (409 naming the clashing time, in `conflict`); touching sessions are fine. ' +
      '`weeklyOccurrences` books a weekly series at the same local time (the mentor’s, else the program’s time zone), all or nothing. ' +
      '`seatLimit` and `additionalMentorshipIds` (mentor only) make a group session.',
  })
  @ApiCreatedResponse({ type: CreateSessionResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid body: endsAt not after startsAt, longer than 24 hours, a past start, in_person without location, an unknown modality, a time without offset' })
  @ApiNotFoundResponse({ description: 'The mentorship does not exist or is not the caller’s' })
  @ApiForbiddenResponse({ description: 'A mentee asked for a group session' })
  @ApiConflictResponse({ description: 'SESSION_CONFLICT (overlap or buffer; `conflict` names the time), OUTSIDE_AVAILABILITY, MENTORSHIP_ENDED' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSessionDto): Promise<CreateSessionResponse> {
    return this.booking.create(actor, dto);
  }

  @Get('me/sessions')
  @Auth()
  @ApiOperation({ summary: 'The caller’s sessions, as mentor or mentee, oldest first (cancelled ones too)' })
  @ApiOkResponse({ type: [SessionResponseDto] })
  mine(@CurrentActor() actor: Actor, @Query() q: MySessionsQueryDto): Promise<SessionResponse[]> {
    return this.sessions.mine(actor, q);
  }

  @Get('me/open-group-sessions')
  @Auth()
  @ApiOperation({ summary: 'Upcoming group sessions of the caller’s mentors with a free seat, to join' })
  @ApiOkResponse({ type: [SessionResponseDto] })
  openGroupSessions(@CurrentActor() actor: Actor): Promise<SessionResponse[]> {
    return this.seats.openGroupSessions(actor);
  }

  @Get('sessions/:id')
  @Auth()
  @ApiOperation({ summary: 'A session with its log: the note for participants only; coordinators of the program get a separate shape (log without note, no meeting link)' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller neither takes part nor coordinates its program' })
  one(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SessionWithLog | SessionForCoordinator> {
    return this.view.view(actor, id, () => this.sessions.one(actor, id));
  }

  @Patch('sessions/:id')
  @Auth()
  @ApiOperation({
    summary: 'Cancel, reschedule or move a session',
    description:
      '`{status: "cancelled", reason?}` cancels (cancelling twice is harmless); `{startsAt, endsAt}` reschedules under the same rules as booking; `{location}` changes the room. ' +
      'Every change raises `sequence`, so subscribed calendars update. Only the mentor changes a group session.',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'Nothing to change, both a cancellation and a new time, or invalid times' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller does not take part' })
  @ApiConflictResponse({ description: 'SESSION_CONFLICT, OUTSIDE_AVAILABILITY, SESSION_CANCELLED (rescheduling a cancelled one), SESSION_STARTED' })
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateSessionDto): Promise<SessionResponse> {
    return this.changes.update(actor, id, dto);
  }

  @Put('sessions/:id/attendance')
  @Auth()
  @ApiOperation({ summary: 'The mentor marks who attended and who did not show up, once the session has begun' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'A menteeId that does not attend this session' })
  @ApiForbiddenResponse({ description: 'Not the mentor' })
  @ApiConflictResponse({ description: 'SESSION_NOT_STARTED or SESSION_CANCELLED' })
  markAttendance(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: AttendanceDto): Promise<SessionResponse> {
    return this.attendance.markAttendance(actor, id, dto);
  }

  @Post('sessions/:id/join')
  @Auth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A mentee of the session’s mentor takes a seat of a group session' })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiConflictResponse({ description: 'SESSION_FULL, SESSION_CONFLICT (the caller is busy then), SESSION_CANCELLED, SESSION_STARTED' })
  join(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SessionResponse> {
    return this.seats.join(actor, id);
  }

  @Post('sessions/:id/leave')
  @Auth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A mentee gives back their seat of a group session' })
  @ApiOkResponse({ type: SessionResponseDto })
  leave(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<SessionResponse> {
    return this.seats.leave(actor, id);
  }
}
