import { ChatErrorCode, type ChatMessage, type ConversationMessagesQuery, type ReadReceipt } from '@pm/contracts';
import type { AckOf } from './chat-transport';
import { emptyThread, mergeReceipts, type ChatStore } from './chat-store';
import type { ConnectionSupervisor } from './connection-supervisor';
import { addCompleteRun, addToLog, hasGap, isCoveredBy, pageHasOlder, syncAnchor } from './message-log';

/** Catch-up joins per conversation per round; more means the server keeps saying hasMore, which it cannot forever. */
const MAX_JOIN_ROUNDS = 50;

class AckError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export interface ThreadSyncOptions {
  userId: string;
  store: ChatStore;
  supervisor: ConnectionSupervisor;
  fetchHistory: (conversationId: string, query: ConversationMessagesQuery) => Promise<ChatMessage[]>;
  pageSize: number;
  now: () => number;
  later: (delayMs: number, task: () => void) => void;
  /** Messages the server stored: the outbox drops the caller's own among them. */
  settle: (messages: readonly ChatMessage[]) => void;
  /** True while the outbox is resent after a connect (a catch-up follows it anyway). */
  isResending: () => boolean;
}

/**
 * The messages and read receipts of the conversations opened: the newest page over HTTP, then a join from the
 * last contiguous message (again while the server says `hasMore`) after every connect and whenever a live
 * message shows a hole in `seq`. Work of a connection stops once its signal is aborted.
 */
export class ThreadSync {
  private readonly catchUps = new Map<string, { running: Promise<void>; again: boolean }>();
  /** The connection during which a conversation's newest page was fetched: nothing since can have been missed. */
  private readonly fetchedDuring = new Map<string, AbortSignal | null>();

  constructor(private readonly o: ThreadSyncOptions) {}

  /** The connection went away: a catch-up of the next one starts afresh. */
  connectionLost(): void {
    this.catchUps.clear();
  }

  /** The conversations to catch up after a connect. */
  openIds(): string[] {
    return Object.entries(this.o.store.getSnapshot().threads)
      .filter(([, t]) => t.status !== 'error')
      .map(([id]) => id);
  }

  async open(conversationId: string): Promise<void> {
    const { store, supervisor, pageSize } = this.o;
    const existing = store.thread(conversationId);
    if (existing && existing.status !== 'error') return;
    store.setThread(conversationId, () => emptyThread());
    const during = supervisor.connected ? supervisor.signal : null;
    try {
      const page = await this.o.fetchHistory(conversationId, { limit: pageSize });
      this.fetchedDuring.set(conversationId, during);
      store.setThread(conversationId, (t) => ({ ...t, status: 'ready', error: null, log: addCompleteRun(t.log, page), hasOlder: pageHasOlder(page, pageSize) }));
      this.o.settle(page);
    } catch (error) {
      store.setThread(conversationId, (t) => ({ ...t, status: 'error', error }));
      return;
    }
    if (supervisor.connected) await this.catchUp(conversationId);
  }

  async loadOlder(conversationId: string): Promise<void> {
    const { store, pageSize } = this.o;
    const thread = store.thread(conversationId);
    if (!thread || thread.status !== 'ready' || !thread.hasOlder || thread.loadingOlder) return;
    const oldest = thread.log.messages[0];
    if (!oldest) return;
    store.setThread(conversationId, (t) => ({ ...t, loadingOlder: true, olderError: null }));
    try {
      const page = await this.o.fetchHistory(conversationId, { before: oldest.id, limit: pageSize });
      store.setThread(conversationId, (t) => ({ ...t, loadingOlder: false, log: addToLog(t.log, page), hasOlder: pageHasOlder(page, pageSize) }));
    } catch (error) {
      store.setThread(conversationId, (t) => ({ ...t, loadingOlder: false, olderError: error }));
    }
  }

  /** One catch-up at a time per conversation; a request meanwhile runs once more afterwards. */
  catchUp(conversationId: string): Promise<void> {
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
          await this.joinRounds(conversationId, this.o.supervisor.signal);
        } while (state.again && this.o.supervisor.connected);
      } finally {
        if (this.catchUps.get(conversationId) === state) this.catchUps.delete(conversationId);
      }
    })();
    this.catchUps.set(conversationId, state);
    return state.running;
  }

  private async joinRounds(conversationId: string, signal: AbortSignal): Promise<void> {
    const { store, pageSize } = this.o;
    for (let round = 0; round < MAX_JOIN_ROUNDS; round++) {
      const thread = store.thread(conversationId);
      if (!thread || thread.status !== 'ready' || signal.aborted) return;
      const anchor = syncAnchor(thread.log);
      let ack: AckOf<'conversation:join'>;
      try {
        ack = await this.o.supervisor.request('conversation:join', anchor ? { conversationId, afterMessageId: anchor.id } : { conversationId });
      } catch {
        return; // no answer: the next reconnect catches up
      }
      if (signal.aborted) return;
      if (!ack.ok) {
        if (ack.code === ChatErrorCode.RateLimited || ack.code === ChatErrorCode.Unavailable) this.o.later(ack.retryAfterMs ?? 1000, () => void this.catchUp(conversationId));
        else if (ack.code === ChatErrorCode.ConversationNotFound) store.setThread(conversationId, (t) => ({ ...t, status: 'error', error: new AckError(ack.code, ack.error) }));
        return;
      }
      const receipts = Object.fromEntries(ack.readReceipts.map((r) => [r.userId, r]));
      if (!anchor) {
        // Nothing held yet: a join without a cursor returns no messages, so the newest page comes from history
        // (unless it was fetched while this connection was up: anything newer arrived live).
        store.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, receipts) }));
        if (this.fetchedDuring.get(conversationId) === signal) return;
        let page: ChatMessage[];
        try {
          page = await this.o.fetchHistory(conversationId, { limit: pageSize });
        } catch {
          return;
        }
        if (signal.aborted) return;
        this.fetchedDuring.set(conversationId, signal);
        store.setThread(conversationId, (t) => ({ ...t, log: addCompleteRun(t.log, page), hasOlder: t.log.messages.length === 0 ? pageHasOlder(page, pageSize) : t.hasOlder }));
        this.o.settle(page);
        return;
      }
      store.setThread(conversationId, (t) => ({ ...t, log: addCompleteRun(t.log, ack.missed), receipts: mergeReceipts(t.receipts, receipts) }));
      this.o.settle(ack.missed);
      for (const message of ack.missed) store.emitEvent({ type: 'message', message });
      const after = store.thread(conversationId);
      if (!ack.hasMore && !(after && hasGap(after.log))) return;
    }
  }

  readonly receiveLive = (message: ChatMessage): void => {
    this.addMessages(message.conversationId, [message]);
    this.o.store.emitEvent({ type: 'message', message });
  };

  /** Stored messages (live, or acked to the caller): merged into an open thread; a hole triggers a catch-up. */
  addMessages(conversationId: string, messages: ChatMessage[]): void {
    const { store } = this.o;
    this.o.settle(messages);
    if (!store.thread(conversationId)) return; // not open: the conversation list keeps count
    const senders = new Set(messages.map((m) => m.senderId));
    store.setThread(conversationId, (t) => ({ ...t, log: addToLog(t.log, messages), typing: t.typing.filter((id) => !senders.has(id)) }));
    const after = store.thread(conversationId);
    if (after?.status === 'ready' && hasGap(after.log) && !this.o.isResending() && this.o.supervisor.connected) void this.catchUp(conversationId);
  }

  /** Marks a conversation read up to `messageId` (never backwards; nothing is sent when it changes nothing). */
  markRead(conversationId: string, messageId: string): void {
    const { store, userId } = this.o;
    const thread = store.thread(conversationId);
    if (!thread || !this.o.supervisor.connected) return;
    if (isCoveredBy(messageId, thread.receipts[userId]?.lastReadMessageId)) return;
    const previous = thread.receipts[userId];
    const optimistic: ReadReceipt = { userId, lastReadMessageId: messageId, readAt: new Date(this.o.now()).toISOString() };
    store.setThread(conversationId, (t) => ({ ...t, receipts: { ...t.receipts, [userId]: optimistic } }));
    this.o.supervisor.request('conversation:read', { conversationId, messageId }).then(
      (ack) => {
        if (ack.ok) store.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, { [userId]: ack.receipt }) }));
        else this.restoreReceipt(conversationId, optimistic, previous);
      },
      () => this.restoreReceipt(conversationId, optimistic, previous),
    );
  }

  readonly receiveRead = (update: ReadReceipt & { conversationId: string }): void => {
    const { conversationId, ...receipt } = update;
    if (this.o.store.thread(conversationId)) this.o.store.setThread(conversationId, (t) => ({ ...t, receipts: mergeReceipts(t.receipts, { [receipt.userId]: receipt }) }));
    this.o.store.emitEvent({ type: 'read', update });
  };

  /** The server refused a mark: back to the previous receipt, unless a newer one arrived meanwhile. */
  private restoreReceipt(conversationId: string, optimistic: ReadReceipt, previous: ReadReceipt | undefined): void {
    const { userId } = this.o;
    this.o.store.setThread(conversationId, (t) => {
      if (t.receipts[userId] !== optimistic) return t;
      const receipts = { ...t.receipts };
      if (previous) receipts[userId] = previous;
      else delete receipts[userId];
      return { ...t, receipts };
    });
  }
}
