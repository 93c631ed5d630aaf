import type { ChatMessage } from '@pm/contracts';

/**
 * The messages of one conversation as this client holds them: deduplicated by id and sorted by `seq`, plus
 * `syncedSeq`, the highest seq up to which nothing is missing (from the oldest page loaded onwards). A live
 * message beyond `syncedSeq + 1` means something was missed: the client joins again from the message at
 * `syncedSeq` (the last contiguous one) and the server sends everything after it.
 */
export interface MessageLog {
  messages: readonly ChatMessage[];
  syncedSeq: number;
}

export const EMPTY_LOG: MessageLog = { messages: [], syncedSeq: 0 };

const bySeq = (a: ChatMessage, b: ChatMessage): number => a.seq - b.seq || compareMessageIds(a.id, b.id);

/** Message ids of one conversation sort as strings in storage order (the contract's rule). */
export function compareMessageIds(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** True when `messageId` is at or before `receiptId` in its conversation: a receipt covers it. */
export const isCoveredBy = (messageId: string, receiptId: string | null | undefined): boolean => !!receiptId && compareMessageIds(messageId, receiptId) <= 0;

/** Both lists, each message once (the first copy wins: stored messages never change), sorted by seq. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return [...current];
  const seen = new Set(current.map((m) => m.id));
  const fresh: ChatMessage[] = [];
  for (const message of incoming) {
    if (seen.has(message.id)) continue;
    seen.add(message.id);
    fresh.push(message);
  }
  if (fresh.length === 0) return [...current];
  const last = current.at(-1);
  fresh.sort(bySeq);
  const first = fresh[0] as ChatMessage;
  // The common case, a live message after everything held, needs no full sort.
  if (!last || bySeq(last, first) < 0) return [...current, ...fresh];
  return [...current, ...fresh].sort(bySeq);
}

/** Moves `syncedSeq` forward over every message that directly follows it. */
export function advanceSynced(messages: readonly ChatMessage[], syncedSeq: number): number {
  let synced = syncedSeq;
  for (const message of messages) {
    if (message.seq <= synced) continue;
    if (message.seq !== synced + 1) break;
    synced = message.seq;
  }
  return synced;
}

/** Adds messages to a log and advances its synced point. */
export function addToLog(log: MessageLog, incoming: readonly ChatMessage[]): MessageLog {
  const messages = mergeMessages(log.messages, incoming);
  return { messages, syncedSeq: advanceSynced(messages, log.syncedSeq) };
}

/**
 * After a complete answer from the server (a history page of the newest messages, or a join with nothing
 * more to come), everything up to its newest message is known: a seq missing below it was erased, not missed.
 */
export function addCompleteRun(log: MessageLog, run: readonly ChatMessage[]): MessageLog {
  const messages = mergeMessages(log.messages, run);
  const newest = run.reduce((max, m) => Math.max(max, m.seq), log.syncedSeq);
  return { messages, syncedSeq: advanceSynced(messages, newest) };
}

/** True when the log holds a message past a hole: the client must catch up from its synced point. */
export const hasGap = (log: MessageLog): boolean => (log.messages.at(-1)?.seq ?? 0) > log.syncedSeq;

/** The last contiguous message: the `afterMessageId` to join with. Undefined while nothing is synced. */
export const syncAnchor = (log: MessageLog): ChatMessage | undefined =>
  log.syncedSeq === 0 ? undefined : log.messages.findLast((m) => m.seq === log.syncedSeq);

/** Whether a history page leaves older messages to load: a full page that does not start at the first message. */
export const pageHasOlder = (page: readonly ChatMessage[], limit: number): boolean => page.length >= limit && (page[0]?.seq ?? 1) > 1;
