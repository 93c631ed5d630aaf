import { ChatErrorCode, type Ack, type ChatMessage } from '@pm/contracts';

/**
 * Messages typed but not yet acknowledged by the server. The outbox is kept in storage per user, so a reload or
 * a dropped connection loses nothing: after every (re)connect the client sends each pending entry again with
 * its original `clientMessageId`, and the server answers a resend of a stored message with that message instead
 * of storing it twice. Everything here is pure; the chat client persists the results.
 */
export type OutboxState = 'sending' | 'failed';

export interface OutboxFailure {
  code: ChatErrorCode | 'UNKNOWN';
  error: string;
}

export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  body: string;
  /** When it was typed (ISO); pending entries are sent in this order. */
  createdAt: string;
  state: OutboxState;
  /** A rate-limited entry waits until then (ms since the epoch) before it is sent again. */
  retryAt?: number;
  /** Why the server refused it, for a `failed` entry. */
  failure?: OutboxFailure;
}

export type Outbox = readonly OutboxEntry[];

export const outboxStorageKey = (userId: string): string => `pm.chat.outbox.${userId}`;

/** A fresh id for a message: a UUID, also where `crypto.randomUUID` is missing (pages not served over HTTPS). */
export function newClientMessageId(random: Crypto | undefined = globalThis.crypto): string {
  if (random && typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = new Uint8Array(16);
  if (random) random.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function addEntry(outbox: Outbox, entry: OutboxEntry): OutboxEntry[] {
  if (outbox.some((e) => e.clientMessageId === entry.clientMessageId)) return [...outbox];
  return [...outbox, entry];
}

export const removeEntry = (outbox: Outbox, clientMessageId: string): OutboxEntry[] => outbox.filter((e) => e.clientMessageId !== clientMessageId);

/** Drops entries the server has stored: any of `messages` sent by `userId` with the entry's clientMessageId. */
export function settleDelivered(outbox: Outbox, messages: readonly ChatMessage[], userId: string): OutboxEntry[] {
  const delivered = new Set(messages.filter((m) => m.senderId === userId).map((m) => `${m.conversationId} ${m.clientMessageId}`));
  if (delivered.size === 0) return [...outbox];
  return outbox.filter((e) => !delivered.has(`${e.conversationId} ${e.clientMessageId}`));
}

/** What to do with an entry after the server answered its `message:send`. */
export type SendOutcome =
  | { kind: 'delivered'; message: ChatMessage }
  /** Too many events, or the server's database is away for a moment: send it again after this long. */
  | { kind: 'retry-later'; afterMs: number }
  /** The socket's token expired: renew it, then send again. */
  | { kind: 'reauthenticate' }
  /** The server is going away: the resend after the reconnect takes care of it. */
  | { kind: 'await-reconnect' }
  /** Refused for good (too long, empty, read-only conversation…): the person retries or discards it. */
  | { kind: 'failed'; failure: OutboxFailure };

const DEFAULT_RETRY_AFTER_MS = 1000;

export function outcomeOfAck(ack: Ack<{ message: ChatMessage }>): SendOutcome {
  if (ack.ok) return { kind: 'delivered', message: ack.message };
  switch (ack.code) {
    case ChatErrorCode.RateLimited:
    case ChatErrorCode.Unavailable:
      return { kind: 'retry-later', afterMs: Math.max(0, ack.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS) };
    case ChatErrorCode.Unauthenticated:
      return { kind: 'reauthenticate' };
    case ChatErrorCode.ShuttingDown:
      return { kind: 'await-reconnect' };
    case undefined:
      return { kind: 'failed', failure: { code: 'UNKNOWN', error: ack.error } };
    default:
      return { kind: 'failed', failure: { code: ack.code, error: ack.error } };
  }
}

/** The outbox after an outcome: delivered entries leave it, refused ones fail, rate-limited ones wait. */
export function applyOutcome(outbox: Outbox, clientMessageId: string, outcome: SendOutcome, now: number): OutboxEntry[] {
  switch (outcome.kind) {
    case 'delivered':
      return removeEntry(outbox, clientMessageId);
    case 'retry-later':
      return outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, state: 'sending', retryAt: now + outcome.afterMs, failure: undefined } : e));
    case 'failed':
      return outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, state: 'failed', retryAt: undefined, failure: outcome.failure } : e));
    case 'reauthenticate':
    case 'await-reconnect':
      return [...outbox];
  }
}

/** A failed entry the person chose to send again. */
export const retryEntry = (outbox: Outbox, clientMessageId: string): OutboxEntry[] =>
  outbox.map((e) => (e.clientMessageId === clientMessageId ? { ...e, state: 'sending', retryAt: undefined, failure: undefined } : e));

const byCreatedAt = (a: OutboxEntry, b: OutboxEntry): number => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);

/** The entries to send now, oldest first: pending ones whose rate-limit wait (if any) is over. */
export const dueForSending = (outbox: Outbox, now: number): OutboxEntry[] =>
  outbox.filter((e) => e.state === 'sending' && (e.retryAt === undefined || e.retryAt <= now)).sort(byCreatedAt);

/** The earliest time a waiting entry becomes due, if any waits. */
export function nextRetryAt(outbox: Outbox, now: number): number | undefined {
  const waiting = outbox.filter((e) => e.state === 'sending' && e.retryAt !== undefined && e.retryAt > now).map((e) => e.retryAt as number);
  return waiting.length > 0 ? Math.min(...waiting) : undefined;
}

/** Rate limits are per connection: a new one starts with a full allowance, so nothing has to wait any more. */
export const clearWaits = (outbox: Outbox): OutboxEntry[] => outbox.map((e) => (e.retryAt === undefined ? e : { ...e, retryAt: undefined }));

/** The pending and failed messages of one conversation, oldest first. */
export const entriesOf = (outbox: Outbox, conversationId: string): OutboxEntry[] => outbox.filter((e) => e.conversationId === conversationId).sort(byCreatedAt);

export const serializeOutbox = (outbox: Outbox): string | null => (outbox.length === 0 ? null : JSON.stringify(outbox));

const FAILURE_CODES = new Set<string>([...Object.values(ChatErrorCode), 'UNKNOWN']);

function parseEntry(value: unknown): OutboxEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const { clientMessageId, conversationId, body, createdAt, state, retryAt, failure } = e;
  if (typeof clientMessageId !== 'string' || typeof conversationId !== 'string' || typeof body !== 'string' || typeof createdAt !== 'string') return null;
  if (state !== 'sending' && state !== 'failed') return null;
  const entry: OutboxEntry = { clientMessageId, conversationId, body, createdAt, state };
  if (typeof retryAt === 'number' && Number.isFinite(retryAt)) entry.retryAt = retryAt;
  if (typeof failure === 'object' && failure !== null) {
    const f = failure as Record<string, unknown>;
    if (typeof f['code'] === 'string' && FAILURE_CODES.has(f['code']) && typeof f['error'] === 'string') {
      entry.failure = { code: f['code'] as OutboxFailure['code'], error: f['error'] };
    }
  }
  return entry;
}

/** Storage is outside our control (older versions, hand edits): anything malformed is dropped, never thrown. */
export function parseOutbox(raw: string | null): OutboxEntry[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.map(parseEntry).filter((e): e is OutboxEntry => e !== null);
  } catch {
    return [];
  }
}
