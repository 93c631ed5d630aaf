import { DEFAULT_HISTORY_LIMIT, type ChatMessage, type ConversationMessagesQuery } from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import { readStored, writeStored } from '@web/lib/storage';
import type { ChatTransportFactory } from './chat-transport';
import { ChatStore, type ChatClientEvent, type ChatSnapshot } from './chat-store';
import { ConnectionSupervisor } from './connection-supervisor';
import { OutboxSender, type KeyValueStorage } from './outbox-sender';
import { PresenceTracker } from './presence';
import { ThreadSync } from './thread-sync';
import { TypingIndicator } from './typing';
import { outboxStorageKey, parseOutbox, type OutboxEntry } from './outbox';

export type { ConnectionStatus } from './connection-supervisor';
export type { ChatClientEvent, ChatSnapshot, ThreadState } from './chat-store';
export type { KeyValueStorage } from './outbox-sender';
export { TYPING_IDLE_MS, TYPING_RENEW_MS } from './typing';

export interface ChatClientOptions {
  userId: string;
  transport: ChatTransportFactory;
  tokens: TokenProvider;
  fetchHistory: (conversationId: string, query: ConversationMessagesQuery) => Promise<ChatMessage[]>;
  storage?: KeyValueStorage;
  now?: () => number;
  random?: () => number;
  historyPageSize?: number;
  /**
   * A connection shared with the app's other features (notifications, the forum): the client holds it while
   * started instead of opening its own, and `transport`/`tokens`/`random` are then the connection's business.
   */
  connection?: ConnectionSupervisor;
}

const browserStorage: KeyValueStorage = { read: readStored, write: writeStored };

/**
 * The realtime side of chat for one signed-in user, composed of small parts: the connection (supervisor), the
 * state React reads (store), the outbox, the threads, typing and presence. React reads it through
 * `subscribe`/`getSnapshot`.
 *
 * After every (re)connect it first resends the outbox (same clientMessageIds, so nothing is stored twice), then
 * rejoins every open conversation from its last contiguous message, joining again while the server says
 * `hasMore`; a live message after a hole in `seq` triggers the same catch-up.
 */
export class ChatClient {
  private readonly userId: string;
  private readonly store: ChatStore;
  private readonly supervisor: ConnectionSupervisor;
  private readonly outbox: OutboxSender;
  private readonly threads: ThreadSync;
  private readonly typingIndicator: TypingIndicator;
  private readonly presence: PresenceTracker;
  /** Undoes what `start` set up (listeners, the hold on the connection); null while stopped. */
  private detach: (() => void) | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(options: ChatClientOptions) {
    const storage = options.storage ?? browserStorage;
    const now = options.now ?? Date.now;
    this.userId = options.userId;
    this.store = new ChatStore(parseOutbox(storage.read(outboxStorageKey(options.userId))));
    this.supervisor = options.connection ?? new ConnectionSupervisor({ transport: options.transport, tokens: options.tokens, random: options.random });
    const shared = { userId: options.userId, store: this.store, supervisor: this.supervisor, now };
    const later = (delayMs: number, task: () => void): void => this.later(delayMs, task);
    this.outbox = new OutboxSender({ ...shared, storage, later, isRunning: () => this.detach !== null, delivered: (m) => this.threads.addMessages(m.conversationId, [m]) });
    this.threads = new ThreadSync({
      ...shared,
      fetchHistory: options.fetchHistory,
      pageSize: options.historyPageSize ?? DEFAULT_HISTORY_LIMIT,
      later,
      settle: (messages) => this.outbox.settle(messages),
      isResending: () => this.outbox.isResending,
    });
    this.typingIndicator = new TypingIndicator(shared);
    this.presence = new PresenceTracker(shared);
  }

  readonly subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  readonly getSnapshot = (): ChatSnapshot => this.store.getSnapshot();

  /** Message, receipt and resync events, for the conversation list. */
  onEvent(listener: (event: ChatClientEvent) => void): () => void {
    return this.store.onEvent(listener);
  }

  get currentUserId(): string {
    return this.userId;
  }

  /** Connects. Safe to call again after `stop()` (React's development mode mounts effects twice). */
  start(): void {
    if (this.detach) return;
    const { supervisor } = this;
    this.outbox.start();
    const off = [
      supervisor.on('message:new', this.threads.receiveLive),
      supervisor.on('typing:update', this.typingIndicator.receive),
      supervisor.on('read:update', this.threads.receiveRead),
      supervisor.on('presence:update', this.presence.receive),
      supervisor.onStatus((status) => this.store.update({ status })),
      supervisor.onConnect(this.onConnect),
    ];
    const release = supervisor.retain();
    this.detach = () => {
      for (const unsubscribe of off) unsubscribe();
      release();
    };
    this.store.update({ status: supervisor.status });
    // A shared connection may be up already: catch up as after any connect.
    if (supervisor.connected) this.onConnect(supervisor.signal);
  }

  /** Disconnects and stops every timer. Pending messages stay in storage and go out on the next start. */
  stop(): void {
    const detach = this.detach;
    if (!detach) return;
    this.detach = null;
    this.outbox.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.typingIndicator.stop();
    detach();
    this.threads.connectionLost();
    // Loaded threads are kept, so coming back shows them at once; they are caught up on the next connect.
    this.presence.connectionLost();
  }

  /** The app renewed its session: tell the open socket, so its events keep working past the old token's expiry. */
  tokenChanged(token: string | null): void {
    if (token !== null) return this.supervisor.tokenChanged(token);
    this.stop();
    this.store.update({ status: 'signed-out' });
  }

  /** Queues a message and sends it at once when connected; it stays in the outbox until the server acks it. */
  send(conversationId: string, body: string): OutboxEntry {
    const entry = this.outbox.queue(conversationId, body);
    this.typingIndicator.stopTyping(conversationId);
    this.outbox.push(entry);
    return entry;
  }

  /** Sends a failed message again. */
  retry(clientMessageId: string): void {
    this.outbox.retry(clientMessageId);
  }

  /** Gives up on a pending or failed message. */
  discard(clientMessageId: string): void {
    this.outbox.discard(clientMessageId);
  }

  /** Loads the newest page of a conversation (once) and joins it for what is missing, receipts and live updates. */
  openThread(conversationId: string): Promise<void> {
    return this.threads.open(conversationId);
  }

  /** The page before the oldest message held. */
  loadOlder(conversationId: string): Promise<void> {
    return this.threads.loadOlder(conversationId);
  }

  /** Marks a conversation read up to `messageId` (never backwards; nothing is sent when it changes nothing). */
  markRead(conversationId: string, messageId: string): void {
    this.threads.markRead(conversationId, messageId);
  }

  /** A keystroke in the composer: tells the others at most every TYPING_RENEW_MS, and stops after a pause. */
  typing(conversationId: string): void {
    this.typingIndicator.typing(conversationId);
  }

  /** Sent, cleared, or left: the others stop seeing "typing" at once. */
  stopTyping(conversationId: string): void {
    this.typingIndicator.stopTyping(conversationId);
  }

  /** The conversations whose members' presence to show; queried now and after every reconnect. */
  watchPresence(conversations: ReadonlyArray<{ id: string; memberIds: readonly string[] }>): void {
    this.presence.watch(conversations);
  }

  private readonly onConnect = (signal: AbortSignal): void => {
    signal.addEventListener('abort', this.onConnectionLost, { once: true });
    void this.resync(signal);
  };

  /** What only held while connected goes (the stopped client cleared it already). */
  private readonly onConnectionLost = (): void => {
    if (!this.detach) return;
    this.outbox.connectionLost();
    this.threads.connectionLost();
    this.typingIndicator.connectionLost();
    this.presence.connectionLost();
  };

  private async resync(signal: AbortSignal): Promise<void> {
    await this.outbox.resend(signal);
    if (signal.aborted) return;
    await Promise.all(this.threads.openIds().map((id) => this.threads.catchUp(id)));
    if (signal.aborted) return;
    await this.presence.requery();
    if (signal.aborted) return;
    this.store.emitEvent({ type: 'resynced' });
  }

  private later(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.detach) task();
    }, delayMs);
    this.timers.add(timer);
  }
}
