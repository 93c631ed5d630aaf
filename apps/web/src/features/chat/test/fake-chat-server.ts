import type { Ack, ChatMessage, ChatServerToClientEvents, ConversationMessagesQuery, ReadReceipt, TypingSetPayload } from '@pm/contracts';
import type { AckedEvent, AckOf, ChatTransport, ChatTransportFactory, ConnectFailure, HandshakeAuth, PayloadOf } from '@web/features/chat/api/chat-transport';

/** A message id as the API makes them: the seq in the first 48 bits, so ids sort in storage order. */
export function messageIdFor(seq: number, conversationId = 'c1'): string {
  const hex = seq.toString(16).padStart(12, '0');
  const tail = [...conversationId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 0xffffffffffff, 7).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8000-8000-${tail}`;
}

type Responder<E extends AckedEvent> = (payload: PayloadOf<E>) => AckOf<E> | 'no-ack' | undefined | Promise<AckOf<E> | 'no-ack' | undefined>;

/**
 * The chat server as a test sees it: conversations with stored messages, acks computed the way the gateway
 * computes them (idempotent sends, joins from a cursor with hasMore), and hooks to refuse, delay or drop.
 * It hands out FakeTransports, one per ChatClient start, and knows which one is current.
 */
export class FakeChatServer {
  readonly messages = new Map<string, ChatMessage[]>();
  readonly receipts = new Map<string, ReadReceipt[]>();
  readonly transports: FakeTransport[] = [];
  /** Every acked event any transport sent, in order. */
  readonly log: Array<{ event: AckedEvent; payload: unknown }> = [];
  readonly typing: TypingSetPayload[] = [];
  online: string[] = [];
  maxMissed = 1000;
  /** Accept handshakes at once (otherwise the test calls `accept()`). */
  autoAccept = true;
  /** Overrides for single events; return undefined to fall back to the default behaviour. */
  overrides: { [E in AckedEvent]?: (payload: PayloadOf<E>) => AckOf<E> | 'no-ack' | undefined | Promise<AckOf<E> | 'no-ack' | undefined> } = {};
  private clock = Date.parse('2030-01-01T09:00:00.000Z');

  constructor(readonly userId = 'u-me') {}

  readonly factory: ChatTransportFactory = (auth) => {
    const transport = new FakeTransport(this, auth);
    this.transports.push(transport);
    return transport;
  };

  get current(): FakeTransport {
    const transport = this.transports.at(-1);
    if (!transport) throw new Error('no transport created yet');
    return transport;
  }

  /** Stores a message as the API would and returns it (without telling anyone). */
  store(conversationId: string, senderId: string, body: string, clientMessageId = `cm-${Math.random().toString(36).slice(2)}`): ChatMessage {
    const list = this.messages.get(conversationId) ?? [];
    const existing = list.find((m) => m.senderId === senderId && m.clientMessageId === clientMessageId);
    if (existing) return existing;
    const seq = (list.at(-1)?.seq ?? 0) + 1;
    this.clock += 60_000;
    const message: ChatMessage = { id: messageIdFor(seq, conversationId), conversationId, senderId, body, clientMessageId, createdAt: new Date(this.clock).toISOString(), seq };
    this.messages.set(conversationId, [...list, message]);
    return message;
  }

  /** Someone else sends a message: stored, and pushed to the current connection (unless `deliver` is false). */
  incoming(conversationId: string, senderId: string, body: string, deliver = true): ChatMessage {
    const message = this.store(conversationId, senderId, body);
    if (deliver) this.current.push('message:new', message);
    return message;
  }

  /** `GET /api/conversations/:id/messages`, as the REST stub answers it. */
  history(conversationId: string, query: ConversationMessagesQuery = {}): ChatMessage[] {
    const all = this.messages.get(conversationId) ?? [];
    const limit = query.limit ?? 50;
    const before = query.before ? all.findIndex((m) => m.id === query.before) : all.length;
    const end = before < 0 ? all.length : before;
    return all.slice(Math.max(0, end - limit), end);
  }

  sent(event: AckedEvent): unknown[] {
    return this.log.filter((entry) => entry.event === event).map((entry) => entry.payload);
  }

  async answer<E extends AckedEvent>(event: E, payload: PayloadOf<E>): Promise<AckOf<E> | 'no-ack'> {
    this.log.push({ event, payload });
    const override = this.overrides[event] as Responder<E> | undefined;
    const custom = override ? await override(payload) : undefined;
    if (custom !== undefined) return custom;
    return this.defaultAnswer(event, payload);
  }

  private defaultAnswer<E extends AckedEvent>(event: E, payload: PayloadOf<E>): AckOf<E> {
    const ok = <T extends object>(body: T): Ack<T> => ({ ok: true, ...body });
    switch (event) {
      case 'conversation:join': {
        const { conversationId, afterMessageId } = payload as PayloadOf<'conversation:join'>;
        const all = this.messages.get(conversationId) ?? [];
        const from = afterMessageId ? all.findIndex((m) => m.id === afterMessageId) + 1 : all.length;
        const after = all.slice(from);
        return ok({ missed: after.slice(0, this.maxMissed), hasMore: after.length > this.maxMissed, readReceipts: this.receipts.get(conversationId) ?? [] }) as AckOf<E>;
      }
      case 'message:send': {
        const { conversationId, body, clientMessageId } = payload as PayloadOf<'message:send'>;
        const list = this.messages.get(conversationId) ?? [];
        const existed = list.some((m) => m.senderId === this.userId && m.clientMessageId === clientMessageId);
        const message = this.store(conversationId, this.userId, body, clientMessageId);
        if (!existed) queueMicrotask(() => this.current.push('message:new', message));
        return ok({ message }) as AckOf<E>;
      }
      case 'conversation:read': {
        const { conversationId, messageId } = payload as PayloadOf<'conversation:read'>;
        const receipt: ReadReceipt = { userId: this.userId, lastReadMessageId: messageId, readAt: new Date(this.clock).toISOString() };
        this.receipts.set(conversationId, [...(this.receipts.get(conversationId) ?? []).filter((r) => r.userId !== this.userId), receipt]);
        return ok({ receipt }) as AckOf<E>;
      }
      case 'presence:query':
        return ok({ online: this.online }) as AckOf<E>;
      case 'auth:refresh':
        return ok({ expiresAt: new Date(this.clock + 900_000).toISOString() }) as AckOf<E>;
      default:
        throw new Error(`unexpected event ${String(event)}`);
    }
  }
}

export class FakeTransport implements ChatTransport {
  connected = false;
  active = false;
  closed = false;
  /** The token presented at each handshake. */
  readonly handshakes: string[] = [];
  private readonly listeners = new Map<string, Array<(...args: never[]) => void>>();

  constructor(
    private readonly server: FakeChatServer,
    private readonly auth: HandshakeAuth,
  ) {}

  connect(): void {
    if (this.closed || this.connected) return;
    this.active = true;
    this.auth((data) => this.handshakes.push(data.token));
    if (this.server.autoAccept) queueMicrotask(() => this.accept());
  }

  disconnect(): void {
    this.active = false;
    if (!this.connected) return;
    this.connected = false;
    this.fire('disconnect', 'io client disconnect');
  }

  /** The handshake succeeds. */
  accept(): void {
    if (this.closed || this.connected) return;
    this.connected = true;
    this.fire('connect');
  }

  /** The handshake is refused by the server's middleware (socket.io then stops retrying). */
  refuse(failure: ConnectFailure): void {
    this.active = false;
    this.fire('connect_error', failure);
  }

  /** The connection is lost (socket.io would retry by itself). */
  drop(reason = 'transport close'): void {
    if (!this.connected) return;
    this.connected = false;
    this.fire('disconnect', reason);
  }

  push<E extends keyof ChatServerToClientEvents>(event: E, ...args: Parameters<ChatServerToClientEvents[E]>): void {
    if (this.connected) this.fire(event, ...args);
  }

  on<E extends keyof ChatServerToClientEvents>(event: E, listener: ChatServerToClientEvents[E]): void {
    this.add(event, listener);
  }

  onConnect(listener: () => void): void {
    this.add('connect', listener);
  }

  onDisconnect(listener: (reason: string) => void): void {
    this.add('disconnect', listener);
  }

  onConnectError(listener: (failure: ConnectFailure) => void): void {
    this.add('connect_error', listener);
  }

  async request<E extends AckedEvent>(event: E, payload: PayloadOf<E>, timeoutMs: number): Promise<AckOf<E>> {
    if (!this.connected) throw new Error(`${event} sent while disconnected`);
    const answer = await this.server.answer(event, payload);
    if (answer === 'no-ack' || !this.connected) {
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
      throw new Error('operation has timed out');
    }
    return answer;
  }

  notifyTyping(payload: TypingSetPayload): void {
    if (this.connected) this.server.typing.push(payload);
  }

  close(): void {
    this.closed = true;
    this.connected = false;
    this.active = false;
    this.listeners.clear();
  }

  private add(event: string, listener: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args);
  }
}
