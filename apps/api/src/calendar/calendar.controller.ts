import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CalendarFeedResponse, CalendarFeedStatusResponse } from '@pm/contracts';
import { Auth, CurrentActor, Public, type Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { CalendarService, type CalendarDocument } from './calendar.service';

class CalendarFeedResponseDto implements CalendarFeedResponse {
  @ApiProperty({ example: 'https://mentoring.school.example/api/calendar/3q2-…-Xw.ics', description: 'Secret: whoever has it reads the calendar. Shown once.' })
  url!: string;
  @ApiProperty({ example: 'webcal://mentoring.school.example/api/calendar/3q2-…-Xw.ics' })
  webcalUrl!: string;
  @ApiProperty() createdAt!: string;
}

class CalendarFeedStatusResponseDto implements CalendarFeedStatusResponse {
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String }) createdAt!: string | null;
}

function send(req: Request, res: Response, doc: CalendarDocument, disposition: string): void {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', disposition);
  res.setHeader('ETag', doc.etag);
  // The address is a secret: no shared cache may keep a copy; clients revalidate with If-None-Match.
  res.setHeader('Cache-Control', 'private, no-cache');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === doc.etag)) {
    res.status(HttpStatus.NOT_MODIFIED).end();
    return;
  }
  res.status(HttpStatus.OK).send(doc.body);
}

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly config: AppConfig,
  ) {}

  @Post('me/calendar-feed')
  @Auth()
  @ApiOperation({
    summary: 'Create (or replace) the caller’s secret calendar feed address',
    description: 'Subscribe to `url` (or open `webcalUrl`) in Google Calendar, Outlook or Apple Calendar. Only a hash of the token is stored; a new POST revokes the previous address.',
  })
  @ApiCreatedResponse({ type: CalendarFeedResponseDto })
  createFeed(@CurrentActor() actor: Actor, @Req() req: Request): Promise<CalendarFeedResponse> {
    return this.calendar.createFeed(actor, this.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`);
  }

  @Get('me/calendar-feed')
  @Auth()
  @ApiOperation({ summary: 'Whether the caller has a feed address (the address itself is not kept)' })
  @ApiOkResponse({ type: CalendarFeedStatusResponseDto })
  feedStatus(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusResponse> {
    return this.calendar.feedStatus(actor);
  }

  @Delete('me/calendar-feed')
  @Auth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke the caller’s feed address: it answers 404 from now on' })
  @ApiNoContentResponse()
  async revokeFeed(@CurrentActor() actor: Actor): Promise<void> {
    await this.calendar.revokeFeed(actor);
  }

  @Get('calendar/:file')
  @Public()
  @ApiOperation({
    summary: 'The iCalendar feed behind a secret address',
    description:
      'One VEVENT per session of the address’s owner, times in UTC, UID stable for the life of a session, SEQUENCE raised on every change, cancelled sessions kept with STATUS:CANCELLED, ' +
      'REFRESH-INTERVAL and X-PUBLISHED-TTL of one hour. Answers an ETag; a matching If-None-Match gets 304. Unknown or revoked address: 404.',
  })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar' })
  @ApiNotFoundResponse({ description: 'Unknown or revoked address' })
  async feed(@Param('file') file: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.calendar.feed(file), 'inline; filename="mentoring.ics"');
  }

  @Get('sessions/:id/calendar.ics')
  @Auth()
  @ApiOperation({ summary: 'One session as an .ics file, for a participant' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar attachment' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller does not take part' })
  async sessionFile(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    send(req, res, await this.calendar.sessionFile(actor, id), `attachment; filename="session-${id}.ics"`);
  }
}
