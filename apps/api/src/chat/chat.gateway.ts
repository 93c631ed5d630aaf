import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { CHAT_NAMESPACE, type Ack, type ChatMessage, type ConversationJoinResult, type ReadReceipt } from '@pm/contracts';
import { AccountSessionsService } from '@api/auth/account-sessions.service';
import { ChatAuthService } from './chat-auth.service';
import { ChatEventRunner } from './chat-event.runner';
import { ChatBroadcaster } from './chat.broadcaster';
import { ChatService } from './chat.service';
import type { ChatNamespace, ChatSocket } from './chat.types';
import { AuthRefreshDto, JoinConversationDto, PresenceQueryDto, ReadMessageDto, SendMessageDto, TypingDto } from './dto/chat-events.dto';
import { PresenceService } from './presence.service';

/** How long after `server:shutdown` clients are told to reconnect (to whichever instance is still up). */
const RECONNECT_AFTER_MS = 1_000;

/**
 * The /chat namespace. Handlers are one line each: the runner does rate limiting, validation and acks, the
 * service does the access check and the work. Payloads are taken as `unknown` on purpose: they are validated
 * by the runner, which answers a bad one with an error ack instead of an exception.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit<ChatNamespace>, OnGatewayConnection<ChatSocket>, OnGatewayDisconnect<ChatSocket>, BeforeApplicationShutdown {
  private readonly logger = new Logger('Chat');

  @WebSocketServer()
  private readonly nsp!: ChatNamespace;

  constructor(
    private readonly auth: ChatAuthService,
    private readonly runner: ChatEventRunner,
    private readonly chat: ChatService,
    private readonly presence: PresenceService,
    private readonly broadcaster: ChatBroadcaster,
    private readonly sessions: AccountSessionsService,
  ) {}

  afterInit(nsp: ChatNamespace): void {
    nsp.use(this.auth.middleware);
    this.broadcaster.attach(nsp);
    // A password change or a deactivation ends the account's sign-ins: its sockets go too, everywhere.
    this.sessions.onCloseLiveConnections((userId) => this.broadcaster.disconnectUser(userId));
  }

  handleConnection(socket: ChatSocket): void {
    void this.presence.connected(socket);
  }

  handleDisconnect(socket: ChatSocket): void {
    if (!this.runner.isDraining) void this.presence.disconnected(socket);
  }

  @SubscribeMessage('conversation:join')
  join(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<ConversationJoinResult>> {
    return this.runner.run(socket, JoinConversationDto, payload, (user, dto) => this.chat.join(user, dto));
  }

  @SubscribeMessage('message:send')
  send(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<{ message: ChatMessage }>> {
    return this.runner.run(socket, SendMessageDto, payload, (user, dto) => this.chat.send(user, dto));
  }

  @SubscribeMessage('conversation:read')
  read(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<{ receipt: ReadReceipt }>> {
    return this.runner.run(socket, ReadMessageDto, payload, (user, dto) => this.chat.markRead(user, dto));
  }

  @SubscribeMessage('typing:set')
  typing(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<object>> {
    return this.runner.run(socket, TypingDto, payload, (user, dto) => this.chat.typing(user, dto));
  }

  @SubscribeMessage('presence:query')
  presenceQuery(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<{ online: string[] }>> {
    return this.runner.run(socket, PresenceQueryDto, payload, (user, dto) => this.chat.presence(user, dto));
  }

  @SubscribeMessage('auth:refresh')
  refresh(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown): Promise<Ack<{ expiresAt: string }>> {
    return this.runner.run(socket, AuthRefreshDto, payload, (_user, dto) => this.auth.refresh(socket, dto.token), { allowExpiredToken: true });
  }

  /**
   * Before the app closes: stop taking events, let those in flight be stored and acknowledged, then tell this
   * instance's clients to reconnect and close their connections (not a server-side "disconnect", which would
   * stop socket.io clients from reconnecting by themselves).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.nsp) return;
    await this.runner.drain();
    this.broadcaster.detach();
    const count = this.nsp.sockets.size;
    this.nsp.local.emit('server:shutdown', { reconnectAfterMs: RECONNECT_AFTER_MS });
    this.nsp.local.disconnectSockets(true);
    if (count > 0) this.logger.log(`closed ${count} chat connection(s) with a reconnect hint`);
  }
}
