import { describe, expect, it } from 'vitest';
import type { ChatMessage, ConversationSummary } from '@pm/contracts';
import { messageIdFor } from '@web/features/chat/test/fake-chat-server';
import { applyMessage, applyReceipt, totalUnread } from './conversation-summaries';

const message = (seq: number, senderId: string, conversationId = 'c1'): ChatMessage => ({
  id: messageIdFor(seq, conversationId),
  conversationId,
  senderId,
  body: `m${seq}`,
  clientMessageId: `cm${seq}`,
  createdAt: '2030-01-01T09:00:00.000Z',
  seq,
});

const summary = (id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  kind: 'mentorship',
  programId: 'p1',
  programName: 'Program',
  mentorshipId: `ms-${id}`,
  mentorId: 'u-mentor',
  participants: [{ id: 'u-mentor', fullName: 'Sara Ahmadi', role: 'mentor' }],
  lastMessage: null,
  unreadCount: 0,
  lastReadMessageId: null,
  readReceipts: [],
  readOnly: false,
  ...extra,
});

describe('applyMessage', () => {
  it('given a message from someone else, then it becomes the last message, counts as unread, and its conversation moves to the top', () => {
    const list = [summary('c2'), summary('c1', { lastMessage: message(1, 'u-me'), unreadCount: 0 })];
    const next = applyMessage(list, message(2, 'u-mentor'), 'u-me');
    expect(next?.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(next?.[0]).toMatchObject({ unreadCount: 1, lastMessage: { seq: 2 } });
  });

  it('given the same message twice or an older one, then nothing is counted twice', () => {
    const list = [summary('c1', { lastMessage: message(3, 'u-mentor'), unreadCount: 1 })];
    expect(applyMessage(list, message(3, 'u-mentor'), 'u-me')?.[0]?.unreadCount).toBe(1);
    expect(applyMessage(list, message(2, 'u-mentor'), 'u-me')?.[0]).toMatchObject({ unreadCount: 1, lastMessage: { seq: 3 } });
  });

  it('given my own message, then everything before it counts as read', () => {
    const list = [summary('c1', { lastMessage: message(3, 'u-mentor'), unreadCount: 2 })];
    expect(applyMessage(list, message(4, 'u-me'), 'u-me')?.[0]?.unreadCount).toBe(0);
  });

  it('given a conversation the list does not know, then it asks for a refetch', () => {
    expect(applyMessage([summary('c1')], message(1, 'u-mentor', 'c9'), 'u-me')).toBeNull();
  });
});

describe('applyReceipt', () => {
  it('given my receipt covering the last message, then the unread count clears', () => {
    const list = [summary('c1', { lastMessage: message(3, 'u-mentor'), unreadCount: 2 })];
    const next = applyReceipt(list, { conversationId: 'c1', userId: 'u-me', lastReadMessageId: messageIdFor(3), readAt: 'now' }, 'u-me');
    expect(next?.[0]).toMatchObject({ unreadCount: 0, lastReadMessageId: messageIdFor(3) });
  });

  it('given my receipt short of the last message, then only the server can count: refetch', () => {
    const list = [summary('c1', { lastMessage: message(3, 'u-mentor'), unreadCount: 2 })];
    expect(applyReceipt(list, { conversationId: 'c1', userId: 'u-me', lastReadMessageId: messageIdFor(2), readAt: 'now' }, 'u-me')).toBeNull();
  });

  it("given the other member's receipt, then it replaces theirs, never moving backwards", () => {
    const list = [summary('c1', { readReceipts: [{ userId: 'u-mentor', lastReadMessageId: messageIdFor(2), readAt: 'then' }] })];
    const forward = applyReceipt(list, { conversationId: 'c1', userId: 'u-mentor', lastReadMessageId: messageIdFor(4), readAt: 'now' }, 'u-me');
    expect(forward?.[0]?.readReceipts).toEqual([{ userId: 'u-mentor', lastReadMessageId: messageIdFor(4), readAt: 'now' }]);
    const backward = applyReceipt(list, { conversationId: 'c1', userId: 'u-mentor', lastReadMessageId: messageIdFor(1), readAt: 'now' }, 'u-me');
    expect(backward?.[0]?.readReceipts[0]?.lastReadMessageId).toBe(messageIdFor(2));
  });

  it('totals unread messages', () => {
    expect(totalUnread([summary('a', { unreadCount: 2 }), summary('b', { unreadCount: 3 })])).toBe(5);
  });
});
