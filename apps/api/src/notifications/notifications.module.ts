import { Module } from '@nestjs/common';
import { ChatModule } from '@api/chat/chat.module';
import { InvitationCalendar } from './mail/invitation-calendar';
import { MailTransport } from './mail/mail-transport';
import { MailWorker } from './mail/mail.worker';
import { MatchNotifications } from './match-notifications';
import { NotificationsPush } from './notifications-push';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderScheduler } from './reminders';
import { SessionNotifications } from './session-notifications';
import { UnreadMessages } from './unread-messages';

/**
 * Reaching people outside the page: stored notifications pushed live, mail with calendar invitations,
 * reminders and unread-message notices. Domains raise events (DomainEvents) and this module subscribes;
 * other modules may also call NotificationsService.notify(manager, input) directly for their own kinds.
 */
@Module({
  imports: [ChatModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationsPush,
    MailTransport,
    MailWorker,
    InvitationCalendar,
    ReminderScheduler,
    SessionNotifications,
    MatchNotifications,
    UnreadMessages,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
