import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '@pm/contracts';
import { entriesOf } from '@web/features/chat/api/outbox';
import { useChatClient, useChatSnapshot } from '@web/features/chat/hooks/use-chat-client';
import { useDocumentVisible } from '@web/features/chat/hooks/use-document-visible';
import { Composer } from './composer';
import { useConversationTitle } from './conversation-names';
import { MessageThread } from './message-thread';
import { PresenceDot } from './presence-dot';
import { TypingIndicator } from './typing-indicator';

/** One open conversation: its header with presence, the thread, who is typing, and the composer. */
export function ConversationPanel({ conversation }: { conversation: ConversationSummary }) {
  const { t } = useTranslation();
  const client = useChatClient();
  const snapshot = useChatSnapshot();
  const visible = useDocumentVisible();
  const titleOf = useConversationTitle();
  const { id } = conversation;
  const userId = client.currentUserId;
  const thread = snapshot.threads[id];
  const connected = snapshot.status === 'connected';
  const pending = useMemo(() => entriesOf(snapshot.outbox, id), [snapshot.outbox, id]);
  const title = titleOf(conversation);
  const other = conversation.kind === 'mentorship' ? conversation.participants[0] : undefined;

  useEffect(() => {
    void client.openThread(id);
    return () => client.stopTyping(id);
  }, [client, id]);

  const onNewestVisible = useCallback(
    (messageId: string) => {
      if (visible && connected) client.markRead(id, messageId);
    },
    [client, id, visible, connected],
  );

  const typingNames = (thread?.typing ?? []).map((typist) => conversation.participants.find((p) => p.id === typist)?.fullName).filter((name): name is string => !!name);

  return (
    <section className="chat-thread panel" aria-labelledby="chat-thread-title" data-testid="conversation-panel" data-conversation-id={id}>
      <header className="chat-thread__header">
        <h2 id="chat-thread-title" className="panel__title">
          {title}
        </h2>
        {other ? <PresenceDot online={snapshot.online[other.id]} /> : null}
        <p className="chat-thread__program muted">{conversation.programName}</p>
      </header>
      <MessageThread
        conversation={conversation}
        thread={thread}
        pending={pending}
        userId={userId}
        label={t('chat.messagesLabel', { name: title })}
        onLoadOlder={() => void client.loadOlder(id)}
        onReload={() => void client.openThread(id)}
        onRetry={(clientMessageId) => client.retry(clientMessageId)}
        onDiscard={(clientMessageId) => client.discard(clientMessageId)}
        onNewestVisible={onNewestVisible}
      />
      <TypingIndicator names={typingNames} />
      {conversation.readOnly ? (
        <p className="notice" data-testid="read-only">
          {t('chat.readOnly')}
        </p>
      ) : (
        <Composer key={id} conversationId={id} onSend={(body) => client.send(id, body)} onTyping={() => client.typing(id)} onStopTyping={() => client.stopTyping(id)} />
      )}
    </section>
  );
}
