import { Module } from '@nestjs/common';
import { AuditModule } from '@api/audit/audit.module';
import { ChatModule } from '@api/chat/chat.module';
import { NotificationsModule } from '@api/notifications/notifications.module';
import { ProgramsModule } from '@api/programs/programs.module';
import { ForumAccess } from './forum-access';
import { ForumEvents } from './forum-events';
import { ForumModerationService } from './forum-moderation.service';
import { ForumNotices } from './forum-notices';
import { ForumRepliesService } from './forum-replies.service';
import { ForumThreadsService } from './forum-threads.service';
import { ForumController, ProgramForumController } from './forum.controller';
import { ForumStore } from './forum.store';

/** The cohort forum: questions and answers per program, anonymous questions, search, moderation, live updates. */
@Module({
  imports: [AuditModule, ChatModule, NotificationsModule, ProgramsModule],
  controllers: [ProgramForumController, ForumController],
  providers: [ForumAccess, ForumEvents, ForumModerationService, ForumNotices, ForumRepliesService, ForumThreadsService, ForumStore],
})
export class ForumModule {}
