import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type FailedMail, type Notification, type NotificationSettings, type UnreadNotificationsResponse } from '@pm/contracts';
import { Auth, CurrentActor, type Actor } from '@api/common/access.decorators';
import { FailedMailDto, MarkReadDto, NotificationDto, NotificationSettingsDto, NotificationsQueryDto, UnreadNotificationsDto } from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('me/notifications')
  @Auth()
  @ApiOperation({
    summary: "The caller's notifications, newest first",
    description: "Title and body in the caller's language, times in the program's time zone. Each is also pushed live as `notification:new` on the /chat socket.",
  })
  @ApiOkResponse({ type: [NotificationDto] })
  @ApiBadRequestResponse({ description: '`limit` outside 1-200 or `before` not a UUID' })
  list(@CurrentActor() actor: Actor, @Query() q: NotificationsQueryDto): Promise<Notification[]> {
    return this.notifications.list(actor, q);
  }

  @Get('me/notifications/unread')
  @Auth()
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadNotificationsDto })
  unread(@CurrentActor() actor: Actor): Promise<UnreadNotificationsResponse> {
    return this.notifications.unread(actor);
  }

  @Post('me/notifications/read')
  @Auth()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark some (`{ids}`) or all (`{all: true}`) of the caller’s notifications read', description: 'Ids of other people’s notifications change nothing.' })
  @ApiOkResponse({ type: UnreadNotificationsDto })
  @ApiBadRequestResponse({ description: 'Neither `ids` nor `all: true`, or an id that is not a UUID' })
  markRead(@CurrentActor() actor: Actor, @Body() dto: MarkReadDto): Promise<UnreadNotificationsResponse> {
    return this.notifications.markRead(actor, dto);
  }

  @Get('me/notification-settings')
  @Auth()
  @ApiOperation({ summary: 'The caller’s notification settings (defaults: e-mail on, English)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettings> {
    return this.notifications.settings(actor);
  }

  @Put('me/notification-settings')
  @Auth()
  @ApiOperation({ summary: 'Replace the caller’s notification settings' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  @ApiBadRequestResponse({ description: '`email` not a boolean or `language` not en or fa' })
  saveSettings(@CurrentActor() actor: Actor, @Body() dto: NotificationSettingsDto): Promise<NotificationSettings> {
    return this.notifications.saveSettings(actor, dto);
  }

  @Get('admin/failed-mails')
  @Auth(Role.Admin)
  @ApiOperation({ summary: 'Notification mails that failed for good after every retry, newest first' })
  @ApiOkResponse({ type: [FailedMailDto] })
  @ApiForbiddenResponse({ description: 'Not an admin' })
  failedMails(): Promise<FailedMail[]> {
    return this.notifications.failedMails();
  }
}
