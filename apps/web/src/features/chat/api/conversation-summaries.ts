import type { ChatMessage, ConversationSummary, ReadReceipt } from '@pm/contracts';
import { compareMessageIds, isCoveredBy } from './message-log';

/**
 * Keeps the cached `GET /api/conversations` answer current from socket events, without asking the server
 * again for every message. Each function returns null when the list cannot be brought up to date locally (a
 * conversation it does not know, created a moment ago; an unread count only the server can work out): the
 * caller then refetches the list.
 */

const isNewer = (message: ChatMessage, than: ChatMessage | null): boolean => !than || compareMessageIds(message.id, than.id) > 0;

/** A new message: it becomes the last one, counts as unread when someone else sent it, and its conversation moves to the top. */
export function applyMessage(list: readonly ConversationSummary[], message: ChatMessage, userId: string): ConversationSummary[] | null {
  const index = list.findIndex((c) => c.id === message.conversationId);
  if (index < 0) return null;
  const summary = list[index] as ConversationSummary;
  // A duplicate, or an older message arriving late (a catch-up), changes neither the last message nor the count.
  if (!isNewer(message, summary.lastMessage)) return [...list];
  const unread = message.senderId !== userId && !isCoveredBy(message.id, summary.lastReadMessageId);
  const updated: ConversationSummary = {
    ...summary,
    lastMessage: message,
    unreadCount: message.senderId === userId ? 0 : summary.unreadCount + (unread ? 1 : 0),
  };
  return [updated, ...list.slice(0, index), ...list.slice(index + 1)];
}

/**
 * A read receipt moved. The caller's own (from any of their devices) clears the count when it covers the last
 * message (otherwise only the server knows how many are left); another member's replaces theirs, for "seen".
 */
export function applyReceipt(list: readonly ConversationSummary[], update: ReadReceipt & { conversationId: string }, userId: string): ConversationSummary[] | null {
  const index = list.findIndex((c) => c.id === update.conversationId);
  if (index < 0) return null;
  const summary = list[index] as ConversationSummary;
  const receipt: ReadReceipt = { userId: update.userId, lastReadMessageId: update.lastReadMessageId, readAt: update.readAt };
  let updated: ConversationSummary;
  if (update.userId === userId) {
    if (isCoveredBy(update.lastReadMessageId, summary.lastReadMessageId)) return [...list];
    if (summary.lastMessage && !isCoveredBy(summary.lastMessage.id, update.lastReadMessageId)) return null;
    updated = { ...summary, lastReadMessageId: update.lastReadMessageId, unreadCount: 0 };
  } else {
    const previous = summary.readReceipts.find((r) => r.userId === update.userId);
    if (previous && isCoveredBy(update.lastReadMessageId, previous.lastReadMessageId)) return [...list];
    updated = { ...summary, readReceipts: [...summary.readReceipts.filter((r) => r.userId !== update.userId), receipt] };
  }
  return list.map((c, i) => (i === index ? updated : c));
}

/** The total of unread messages, for the page title and the list heading. */
export const totalUnread = (list: readonly ConversationSummary[]): number => list.reduce((sum, c) => sum + c.unreadCount, 0);
