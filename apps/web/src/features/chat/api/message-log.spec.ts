import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '@pm/contracts';
import { messageIdFor } from '@web/features/chat/test/fake-chat-server';
import { EMPTY_LOG, addCompleteRun, addToLog, advanceSynced, compareMessageIds, hasGap, isCoveredBy, mergeMessages, pageHasOlder, syncAnchor } from './message-log';

const m = (seq: number, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  id: messageIdFor(seq),
  conversationId: 'c1',
  senderId: 'u-other',
  body: `message ${seq}`,
  clientMessageId: `cm-${seq}`,
  createdAt: new Date(Date.UTC(2030, 0, 1, 9, seq)).toISOString(),
  seq,
  ...extra,
});
const seqs = (messages: readonly ChatMessage[]): number[] => messages.map((x) => x.seq);

describe('mergeMessages', () => {
  it('given a live message after those held, then it is appended', () => {
    expect(seqs(mergeMessages([m(1), m(2)], [m(3)]))).toEqual([1, 2, 3]);
  });

  it('given duplicates (a resend, a catch-up overlapping live messages), then each message is kept once', () => {
    const merged = mergeMessages([m(1), m(2), m(3)], [m(2), m(3), m(4), m(4)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4]);
    expect(new Set(merged.map((x) => x.id)).size).toBe(4);
  });

  it('given messages out of order (an older page, a late delivery), then the result is sorted by seq', () => {
    expect(seqs(mergeMessages([m(5), m(9)], [m(7), m(2), m(6)]))).toEqual([2, 5, 6, 7, 9]);
  });

  it('keeps the copy already held, since a stored message never changes', () => {
    const held = m(1);
    expect(mergeMessages([held], [{ ...held, body: 'changed?' }])[0]).toBe(held);
  });

  it('does not change its inputs', () => {
    const current = [m(2)];
    mergeMessages(current, [m(1)]);
    expect(seqs(current)).toEqual([2]);
  });
});

describe('the synced point', () => {
  it('advances over contiguous messages and stops at a hole', () => {
    expect(advanceSynced([m(1), m(2), m(3), m(5)], 0)).toBe(3);
    expect(advanceSynced([m(4), m(5)], 3)).toBe(5);
    expect(advanceSynced([m(5)], 3)).toBe(3);
  });

  it('given a live message past a hole, then the log reports a gap and anchors the catch-up at the last contiguous message', () => {
    let log = addCompleteRun(EMPTY_LOG, [m(1), m(2)]);
    log = addToLog(log, [m(4)]);
    expect(hasGap(log)).toBe(true);
    expect(syncAnchor(log)?.seq).toBe(2);
    log = addCompleteRun(log, [m(3), m(4)]);
    expect(hasGap(log)).toBe(false);
    expect(log.syncedSeq).toBe(4);
    expect(syncAnchor(log)?.id).toBe(messageIdFor(4));
  });

  it('given a complete answer with a hole in it (an erased account), then the hole is accepted rather than chased', () => {
    const log = addCompleteRun(EMPTY_LOG, [m(1), m(2), m(5), m(6)]);
    expect(log.syncedSeq).toBe(6);
    expect(hasGap(log)).toBe(false);
  });

  it('given nothing held, then there is no anchor to join from', () => {
    expect(syncAnchor(EMPTY_LOG)).toBeUndefined();
    expect(syncAnchor(addCompleteRun(EMPTY_LOG, []))).toBeUndefined();
  });

  it('given an older page, then the synced point does not move', () => {
    const log = addToLog(addCompleteRun(EMPTY_LOG, [m(51), m(52)]), [m(49), m(50)]);
    expect(seqs(log.messages)).toEqual([49, 50, 51, 52]);
    expect(log.syncedSeq).toBe(52);
  });
});

describe('ids and pages', () => {
  it('compares ids in storage order, whatever their case', () => {
    expect(compareMessageIds(messageIdFor(2), messageIdFor(10))).toBeLessThan(0);
    expect(compareMessageIds(messageIdFor(10).toUpperCase(), messageIdFor(10))).toBe(0);
    expect(isCoveredBy(messageIdFor(3), messageIdFor(3))).toBe(true);
    expect(isCoveredBy(messageIdFor(4), messageIdFor(3))).toBe(false);
    expect(isCoveredBy(messageIdFor(1), null)).toBe(false);
  });

  it('a full page that does not start at the first message leaves older ones', () => {
    expect(pageHasOlder([m(11), m(12)], 2)).toBe(true);
    expect(pageHasOlder([m(1), m(2)], 2)).toBe(false);
    expect(pageHasOlder([m(12)], 2)).toBe(false);
    expect(pageHasOlder([], 2)).toBe(false);
  });
});
