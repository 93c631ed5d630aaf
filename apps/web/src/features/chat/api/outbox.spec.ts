import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@pm/contracts';
import {
  addEntry,
  applyOutcome,
  clearWaits,
  dueForSending,
  entriesOf,
  newClientMessageId,
  nextRetryAt,
  outcomeOfAck,
  parseOutbox,
  removeEntry,
  retryEntry,
  serializeOutbox,
  settleDelivered,
  type OutboxEntry,
} from './outbox';

const entry = (id: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientMessageId: id,
  conversationId: 'c1',
  body: `body ${id}`,
  createdAt: `2030-01-01T09:00:0${id.slice(-1)}.000Z`,
  state: 'sending',
  ...extra,
});

const stored = (clientMessageId: string, senderId = 'u-me', conversationId = 'c1'): ChatMessage => ({
  id: '00000000-0001-8000-8000-000000000001',
  conversationId,
  senderId,
  body: 'x',
  clientMessageId,
  createdAt: '2030-01-01T09:00:00.000Z',
  seq: 1,
});

describe('outbox', () => {
  it('given a new message, then it is added once, even if added twice', () => {
    const outbox = addEntry(addEntry([], entry('a1')), entry('a1'));
    expect(outbox).toHaveLength(1);
  });

  it('given an ok ack, then the entry leaves the outbox', () => {
    const outcome = outcomeOfAck({ ok: true, message: stored('a1') });
    expect(outcome.kind).toBe('delivered');
    expect(applyOutcome([entry('a1'), entry('a2')], 'a1', outcome, 0).map((e) => e.clientMessageId)).toEqual(['a2']);
  });

  it('given RATE_LIMITED, then the entry keeps sending but waits retryAfterMs before it is due again', () => {
    const outcome = outcomeOfAck({ ok: false, error: 'slow down', code: 'RATE_LIMITED', retryAfterMs: 1500 });
    expect(outcome).toEqual({ kind: 'retry-later', afterMs: 1500 });
    const outbox = applyOutcome([entry('a1'), entry('a2')], 'a1', outcome, 10_000);
    expect(outbox[0]).toMatchObject({ state: 'sending', retryAt: 11_500 });
    expect(dueForSending(outbox, 10_000).map((e) => e.clientMessageId)).toEqual(['a2']);
    expect(nextRetryAt(outbox, 10_000)).toBe(11_500);
    expect(dueForSending(outbox, 11_500).map((e) => e.clientMessageId)).toEqual(['a1', 'a2']);
  });

  it('given UNAVAILABLE (the database is away for a moment), then it is sent again after retryAfterMs too', () => {
    expect(outcomeOfAck({ ok: false, error: 'database away', code: 'UNAVAILABLE', retryAfterMs: 2000 })).toEqual({ kind: 'retry-later', afterMs: 2000 });
  });

  it('given a refusal that will not change (too long, empty, read-only), then the entry fails with the reason', () => {
    for (const code of ['MESSAGE_TOO_LONG', 'EMPTY_MESSAGE', 'CONVERSATION_READ_ONLY', 'INVALID_PAYLOAD'] as const) {
      const outcome = outcomeOfAck({ ok: false, error: 'no', code });
      expect(outcome).toEqual({ kind: 'failed', failure: { code, error: 'no' } });
      const [failed] = applyOutcome([entry('a1')], 'a1', outcome, 0);
      expect(failed).toMatchObject({ state: 'failed', failure: { code } });
      expect(dueForSending([failed as OutboxEntry], 0)).toEqual([]);
    }
    expect(outcomeOfAck({ ok: false, error: 'odd' })).toEqual({ kind: 'failed', failure: { code: 'UNKNOWN', error: 'odd' } });
  });

  it('given an expired token or a server going away, then the entry stays pending for the retry', () => {
    expect(outcomeOfAck({ ok: false, error: 'expired', code: 'UNAUTHENTICATED' })).toEqual({ kind: 'reauthenticate' });
    expect(outcomeOfAck({ ok: false, error: 'bye', code: 'SHUTTING_DOWN' })).toEqual({ kind: 'await-reconnect' });
    expect(applyOutcome([entry('a1')], 'a1', { kind: 'await-reconnect' }, 0)).toEqual([entry('a1')]);
  });

  it('given a failed entry retried, then it is pending again; discarded, it is gone', () => {
    const failed = [entry('a1', { state: 'failed', failure: { code: 'INTERNAL', error: 'oops' } })];
    expect(retryEntry(failed, 'a1')[0]).toEqual(entry('a1', { state: 'sending', failure: undefined, retryAt: undefined }));
    expect(removeEntry(failed, 'a1')).toEqual([]);
  });

  it('resends oldest first, and a new connection clears rate-limit waits', () => {
    const outbox = [entry('a3'), entry('a1', { retryAt: 99_999 }), entry('a2', { state: 'failed' })];
    expect(dueForSending(outbox, 0).map((e) => e.clientMessageId)).toEqual(['a3']);
    expect(dueForSending(clearWaits(outbox), 0).map((e) => e.clientMessageId)).toEqual(['a1', 'a3']);
    expect(entriesOf(outbox, 'c1').map((e) => e.clientMessageId)).toEqual(['a1', 'a2', 'a3']);
    expect(entriesOf(outbox, 'other')).toEqual([]);
  });

  it('given a catch-up that contains a message whose ack was lost, then its entry is settled', () => {
    const outbox = [entry('a1'), entry('a2'), entry('a3', { conversationId: 'c2' })];
    const settled = settleDelivered(outbox, [stored('a1'), stored('a2', 'u-other'), stored('a3', 'u-me', 'c1')], 'u-me');
    // a2 was someone else's message with the same id; a3 was stored in another conversation.
    expect(settled.map((e) => e.clientMessageId)).toEqual(['a2', 'a3']);
  });

  it('survives storage: round-trips, and drops anything malformed instead of throwing', () => {
    const outbox = [entry('a1'), entry('a2', { state: 'failed', failure: { code: 'MESSAGE_TOO_LONG', error: 'long' }, retryAt: 5 })];
    expect(parseOutbox(serializeOutbox(outbox))).toEqual(outbox);
    expect(serializeOutbox([])).toBeNull();
    expect(parseOutbox(null)).toEqual([]);
    expect(parseOutbox('{not json')).toEqual([]);
    expect(parseOutbox('{"a":1}')).toEqual([]);
    expect(parseOutbox(JSON.stringify([entry('ok'), { clientMessageId: 5 }, null, { ...entry('bad'), state: 'weird' }]))).toEqual([entry('ok')]);
    expect(parseOutbox(JSON.stringify([{ ...entry('f'), failure: { code: 'NOPE', error: 'x' } }]))).toEqual([entry('f')]);
  });

  it('makes UUIDs, also without crypto.randomUUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const withoutRandomUuid = { getRandomValues: globalThis.crypto.getRandomValues.bind(globalThis.crypto) } as Crypto;
    expect(newClientMessageId(withoutRandomUuid)).toMatch(uuid);
    expect(newClientMessageId(undefined)).toMatch(uuid);
    expect(newClientMessageId()).not.toBe(newClientMessageId());
  });
});
