import type { ChatMessage } from '@pm/contracts';
import type { AckOf } from './chat-transport';
import type { ChatStore } from './chat-store';
import type { ConnectionSupervisor } from './connection-supervisor';
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

export interface KeyValueStorage {
  read(key: string): string | null;
  write(key: string, value: string | null): void;
}

/** A send with no ack this long is sent again (same clientMessageId, so never stored twice). */
const SEND_TIMEOUT_MS = 15_000;

export interface OutboxSenderOptions {
  userId: string;
  store: ChatStore;
  supervisor: ConnectionSupervisor;
  storage: KeyValueStorage;
  now: () => number;
  /** Runs a task later unless the client stops first. */
  later: (delayMs: number, task: () => void) => void;
  isRunning: () => boolean;
  /** The server stored a message: it belongs in its thread now, not only after the echo. */
  delivered: (message: ChatMessage) => void;
}

/**
 * Sends the outbox (see outbox.ts) and keeps it in storage: at once while connected, all of it again after
 * every connect, later when rate-limited. Storage is shared with the user's other tabs, so every change is a
 * read-modify-write, and another tab's change is picked up from the `storage` event.
 */
export class OutboxSender {
  private readonly storageKey: string;
  /** While the outbox is resent after a connect: a catch-up follows anyway, so gaps need not trigger one. */
  private resending = false;
  private readonly inFlight = new Set<string>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly o: OutboxSenderOptions) {
    this.storageKey = outboxStorageKey(o.userId);
  }

  get isResending(): boolean {
    return this.resending;
  }

  /** What storage holds right now (another tab may have written since). */
  stored(): Outbox {
    return parseOutbox(this.o.storage.read(this.storageKey));
  }

  start(): void {
    this.reload();
    if (typeof window !== 'undefined') window.addEventListener('storage', this.onStorage);
  }

  stop(): void {
    if (typeof window !== 'undefined') window.removeEventListener('storage', this.onStorage);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.inFlight.clear();
  }

  /** The connection went away: whatever was in flight is resent after the next connect. */
  connectionLost(): void {
    this.inFlight.clear();
  }

  /** After a connect, before anything else: every pending entry again, oldest first. */
  async resend(signal: AbortSignal): Promise<void> {
    // Rate limits are per connection, so nothing has to wait any more.
    this.change(clearWaits);
    this.resending = true;
    try {
      await this.flush(signal);
    } finally {
      this.resending = false;
    }
  }

  /** Adds a message to the outbox; `push` sends it. */
  queue(conversationId: string, body: string): OutboxEntry {
    const entry: OutboxEntry = { clientMessageId: newClientMessageId(), conversationId, body, createdAt: new Date(this.o.now()).toISOString(), state: 'sending' };
    this.change((outbox) => addEntry(outbox, entry));
    return entry;
  }

  push(entry: OutboxEntry): void {
    if (this.o.supervisor.connected) void this.deliver(entry, this.o.supervisor.signal);
  }

  retry(clientMessageId: string): void {
    this.change((outbox) => retryEntry(outbox, clientMessageId));
    const entry = this.o.store.getSnapshot().outbox.find((e) => e.clientMessageId === clientMessageId);
    if (entry) this.push(entry);
  }

  discard(clientMessageId: string): void {
    this.change((outbox) => removeEntry(outbox, clientMessageId));
  }

  /** Drops the entries among `messages` that the server stored (seen in history, a catch-up or live). */
  settle(messages: readonly ChatMessage[]): void {
    const mine = messages.filter((m) => m.senderId === this.o.userId);
    if (mine.length === 0) return;
    const ids = new Set(mine.map((m) => m.clientMessageId));
    if (!this.o.store.getSnapshot().outbox.some((e) => ids.has(e.clientMessageId))) return;
    this.change((outbox) => settleDelivered(outbox, mine, this.o.userId));
  }

  private async flush(signal: AbortSignal): Promise<void> {
    const due = dueForSending(this.o.store.getSnapshot().outbox, this.o.now());
    // Emitted back to back: the server stores one socket's sends in the order they arrive.
    await Promise.all(due.map((entry) => this.deliver(entry, signal)));
    this.scheduleRetry();
  }

  private async deliver(entry: OutboxEntry, signal: AbortSignal, reauthenticated = false): Promise<void> {
    const { supervisor } = this.o;
    if (signal.aborted || this.inFlight.has(entry.clientMessageId)) return;
    this.inFlight.add(entry.clientMessageId);
    let ack: AckOf<'message:send'>;
    try {
      ack = await supervisor.emit('message:send', { conversationId: entry.conversationId, body: entry.body, clientMessageId: entry.clientMessageId }, SEND_TIMEOUT_MS);
    } catch {
      // No ack in time. Still the same connection: send again (the server returns the stored copy if it had it).
      this.inFlight.delete(entry.clientMessageId);
      if (!signal.aborted && this.isPending(entry.clientMessageId)) this.o.later(0, () => void this.deliver(entry, supervisor.signal));
      return;
    }
    this.inFlight.delete(entry.clientMessageId);
    if (!this.o.isRunning()) return;
    const outcome = outcomeOfAck(ack);
    if (outcome.kind === 'delivered') this.o.delivered(outcome.message);
    this.change((outbox) => applyOutcome(outbox, entry.clientMessageId, outcome, this.o.now()));
    if (outcome.kind === 'retry-later') this.scheduleRetry();
    if (outcome.kind === 'reauthenticate' && !reauthenticated && (await supervisor.renewSocketAuth()) && !signal.aborted) {
      await this.deliver(entry, signal, true);
    }
  }

  private isPending(clientMessageId: string): boolean {
    return this.o.store.getSnapshot().outbox.some((e) => e.clientMessageId === clientMessageId && e.state === 'sending');
  }

  private scheduleRetry(): void {
    const at = nextRetryAt(this.o.store.getSnapshot().outbox, this.o.now());
    if (at === undefined) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        this.retryTimer = null;
        if (this.o.isRunning() && this.o.supervisor.connected) void this.flush(this.o.supervisor.signal);
      },
      Math.max(0, at - this.o.now()),
    );
  }

  private change(change: (outbox: Outbox) => OutboxEntry[]): void {
    // Read-modify-write against storage, so another tab's entries are kept.
    const base = mergeOutboxes(this.o.store.getSnapshot().outbox, this.stored());
    const next = change(base);
    this.o.storage.write(this.storageKey, serializeOutbox(next));
    this.o.store.update({ outbox: next });
  }

  private readonly onStorage = (event: StorageEvent): void => {
    if (event.key === this.storageKey || event.key === null) this.reload();
  };

  private reload(): void {
    const outbox = this.stored();
    if (JSON.stringify(outbox) !== JSON.stringify(this.o.store.getSnapshot().outbox)) this.o.store.update({ outbox });
  }
}

/** This tab's entries with any another tab added meanwhile (by clientMessageId; this tab's copy wins). */
function mergeOutboxes(mine: Outbox, stored: Outbox): OutboxEntry[] {
  const known = new Set(mine.map((e) => e.clientMessageId));
  return [...mine, ...stored.filter((e) => !known.has(e.clientMessageId))];
}
