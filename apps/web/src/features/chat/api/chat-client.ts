import {
  ChatErrorCode,
  DEFAULT_HISTORY_LIMIT,
  TYPING_TTL_MS,
  type Ack,
  type ChatMessage,
  type ConversationMessagesQuery,
  type PresenceUpdate,
  type ReadReceipt,
  type TypingUpdate,
} from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import { readStored, writeStored } from '@web/lib/storage';
import type { AckedEvent, AckOf, ChatTransport, ChatTransportFactory, ConnectFailure, PayloadOf } from './chat-transport';
import { EMPTY_LOG, addCompleteRun, addToLog, compareMessageIds, hasGap, isCoveredBy, pageHasOlder, syncAnchor, type MessageLog } from './message-log';
import {
  addEntry,
  applyOutcome,
  clearWaits,
  dueForSending,
  newClientMessageId,
  nextRetryAt,
  outboxStorageKey,
  outcomeOfAck,
  parseOutbox,
  removeEntry,
  retryEntry,
  serializeOutbox,
  settleDelivered,
  type Outbox,
  type OutboxEntry,
} from './outbox';

/** `connecting` before the first connection, `reconnecting` after losing one, `signed-out` once the session is gone. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'signed-out';

export interface ThreadState {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  log: MessageLog;
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  /** Read receipts by user, the caller's own included. */
  receipts: Readonly<Record<string, ReadReceipt>>;
  /** Other members typing right now. */
  typing: readonly string[];
}

export interface ChatSnapshot {
  status: ConnectionStatus;
  threads: Readonly<Record<string, ThreadState>>;
  outbox: Outbox;
  /** Presence by user id; missing while unknown (before the first answer, and while disconnected). */
  online: Readonly<Record<string, boolean>>;
}

/** What the conversation list listens to, to stay current without refetching. */
export type ChatClientEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'read'; update: ReadReceipt & { conversationId: string } }
  /** Reconnected and caught up: whatever the list shows may have changed meanwhile. */
  | { type: 'resynced' };

export interface KeyValueStorage {
  read(key: string): string | null;
  write(key: string, value: string | null): void;
}

export interface ChatClientOptions {
  userId: string;
  transport: ChatTransportFactory;
  tokens: TokenProvider;
  fetchHistory: (conversationId: string, query: ConversationMessagesQuery) => Promise<ChatMessage[]>;
  storage?: KeyValueStorage;
  now?: () => number;
  random?: () => number;
  historyPageSize?: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
/** A send with no ack this long is sent again (same clientMessageId, so never stored twice). */
const SEND_TIMEOUT_MS = 15_000;
/** While someone types, `typing:set {typing: true}` is renewed this often, well inside the server's TTL. */
export const TYPING_RENEW_MS = 3_000;
/** Typing stops counting after this long without a keystroke. */
export const TYPING_IDLE_MS = 4_000;
const RECONNECT_BASE_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** Catch-up joins per conversation per round; more means the server keeps saying hasMore, which it cannot forever. */
const MAX_JOIN_ROUNDS = 50;

const browserStorage: KeyValueStorage = { read: readStored, write: writeStored };

const emptyThread = (): ThreadState => ({ status: 'loading', error: null, log: EMPTY_LOG, hasOlder: false, loadingOlder: false, olderError: null, receipts: {}, typing: [] });

class AckError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The realtime side of chat for one signed-in user: one socket.io connection, the outbox, and the messages,
 * receipts, typing and presence of the conversations opened. React reads it through `subscribe`/`getSnapshot`.
 *
 * After every (re)connect it first resends the outbox (same clientMessageIds, so nothing is stored twice), then
 * rejoins every open conversation from its last contiguous message, joining again while the server says
 * `hasMore`; a live message after a hole in `seq` triggers the same catch-up.
 */
export class ChatClient {
  private readonly userId: string;
  private readonly options: ChatClientOptions;
  private readonly storage: KeyValueStorage;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly pageSize: number;
  private readonly storageKey: string;

  private snapshot: ChatSnapshot = { status: 'connecting', threads: {}, outbox: [], online: {} };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: ChatClientEvent) => void>();

  private transport: ChatTransport | null = null;
  private running = false;
  /** The token the server knows this socket by (from the handshake or the last auth:refresh). */
  private socketToken: string | null = null;
  private renewing: Promise<boolean> | null = null;
  private connectAttempts = 0;
  private everConnected = false;
  /** Bumped on every connect: work of an older connection stops when it sees a newer one. */
  private generation = 0;
  /** While the outbox is resent after a connect: a catch-up follows anyway, so gaps need not trigger one. */
  private resending = false;
  private readonly inFlight = new Set<string>();
  private readonly catchUps = new Map<string, { running: Promise<void>; again: boolean }>();
  /** The connection during which a conversation's newest page was fetched: nothing since can have been missed. */
  private readonly fetchedDuring = new Map<string, number>();
  private readonly presenceMembers = new Map<string, readonly string[]>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly ownTyping = new Map<string, { sentAt: number; idle: ReturnType<typeof setTimeout> }>();

  constructor(options: ChatClientOptions) {
    this.options = options;
    this.userId = options.userId;
    this.storage = options.storage ?? browserStorage;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.pageSize = options.historyPageSize ?? DEFAULT_HISTORY_LIMIT;
    this.storageKey = outboxStorageKey(options.userId);
    this.snapshot = { ...this.snapshot, outbox: parseOutbox(this.storage.read(this.storageKey)) };
  }

  // ---- React store ------------------------------------------------------------------------------------------

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ChatSnapshot => this.snapshot;

  /** Message, receipt and resync events, for the conversation list. */
  onEvent(listener: (event: ChatClientEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  get currentUserId(): string {
    return this.userId;
  }

  // ---- lifecycle --------------------------------------------------------------------------------------------

  /** Connects. Safe to call again after `stop()` (React's development mode mounts effects twice). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.reloadOutbox();
    if (typeof window !== 'undefined') window.addEventListener('storage', this.onStorage);
    const transport = this.options.transport((callback) => {
      const token = this.options.tokens.getAccessToken();
      this.socketToken = token;
      callback({ token: token ?? '' });
    });
    this.transport = transport;
    transport.onConnect(this.onConnect);
    transport.onDisconnect(this.onDisconnect);
    transport.onConnectError((failure) => void this.onConnectError(failure));
    transport.on('message:new', (message) => this.receiveLive(message));
    transport.on('typing:update', (update) => this.onTyping(update));
    transport.on('read:update', (update) => this.onRead(update));
    transport.on('presence:update', (update) => this.onPresence(update));
    transport.on('server:shutdown', ({ reconnectAfterMs }) => this.onShutdownNotice(reconnectAfterMs));
    this.update({ status: this.everConnected ? 'reconnecting' : 'connecting' });
    transport.connect();
  }

  /** Disconnects and stops every timer. Pending messages stay in storage and go out on the next start. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.generation++;
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.onStorage);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    for (const own of this.ownTyping.values()) clearTimeout(own.idle);
    this.ownTyping.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.transport?.close();
    this.transport = null;
    this.inFlight.clear();
    this.catchUps.clear();
    // Loaded threads are kept, so coming back shows them at once; they are caught up on the next connect.
    const threads = Object.fromEntries(Object.entries(this.snapshot.threads).map(([id, t]) => [id, { ...t, typing: [] }]));
    this.update({ threads, online: {} });
  }

  /** The app renewed its session: tell the open socket, so its events keep working past the old token's expiry. */
  tokenChanged(token: string | null): void {
    if (token === null) {
      this.stop();
      this.update({ status: 'signed-out' });
      return;
    }
    if (!this.transport?.connected || token === this.socketToken) return;
    void this.refreshSocketAuth(token);
  }

  // ---- connection events ------------------------------------------------------------------------------------

  private readonly onConnect = (): void => {
    this.connectAttempts = 0;
    this.everConnected = true;
    this.generation++;
    this.update({ status: 'connected' });
    void this.resync(this.generation);
  };

  private readonly onDisconnect = (reason: string): void => {
    if (!this.running) return;
    this.generation++;
    this.inFlight.clear();
    this.catchUps.clear();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    const threads = Object.fromEntries(Object.entries(this.snapshot.threads).map(([id, t]) => [id, t.typing.length > 0 ? { ...t, typing: [] } : t]));
    this.update({ status: 'reconnecting', threads, online: {} });
    // socket.io reconnects by itself after a lost connection, but not after the server closed the socket.
    if (reason === 'io server disconnect') this.scheduleConnect(this.backoff());
  };

  private async onConnectError(failure: ConnectFailure): Promise<void> {
    const transport = this.transport;
    if (!this.running || !transport) return;
    this.update({ status: this.everConnected ? 'reconnecting' : 'connecting' });
    if (transport.active) return; // socket.io keeps trying by itself (the server is unreachable)
    // The handshake was refused: socket.io gives up, so the next attempt is ours to make.
    this.connectAttempts++;
    if (failure.code === ChatErrorCode.Unauthenticated) {
      let fresh: string | null;
      try {
        fresh = await this.freshToken(this.socketToken);
      } catch {
        fresh = this.options.tokens.getAccessToken();
      }
      if (!this.running || this.transport !== transport) return;
      if (fresh === null) {
        this.update({ status: 'signed-out' });
        return;
      }
      this.scheduleConnect(this.connectAttempts <= 1 ? 0 : this.backoff());
      return;
    }
    this.scheduleConnect(this.backoff());
  }

  private onShutdownNotice(reconnectAfterMs: number): void {
    const transport = this.transport;
    if (!transport) return;
    // Leave now and come back after the hint (with jitter, so every client of the instance does not arrive at once).
    this.generation++;
    transport.disconnect();
    this.update({ status: 'reconnecting', online: {} });
    this.scheduleConnect(Math.max(0, reconnectAfterMs) * (1 + this.random() * 0.5));
  }

  private scheduleConnect(delayMs: number): void {
    this.later(delayMs, () => {
      if (this.running && this.transport && !this.transport.connected) this.transport.connect();
    });
  }

  private backoff(): number {
    const exp = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, this.connectAttempts - 1));
    return exp * (0.5 + this.random() * 0.5);
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === this.storageKey || event.key === null) this.reloadOutbox();
  };

  private reloadOutbox(): void {
    const outbox = parseOutbox(this.storage.read(this.storageKey));
    if (JSON.stringify(outbox) !== JSON.stringify(this.snapshot.outbox)) this.update({ outbox });
  }

  // ---- after a (re)connect ----------------------------------------------------------------------------------

  private async resync(generation: number): Promise<void> {
    // Rate limits are per connection, so nothing has to wait any more.
    this.changeOutbox(clearWaits);
    this.resending = true;
    try {
      await this.flushOutbox(generation);
    } finally {
      this.resending = false;
    }
    if (generation !== this.generation) return;
    const open = Object.entries(this.snapshot.threads).filter(([, t]) => t.status !== 'error').map(([id]) => id);
    await Promise.all(open.map((id) => this.catchUp(id)));
    if (generation !== this.generation) return;
    await this.queryPresence([...this.presenceMembers.keys()]);
    if (generation !== this.generation) return;
    this.emitEvent({ type: 'resynced' });
  }

  // ---- sending ----------------------------------------------------------------------------------------------

  /** Queues a message and sends it at once when connected; it stays in the outbox until the server acks it. */
  send(conversationId: string, body: string): OutboxEntry {
    const entry: OutboxEntry = { clientMessageId: newClientMessageId(), conversationId, body, createdAt: new Date(this.now()).toISOString(), state: 'sending' };
    this.changeOutbox((outbox) => addEntry(outbox, entry));
    this.stopTyping(conversationId);
    if (this.transport?.connected) void this.deliver(entry, this.generation);
    return entry;
  }

  /** Sends a failed message again. */
  retry(clientMessageId: string): void {
    this.changeOutbox((outbox) => retryEntry(outbox, clientMessageId));
    const entry = this.snapshot.outbox.find((e) => e.clientMessageId === clientMessageId);
    if (entry && this.transport?.connected) void this.deliver(entry, this.generation);
  }

  /** Gives up on a pending or failed message. */
  discard(clientMessageId: string): void {
    this.changeOutbox((outbox) => removeEntry(outbox, clientMessageId));
  }

  private async flushOutbox(generation: number): Promise<void> {
    const due = dueForSending(this.snapshot.outbox, this.now());
    // Emitted back to back: the server stores one socket's sends in the order they arrive.
    await Promise.all(due.map((entry) => this.deliver(entry, generation)));
    this.scheduleRetry();
  }

  private async deliver(entry: OutboxEntry, generation: number, reauthenticated = false): Promise<void> {
    const transport = this.transport;
    if (!transport?.connected || this.inFlight.has(entry.clientMessageId)) return;
    this.inFlight.add(entry.clientMessageId);
    let ack: AckOf<'message:send'>;
    try {
      ack = await transport.request('message:send', { conversationId: entry.conversationId, body: entry.body, clientMessageId: entry.clientMessageId }, SEND_TIMEOUT_MS);
    } catch {
      // No ack in time. Still the same connection: send again (the server returns the stored copy if it had it).
      this.inFlight.delete(entry.clientMessageId);
      if (generation === this.generation && this.isPending(entry.clientMessageId)) this.later(0, () => void this.deliver(entry, this.generation));
      return;
    }
    this.inFlight.delete(entry.clientMessageId);
    if (!this.running) return;
    const outcome = outcomeOfAck(ack);
    if (outcome.kind === 'delivered') this.addMessages(outcome.message.conversationId, [outcome.message]);
    this.changeOutbox((outbox) => applyOutcome(outbox, entry.clientMessageId, outcome, this.now()));
    if (outcome.kind === 'retry-later') this.scheduleRetry();
    if (outcome.kind === 'reauthenticate' && !reauthenticated && (await this.renewSocketAuth()) && generation === this.generation) {
      await this.deliver(entry, generation, true);
    }
  }

  private isPending(clientMessageId: string): boolean {
    return this.snapshot.outbox.some((e) => e.clientMessageId === clientMessageId && e.state === 'sending');
  }

  private scheduleRetry(): void {
    const at = nextRetryAt(this.snapshot.outbox, this.now());
    if (at === undefined) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.running && this.transport?.connected) void this.flushOutbox(this.generation);
      },
      Math.max(0, at - this.now()),
    );
  }

  private changeOutbox(change: (outbox: Outbox) => OutboxEntry[]): void {
    // Read-modify-write against storage, so another tab's entries are kept.
    const stored = parseOutbox(this.storage.read(this.storageKey));
    const base = mergeOutboxes(this.snapshot.outbox, stored);
    const next = change(base);
    this.storage.write(this.storageKey, serializeOutbox(next));
    this.update({ outbox: next });
  }

  // ---- threads ----------------------------------------------------------------------------------------------

  /** Loads the newest page of a conversation (once) and joins it for what is missing, receipts and live updates. */
  async openThread(conversationId: string): Promise<void> {
    const existing = this.snapshot.threads[conversationId];
    if (existing && existing.status !== 'error') return;
    this.setThread(conversationId, () => emptyThread());
    const generation = this.transport?.connected ? this.generation : -1;
    try {
      const page = await this.options.fetchHistory(conversationId, { limit: this.pageSize });
      this.fetchedDuring.set(conversationId, generation);
      this.setThread(conversationId, (t) => ({ ...t, status: 'ready', error: null, log: addCompleteRun(t.log, page), hasOlder: pageHasOlder(page, this.pageSize) }));
      this.settleOutbox(page);
    } catch (error) {
      this.setThread(conversationId, (t) => ({ ...t, status: 'error', error }));
      return;
    }
    if (this.transport?.connected) await this.catchUp(conversationId);
  }

  /** The page before the oldest message held. */
  async loadOlder(conversationId: string): Promise<void> {
    const thread = this.snapshot.threads[conversationId];
    if (!thread || thread.status !== 'ready' || !thread.hasOlder || thread.loadingOlder) return;
    const oldest = thread.log.messages[0];
    if (!oldest) return;
    this.setThread(conversationId, (t) => ({ ...t, loadingOlder: true, olderError: null }));
    try {
      const page = await this.options.fetchHistory(conversationId, { before: oldest.id, limit: this.pageSize });
      this.setThread(conversationId, (t) => ({ ...t, loadingOlder: false, log: addToLog(t.log, page), hasOlder: pageHasOlder(page, this.pageSize) }));
    } catch (error) {
      this.setThread(conversationId, (t) => ({ ...t, loadingOlder: false, olderError: error }));
    }
  }

  /**
   * Joins a conversation from its last contiguous message and merges what was missed, again while the server
   * says there is more. One at a time per conversation; a request meanwhile runs once more afterwards.
   */
  private catchUp(conversationId: string): Promise<void> {
    const current = this.catchUps.get(conversationId);
    if (current) {
      current.again = true;
      return current.running;
    }
    const state = { running: Promise.resolve(), again: false };
    state.running = (async () => {
      try {
        do {
          state.again = false;
          await this.joinRounds(conversationId, this.generation);
        } while (state.again && this.transport?.connected);
      } finally {
        if (this.catchUps.get(conversationId) === state) this.catchUps.delete(conversationId);
      }
    })();
    this.catchUps.set(conversationId, state);
    return state.running;
  }

  private async joinRounds(conversationId: string, generation: number): Promise<void> {
    for (let round = 0; round < MAX_JOIN_ROUNDS; round++) {
      const thread = this.snapshot.threads[conversationId];
      if (!thread || thread.status !== 'ready' || generation !== this.generation) return;
      const anchor = syncAnchor(thread.log);
      let ack: AckOf<'conversation:join'>;
      try {
        ack = await this.request('conversation:join', anchor ? { conversationId, afterMessageId: anchor.id } : { conversationId });
      } catch {
        return; // no answer: the next reconnect catches up
      }
      if (generation !== this.generation) return;
      if (!ack.ok) {
        if (ack.code === ChatErrorCode.RateLimited || ack.code === ChatErrorCode.Unavailable) this.later(ack.retryAfterMs ?? 1000, () => void this.catchUp(conversationId));
        else if (ack.code === ChatErrorCode.ConversationNotFound) this.setThread(conversationId, (t) => ({ ...t, status: 'error', error: new AckError(ack.code, ack.error) }));
        return;
      }
      const receipts = Object.fromEntries(ack.readReceipts.map((r) => [r.userId, r]));
      if (!anchor) {
        // Nothing held yet: a join without a cursor returns no messages, so the newest page comes from history
        // (unless it was fetched while this connection was up: anything newer arrived live).
        this.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, receipts) }));
        if (this.fetchedDuring.get(conversationId) === generation) return;
        let page: ChatMessage[];
        try {
          page = await this.options.fetchHistory(conversationId, { limit: this.pageSize });
        } catch {
          return;
        }
        if (generation !== this.generation) return;
        this.fetchedDuring.set(conversationId, generation);
        this.setThread(conversationId, (t) => ({ ...t, log: addCompleteRun(t.log, page), hasOlder: t.log.messages.length === 0 ? pageHasOlder(page, this.pageSize) : t.hasOlder }));
        this.settleOutbox(page);
        return;
      }
      this.setThread(conversationId, (t) => ({ ...t, log: addCompleteRun(t.log, ack.missed), receipts: mergeReceipts(t.receipts, receipts) }));
      this.settleOutbox(ack.missed);
      for (const message of ack.missed) this.emitEvent({ type: 'message', message });
      const after = this.snapshot.threads[conversationId];
      if (!ack.hasMore && !(after && hasGap(after.log))) return;
    }
  }

  private receiveLive(message: ChatMessage): void {
    this.addMessages(message.conversationId, [message]);
    this.emitEvent({ type: 'message', message });
  }

  private addMessages(conversationId: string, messages: ChatMessage[]): void {
    const thread = this.snapshot.threads[conversationId];
    this.settleOutbox(messages);
    if (!thread) return; // not open: the conversation list keeps count
    const senders = new Set(messages.map((m) => m.senderId));
    this.setThread(conversationId, (t) => ({ ...t, log: addToLog(t.log, messages), typing: t.typing.filter((id) => !senders.has(id)) }));
    const after = this.snapshot.threads[conversationId];
    if (after?.status === 'ready' && hasGap(after.log) && !this.resending && this.transport?.connected) void this.catchUp(conversationId);
  }

  private settleOutbox(messages: readonly ChatMessage[]): void {
    const mine = messages.filter((m) => m.senderId === this.userId);
    if (mine.length === 0) return;
    const ids = new Set(mine.map((m) => m.clientMessageId));
    if (!this.snapshot.outbox.some((e) => ids.has(e.clientMessageId))) return;
    this.changeOutbox((outbox) => settleDelivered(outbox, mine, this.userId));
  }

  // ---- receipts ---------------------------------------------------------------------------------------------

  /** Marks a conversation read up to `messageId` (never backwards; nothing is sent when it changes nothing). */
  markRead(conversationId: string, messageId: string): void {
    const thread = this.snapshot.threads[conversationId];
    if (!thread || !this.transport?.connected) return;
    if (isCoveredBy(messageId, thread.receipts[this.userId]?.lastReadMessageId)) return;
    const previous = thread.receipts[this.userId];
    const optimistic: ReadReceipt = { userId: this.userId, lastReadMessageId: messageId, readAt: new Date(this.now()).toISOString() };
    this.setThread(conversationId, (t) => ({ ...t, receipts: { ...t.receipts, [this.userId]: optimistic } }));
    this.request('conversation:read', { conversationId, messageId }).then(
      (ack) => {
        if (ack.ok) this.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, { [this.userId]: ack.receipt }) }));
        else this.restoreReceipt(conversationId, optimistic, previous);
      },
      () => this.restoreReceipt(conversationId, optimistic, previous),
    );
  }

  private restoreReceipt(conversationId: string, optimistic: ReadReceipt, previous: ReadReceipt | undefined): void {
    this.setThread(conversationId, (t) => {
      if (t.receipts[this.userId] !== optimistic) return t;
      const receipts = { ...t.receipts };
      if (previous) receipts[this.userId] = previous;
      else delete receipts[this.userId];
      return { ...t, receipts };
    });
  }

  private onRead(update: ReadReceipt & { conversationId: string }): void {
    const { conversationId, ...receipt } = update;
    if (this.snapshot.threads[conversationId]) this.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, { [receipt.userId]: receipt }) }));
    this.emitEvent({ type: 'read', update });
  }

  // ---- typing -----------------------------------------------------------------------------------------------

  /** A keystroke in the composer: tells the others at most every TYPING_RENEW_MS, and stops after a pause. */
  typing(conversationId: string): void {
    const transport = this.transport;
    if (!transport?.connected) return;
    const now = this.now();
    const own = this.ownTyping.get(conversationId);
    if (own) clearTimeout(own.idle);
    const sentAt = own && now - own.sentAt < TYPING_RENEW_MS ? own.sentAt : now;
    if (sentAt === now) transport.notifyTyping({ conversationId, typing: true });
    const idle = setTimeout(() => this.stopTyping(conversationId), TYPING_IDLE_MS);
    this.ownTyping.set(conversationId, { sentAt, idle });
  }

  /** Sent, cleared, or left: the others stop seeing "typing" at once. */
  stopTyping(conversationId: string): void {
    const own = this.ownTyping.get(conversationId);
    if (!own) return;
    clearTimeout(own.idle);
    this.ownTyping.delete(conversationId);
    if (this.transport?.connected) this.transport.notifyTyping({ conversationId, typing: false });
  }

  private onTyping({ conversationId, userId, typing }: TypingUpdate): void {
    if (userId === this.userId || !this.snapshot.threads[conversationId]) return;
    const key = `${conversationId} ${userId}`;
    const timer = this.typingTimers.get(key);
    if (timer) clearTimeout(timer);
    this.typingTimers.delete(key);
    if (typing) {
      this.typingTimers.set(
        key,
        setTimeout(() => {
          this.typingTimers.delete(key);
          this.setThread(conversationId, (t) => ({ ...t, typing: t.typing.filter((id) => id !== userId) }));
        }, TYPING_TTL_MS),
      );
    }
    this.setThread(conversationId, (t) => ({ ...t, typing: typing ? [...t.typing.filter((id) => id !== userId), userId] : t.typing.filter((id) => id !== userId) }));
  }

  // ---- presence ---------------------------------------------------------------------------------------------

  /** The conversations whose members' presence to show; queried now and after every reconnect. */
  watchPresence(conversations: ReadonlyArray<{ id: string; memberIds: readonly string[] }>): void {
    const fresh = conversations.filter((c) => !this.presenceMembers.has(c.id)).map((c) => c.id);
    for (const c of conversations) this.presenceMembers.set(c.id, c.memberIds);
    if (fresh.length > 0 && this.transport?.connected) void this.queryPresence(fresh);
  }

  private async queryPresence(conversationIds: string[]): Promise<void> {
    await Promise.all(
      conversationIds.map(async (conversationId) => {
        let ack: AckOf<'presence:query'>;
        try {
          ack = await this.request('presence:query', { conversationId });
        } catch {
          return;
        }
        if (!ack.ok) return;
        const online = new Set(ack.online);
        const members = this.presenceMembers.get(conversationId) ?? [];
        this.update({ online: { ...this.snapshot.online, ...Object.fromEntries(members.map((id) => [id, online.has(id)])) } });
      }),
    );
  }

  private onPresence({ userId, online }: PresenceUpdate): void {
    if (this.snapshot.online[userId] !== online) this.update({ online: { ...this.snapshot.online, [userId]: online } });
  }

  // ---- auth -------------------------------------------------------------------------------------------------

  /** An event was refused because the socket's token expired: renew it (once for concurrent callers) and tell the socket. */
  private renewSocketAuth(): Promise<boolean> {
    this.renewing ??= (async () => {
      try {
        const fresh = await this.freshToken(this.socketToken);
        if (fresh === null) {
          this.update({ status: 'signed-out' });
          return false;
        }
        return await this.refreshSocketAuth(fresh);
      } catch {
        return false;
      } finally {
        this.renewing = null;
      }
    })();
    return this.renewing;
  }

  /** The app's current token when it is newer than `stale`; otherwise a renewed one (null: the session is over). */
  private async freshToken(stale: string | null): Promise<string | null> {
    const current = this.options.tokens.getAccessToken();
    if (current && current !== stale) return current;
    if (!current) return null;
    return this.options.tokens.refresh(current);
  }

  private async refreshSocketAuth(token: string): Promise<boolean> {
    const transport = this.transport;
    if (!transport?.connected) return false;
    try {
      const ack = await transport.request('auth:refresh', { token }, REQUEST_TIMEOUT_MS);
      if (ack.ok) this.socketToken = token;
      return ack.ok;
    } catch {
      return false;
    }
  }

  /** Emits an acked event; renews the socket's token and tries once more when it had expired. */
  private async request<E extends Exclude<AckedEvent, 'message:send' | 'auth:refresh'>>(event: E, payload: PayloadOf<E>): Promise<AckOf<E>> {
    const transport = this.transport;
    if (!transport?.connected) throw new Error('not connected');
    const ack = await transport.request(event, payload, REQUEST_TIMEOUT_MS);
    const outcome = ack as Ack<object>;
    if (!outcome.ok && outcome.code === ChatErrorCode.Unauthenticated && (await this.renewSocketAuth()) && this.transport?.connected) {
      return this.transport.request(event, payload, REQUEST_TIMEOUT_MS);
    }
    return ack;
  }

  // ---- plumbing ---------------------------------------------------------------------------------------------

  private setThread(conversationId: string, change: (thread: ThreadState) => ThreadState): void {
    const current = this.snapshot.threads[conversationId] ?? emptyThread();
    const next = change(current);
    if (next === current && this.snapshot.threads[conversationId]) return;
    this.update({ threads: { ...this.snapshot.threads, [conversationId]: next } });
  }

  private update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private emitEvent(event: ChatClientEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }

  private later(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) task();
    }, delayMs);
    this.timers.add(timer);
  }
}

/** Receipts never move backwards: keeps the newer of each member's two. */
function mergeReceipts(current: Readonly<Record<string, ReadReceipt>>, incoming: Readonly<Record<string, ReadReceipt>>): Record<string, ReadReceipt> {
  const merged: Record<string, ReadReceipt> = { ...current };
  for (const [userId, receipt] of Object.entries(incoming)) {
    const previous = merged[userId];
    if (!previous || compareMessageIds(receipt.lastReadMessageId, previous.lastReadMessageId) >= 0) merged[userId] = receipt;
  }
  return merged;
}

/** This tab's entries with any another tab added meanwhile (by clientMessageId; this tab's copy wins). */
function mergeOutboxes(mine: Outbox, stored: Outbox): OutboxEntry[] {
  const known = new Set(mine.map((e) => e.clientMessageId));
  return [...mine, ...stored.filter((e) => !known.has(e.clientMessageId))];
}
