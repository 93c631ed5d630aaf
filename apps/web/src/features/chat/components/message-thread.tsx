import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage, ConversationSummary, ReadReceipt } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import type { ThreadState } from '@web/features/chat/api/chat-client';
import { compareMessageIds, isCoveredBy } from '@web/features/chat/api/message-log';
import type { OutboxEntry } from '@web/features/chat/api/outbox';
import { useNewestVisible } from '@web/features/chat/hooks/use-newest-visible';
import { describeError } from '@web/lib/describe-error';
import { MessageItem, type ThreadRow } from './message-item';

interface MessageThreadProps {
  conversation: ConversationSummary;
  thread: ThreadState | undefined;
  /** The caller's outbox entries of this conversation. */
  pending: readonly OutboxEntry[];
  userId: string;
  label: string;
  onLoadOlder: () => void;
  onReload: () => void;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
  /** The newest stored message on screen, for the read receipt. */
  onNewestVisible: (messageId: string) => void;
}

/** How close to an edge counts as being there, in pixels. */
const EDGE_PX = 48;

/** The newer of two receipts of one member (the list's copy and the socket's may differ for a moment). */
const newer = (a: ReadReceipt | undefined, b: ReadReceipt | undefined): ReadReceipt | undefined =>
  !a ? b : !b ? a : compareMessageIds(a.lastReadMessageId, b.lastReadMessageId) >= 0 ? a : b;

/** Puts each other member's "seen" on the newest of the caller's messages their receipt covers. */
function seenMarkers(messages: readonly ChatMessage[], conversation: ConversationSummary, thread: ThreadState | undefined, userId: string): Map<string, string[]> {
  const markers = new Map<string, string[]>();
  const mine = messages.filter((m) => m.senderId === userId);
  for (const participant of conversation.participants) {
    const receipt = newer(thread?.receipts[participant.id], conversation.readReceipts.find((r) => r.userId === participant.id));
    if (!receipt) continue;
    const seen = mine.findLast((m) => isCoveredBy(m.id, receipt.lastReadMessageId));
    if (seen) markers.set(seen.id, [...(markers.get(seen.id) ?? []), participant.fullName]);
  }
  return markers;
}

const rowKey = (row: ThreadRow): string => (row.kind === 'stored' ? row.message.id : row.entry.clientMessageId);

/**
 * A conversation's messages, oldest at the top. Scrolling to the top (or the "load older" button, for keyboard
 * users) pages back through history while keeping the reader's place; new messages scroll into view when the
 * reader is at the bottom. New messages from others are also announced to screen readers.
 */
export function MessageThread({ conversation, thread, pending, userId, label, onLoadOlder, onReload, onRetry, onDiscard, onNewestVisible }: MessageThreadProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const messages = useMemo(() => thread?.log.messages ?? [], [thread]);
  const names = useMemo(() => new Map(conversation.participants.map((p) => [p.id, p.fullName])), [conversation.participants]);

  const rows = useMemo<ThreadRow[]>(() => {
    const markers = seenMarkers(messages, conversation, thread, userId);
    const stored: ThreadRow[] = messages.map((message) => ({ kind: 'stored', message, seenBy: markers.get(message.id) ?? [] }));
    const delivered = new Set(messages.filter((m) => m.senderId === userId).map((m) => m.clientMessageId));
    const waiting: ThreadRow[] = pending.filter((e) => !delivered.has(e.clientMessageId)).map((entry) => ({ kind: 'pending', entry }));
    return [...stored, ...waiting];
  }, [messages, conversation, thread, pending, userId]);

  // ---- scrolling ----
  const atBottom = useRef(true);
  const edges = useRef<{ first?: string; last?: string; height: number }>({ height: 0 });
  const firstKey = rows[0] ? rowKey(rows[0]) : undefined;
  const lastRow = rows.at(-1);
  const lastKey = lastRow ? rowKey(lastRow) : undefined;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || firstKey === undefined) return;
    const previous = edges.current;
    if (previous.first === undefined) {
      element.scrollTop = element.scrollHeight;
    } else if (firstKey !== previous.first && lastKey === previous.last) {
      // Older messages were added above: keep what the reader was looking at in place.
      element.scrollTop += element.scrollHeight - previous.height;
    } else if (lastKey !== previous.last && (atBottom.current || lastRow?.kind === 'pending')) {
      element.scrollTop = element.scrollHeight;
    }
    edges.current = { first: firstKey, last: lastKey, height: element.scrollHeight };
  }, [firstKey, lastKey, lastRow?.kind, rows.length]);

  const hasOlder = thread?.hasOlder ?? false;
  const loadingOlder = thread?.loadingOlder ?? false;
  const onScroll = (): void => {
    const element = scroller.current;
    if (!element) return;
    atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < EDGE_PX;
    edges.current = { ...edges.current, height: element.scrollHeight };
    if (element.scrollTop < EDGE_PX && hasOlder && !loadingOlder) onLoadOlder();
  };

  // ---- read receipts ----
  const newestStored = messages.at(-1)?.id;
  const newestVisible = useNewestVisible(scroller, `${firstKey ?? ''}|${newestStored ?? ''}`, newestStored);
  useEffect(() => {
    if (newestVisible) onNewestVisible(newestVisible);
  }, [newestVisible, onNewestVisible]);

  // ---- announcing new messages from others ----
  const [announcement, setAnnouncement] = useState('');
  // The newest message when the thread was first shown (null: none) is the baseline; only later ones are news.
  const announced = useRef<string | null | undefined>(undefined);
  const newest = messages.at(-1);
  const ready = thread?.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    const newestId = newest?.id ?? null;
    if (announced.current !== undefined && newest && newestId !== announced.current && newest.senderId !== userId) {
      setAnnouncement(t('chat.newMessage', { name: names.get(newest.senderId) ?? '', body: newest.body }));
    }
    announced.current = newestId;
  }, [ready, newest, names, userId, t]);

  if (!thread || thread.status === 'loading') return <LoadingMessage />;
  if (thread.status === 'error') return <QueryError error={thread.error} onRetry={onReload} />;

  const group = conversation.kind === 'group';
  return (
    <>
      <div className="chat-thread__scroller" ref={scroller} onScroll={onScroll} tabIndex={0} role="region" aria-label={label} data-testid="message-scroller">
        <div className="chat-thread__top">
          {hasOlder ? (
            <button type="button" className="button button--secondary button--small" onClick={onLoadOlder} disabled={loadingOlder} data-testid="load-older">
              {loadingOlder ? t('chat.loadingOlder') : t('chat.loadOlder')}
            </button>
          ) : messages.length > 0 ? (
            <p className="muted">{t('chat.startOfConversation')}</p>
          ) : null}
          {thread.olderError ? (
            <p className="field__error" role="alert">
              {describeError(thread.olderError, t)}
            </p>
          ) : null}
        </div>
        {rows.length === 0 ? (
          <p className="empty-state" data-testid="no-messages">
            {t('chat.noMessages')}
          </p>
        ) : (
          <ol className="chat-thread__messages" data-testid="message-list">
            {rows.map((row) => {
              const senderId = row.kind === 'stored' ? row.message.senderId : userId;
              const mine = senderId === userId;
              return (
                <MessageItem
                  key={rowKey(row)}
                  row={row}
                  mine={mine}
                  senderName={mine ? t('chat.you') : (names.get(senderId) ?? t('chat.formerMember'))}
                  group={group}
                  onRetry={onRetry}
                  onDiscard={onDiscard}
                />
              );
            })}
          </ol>
        )}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="message-announcer">
        {announcement}
      </div>
    </>
  );
}
