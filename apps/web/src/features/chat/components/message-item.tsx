import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_LENGTH, type ChatMessage } from '@pm/contracts';
import type { OutboxEntry, OutboxFailure } from '@web/features/chat/api/outbox';
import { useFormatDateTime } from '@web/lib/use-format-date';

/** One line of a thread: a stored message, or one of the caller's still in the outbox. */
export type ThreadRow = { kind: 'stored'; message: ChatMessage; seenBy: readonly string[] } | { kind: 'pending'; entry: OutboxEntry };

interface MessageItemProps {
  row: ThreadRow;
  mine: boolean;
  senderName: string;
  /** A group names who has seen a message; a pair only says "seen". */
  group: boolean;
  onRetry: (clientMessageId: string) => void;
  onDiscard: (clientMessageId: string) => void;
}

function useFailureText(): (failure: OutboxFailure | undefined) => string {
  const { t } = useTranslation();
  return (failure) => {
    switch (failure?.code) {
      case 'EMPTY_MESSAGE':
        return t('chat.failure.EMPTY_MESSAGE');
      case 'MESSAGE_TOO_LONG':
        return t('chat.failure.MESSAGE_TOO_LONG', { max: MAX_MESSAGE_LENGTH });
      case 'CONVERSATION_READ_ONLY':
        return t('chat.failure.CONVERSATION_READ_ONLY');
      case 'CONVERSATION_NOT_FOUND':
        return t('chat.failure.CONVERSATION_NOT_FOUND');
      default:
        return t('chat.failure.other');
    }
  };
}

/** Bodies are text: rendered as React text nodes (never HTML), with their line breaks kept by CSS. */
export function MessageItem({ row, mine, senderName, group, onRetry, onDiscard }: MessageItemProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const failureText = useFailureText();
  const body = row.kind === 'stored' ? row.message.body : row.entry.body;
  const createdAt = row.kind === 'stored' ? row.message.createdAt : row.entry.createdAt;
  const state = row.kind === 'stored' ? 'sent' : row.entry.state;

  const status = (() => {
    if (row.kind === 'stored') {
      if (!mine || row.seenBy.length === 0) return null;
      return (
        <p className="chat-message__status" data-testid="seen">
          {group ? t('chat.status.seenBy', { names: row.seenBy.join(', ') }) : t('chat.status.seen')}
        </p>
      );
    }
    const { entry } = row;
    if (entry.state === 'sending') return <p className="chat-message__status">{t('chat.status.sending')}</p>;
    const errorId = `chat-failure-${entry.clientMessageId}`;
    return (
      <div className="chat-message__failure" role="alert">
        <p className="chat-message__status chat-message__status--failed" id={errorId}>
          {t('chat.status.failed', { reason: failureText(entry.failure) })}
        </p>
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" aria-describedby={errorId} onClick={() => onRetry(entry.clientMessageId)} data-testid="retry-message">
            {t('chat.retry')}
          </button>
          <button type="button" className="button button--secondary button--small" aria-describedby={errorId} onClick={() => onDiscard(entry.clientMessageId)} data-testid="discard-message">
            {t('chat.discard')}
          </button>
        </div>
      </div>
    );
  })();

  return (
    <li
      className={mine ? 'chat-message chat-message--mine' : 'chat-message'}
      data-testid="chat-message"
      data-state={state}
      data-message-id={row.kind === 'stored' ? row.message.id : undefined}
    >
      <div className="chat-message__bubble">
        <p className="chat-message__meta">
          <span className="chat-message__sender">{senderName}</span>{' '}
          <time className="chat-message__time" dateTime={createdAt}>
            {formatDateTime(createdAt)}
          </time>
        </p>
        <p className="chat-message__body" dir="auto" data-testid="message-body">
          {body}
        </p>
      </div>
      {status}
    </li>
  );
}
