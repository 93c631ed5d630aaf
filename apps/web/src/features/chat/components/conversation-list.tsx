import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '@pm/contracts';
import { useConversationTitle } from './conversation-names';
import { PresenceDot } from './presence-dot';

interface ConversationListProps {
  conversations: readonly ConversationSummary[];
  userId: string;
  online: Readonly<Record<string, boolean>>;
}

/** Every conversation of the caller, most recently active first, with the last message and the unread count. */
export function ConversationList({ conversations, userId, online }: ConversationListProps) {
  const { t } = useTranslation();
  const titleOf = useConversationTitle();
  return (
    <nav className="chat-list" aria-label={t('chat.conversations')}>
      <ul className="chat-list__items" data-testid="conversation-list">
        {conversations.map((conversation) => {
          const other = conversation.kind === 'mentorship' ? conversation.participants[0] : undefined;
          const last = conversation.lastMessage;
          const preview = last ? (last.senderId === userId ? t('chat.previewMine', { body: last.body }) : last.body) : t('chat.noMessagesPreview');
          return (
            <li key={conversation.id}>
              <NavLink to={`/chat/${conversation.id}`} className="chat-list__link" data-testid="conversation-link" data-conversation-id={conversation.id}>
                <span className="chat-list__head">
                  <span className="chat-list__name">{titleOf(conversation)}</span>
                  {other ? <PresenceDot online={online[other.id]} /> : null}
                  {conversation.unreadCount > 0 ? (
                    <span className="chat-list__unread" data-testid="unread-count">
                      <span aria-hidden="true">{t('common.number', { value: conversation.unreadCount })}</span>
                      <span className="visually-hidden">{t('chat.unread', { count: conversation.unreadCount })}</span>
                    </span>
                  ) : null}
                </span>
                <span className="chat-list__program">{conversation.programName}</span>
                <span className="chat-list__preview" dir="auto">
                  {preview}
                </span>
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
