import { Module } from '@nestjs/common';
import { AuthModule } from '@api/auth/auth.module';
import { ChatAuthService } from './chat-auth.service';
import { ChatEventRunner } from './chat-event.runner';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { ConversationAccess } from './conversation-access';
import { ConversationStore } from './conversation.store';
import { ConversationsController } from './conversations.controller';
import { ConversationsService } from './conversations.service';
import { MembershipCache } from './membership-cache';
import { MessageAppender } from './message-appender';
import { MessageStore } from './message.store';
import { PresenceService } from './presence.service';

/**
 * Realtime chat: the /chat socket.io gateway and the conversation REST endpoints. The cross-instance fan-out
 * (the socket.io adapter) is wired in setup-app.ts through ChatIoAdapter, because Nest creates the socket.io
 * server before any module's lifecycle hook runs.
 */
@Module({
  imports: [AuthModule],
  controllers: [ConversationsController],
  providers: [
    ChatGateway,
    ChatAuthService,
    ChatEventRunner,
    ChatBroadcaster,
    ChatService,
    ConversationsService,
    ConversationAccess,
    ConversationStore,
    MembershipCache,
    MessageAppender,
    MessageStore,
    PresenceService,
  ],
  // The forum (and notifications) reach people's open sockets through the same broadcaster.
  exports: [ChatBroadcaster],
})
export class ChatModule {}
