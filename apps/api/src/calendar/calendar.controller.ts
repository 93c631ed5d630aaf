import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CalendarFeedResponse, CalendarFeedStatusResponse } from '@pm/contracts';
import { Auth, CurrentActor, Public, type Actor } from '@api/common/access.decorators';
import { AppConfig } from '@api/config/app-config';
import { untrustedHost } from './calendar.errors';
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
  @ApiProperty({ nullable: true, type: String, description: 'The current address, again; null without a feed or for one made before addresses could be shown again' })
  url!: string | null;
  @ApiProperty({ nullable: true, type: String }) webcalUrl!: string | null;
}

const LOOPBACK = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d+)?$/;

function send(req: FastifyRequest, res: FastifyReply, doc: CalendarDocument, disposition: string): void {
  res.header('Content-Type', 'text/calendar; charset=utf-8');
  res.header('Content-Disposition', disposition);
  res.header('ETag', doc.etag);
  // The address is a secret: no shared cache may keep a copy; clients revalidate with If-None-Match.
  res.header('Cache-Control', 'private, no-cache');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === doc.etag)) {
    void res.status(HttpStatus.NOT_MODIFIED).send();
    return;
  }
  void res.status(HttpStatus.OK).send(doc.body);
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
    summary: 'The caller’s secret calendar feed address, made if they have none',
    description:
      'Subscribe to `url` (or open `webcalUrl`) in Google Calendar, Outlook or Apple Calendar. Asking again gives the same address; ' +
      '`POST /api/me/calendar-feed/replace` makes a new one. Built on PUBLIC_URL, else on the request’s Host when it is loopback or in TRUSTED_HOSTS ' +
      '(else 400 UNTRUSTED_HOST).',
  })
  @ApiCreatedResponse({ type: CalendarFeedResponseDto })
  createFeed(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<CalendarFeedResponse> {
    return this.calendar.createFeed(actor, this.origin(req));
  }

  @Post('me/calendar-feed/replace')
  @Auth()
  @ApiOperation({
    summary: 'Replace the caller’s calendar feed address',
    description: 'A new secret address; the previous one answers 404 from now on, so calendars subscribed to it stop updating. For an address that leaked.',
  })
  @ApiCreatedResponse({ type: CalendarFeedResponseDto })
  replaceFeed(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<CalendarFeedResponse> {
    return this.calendar.replaceFeed(actor, this.origin(req));
  }

  @Get('me/calendar-feed')
  @Auth()
  @ApiOperation({ summary: 'Whether the caller has a feed address, and the address itself' })
  @ApiOkResponse({ type: CalendarFeedStatusResponseDto })
  feedStatus(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<CalendarFeedStatusResponse> {
    return this.calendar.feedStatus(actor, this.origin(req));
  }

  /**
   * The public origin an address is built on: PUBLIC_URL, else the request's own when its Host is a name of
   * this server (loopback, or listed in TRUSTED_HOSTS). Anything else is refused: a forged Host would otherwise
   * put another site in an address people paste into their calendars.
   */
  private origin(req: FastifyRequest): string {
    if (this.config.PUBLIC_URL) return this.config.PUBLIC_URL;
    const host = (req.headers.host ?? '').toLowerCase();
    if (!LOOPBACK.test(host) && !this.config.TRUSTED_HOSTS.includes(host)) throw untrustedHost(host);
    return `${req.protocol}://${host}`;
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
  async feed(@Param('file') file: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    send(req, res, await this.calendar.feed(file), 'inline; filename="mentoring.ics"');
  }

  @Get('sessions/:id/calendar.ics')
  @Auth()
  @ApiOperation({ summary: 'One session as an .ics file, for a participant' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'text/calendar attachment' })
  @ApiNotFoundResponse({ description: 'Unknown, or the caller does not take part' })
  async sessionFile(@CurrentActor() actor: Actor, @Param('id') id: string, @Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    send(req, res, await this.calendar.sessionFile(actor, id), `attachment; filename="session-${id}.ics"`);
  }
}
