import type { ChatMessage, ReadReceipt } from '@pm/contracts';
import type { ConnectionStatus } from './connection-supervisor';
import { EMPTY_LOG, compareMessageIds, type MessageLog } from './message-log';
import type { Outbox } from './outbox';

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

export const emptyThread = (): ThreadState => ({ status: 'loading', error: null, log: EMPTY_LOG, hasOlder: false, loadingOlder: false, olderError: null, receipts: {}, typing: [] });

/**
 * The chat's state as React reads it (`subscribe`/`getSnapshot` for useSyncExternalStore) plus the events the
 * conversation list follows. Every change makes a new snapshot, so React sees it; nothing else mutates it.
 */
export class ChatStore {
  private snapshot: ChatSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: ChatClientEvent) => void>();

  constructor(outbox: Outbox) {
    this.snapshot = { status: 'connecting', threads: {}, outbox, online: {} };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ChatSnapshot => this.snapshot;

  onEvent(listener: (event: ChatClientEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  thread(conversationId: string): ThreadState | undefined {
    return this.snapshot.threads[conversationId];
  }

  setThread(conversationId: string, change: (thread: ThreadState) => ThreadState): void {
    const current = this.snapshot.threads[conversationId] ?? emptyThread();
    const next = change(current);
    if (next === current && this.snapshot.threads[conversationId]) return;
    this.update({ threads: { ...this.snapshot.threads, [conversationId]: next } });
  }

  /** Applies `change` to every thread, with one notification (typing cleared after a disconnect, say). */
  mapThreads(change: (thread: ThreadState) => ThreadState): void {
    const threads = Object.fromEntries(Object.entries(this.snapshot.threads).map(([id, t]) => [id, change(t)]));
    this.update({ threads });
  }

  update(patch: Partial<ChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  emitEvent(event: ChatClientEvent): void {
    for (const listener of this.eventListeners) listener(event);
  }
}

/** Receipts never move backwards: keeps the newer of each member's two. */
export function mergeReceipts(current: Readonly<Record<string, ReadReceipt>>, incoming: Readonly<Record<string, ReadReceipt>>): Record<string, ReadReceipt> {
  const merged: Record<string, ReadReceipt> = { ...current };
  for (const [userId, receipt] of Object.entries(incoming)) {
    const previous = merged[userId];
    if (!previous || compareMessageIds(receipt.lastReadMessageId, previous.lastReadMessageId) >= 0) merged[userId] = receipt;
  }
  return merged;
}
