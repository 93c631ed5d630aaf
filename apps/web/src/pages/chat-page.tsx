import { Navigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { useSignedInUser } from '@web/features/auth/hooks/use-signed-in-user';
import { ChatClientProvider } from '@web/features/chat/components/chat-client-provider';
import { ConnectionBanner } from '@web/features/chat/components/connection-banner';
import { ConversationList } from '@web/features/chat/components/conversation-list';
import { ConversationPanel } from '@web/features/chat/components/conversation-panel';
import { useChatClient, useChatSnapshot } from '@web/features/chat/hooks/use-chat-client';
import { useConversations } from '@web/features/chat/hooks/use-conversations';

export function ChatPage() {
  const user = useSignedInUser();
  return (
    <ChatClientProvider key={user.id} userId={user.id}>
      <ChatView />
    </ChatClientProvider>
  );
}

function ChatView() {
  const { t } = useTranslation();
  const { conversationId } = useParams();
  const client = useChatClient();
  const snapshot = useChatSnapshot();
  const conversations = useConversations();

  const body = (() => {
    if (conversations.isPending) return <LoadingMessage />;
    if (conversations.isError) return <QueryError error={conversations.error} onRetry={() => void conversations.refetch()} />;
    const list = conversations.data;
    if (list.length === 0) {
      return (
        <p className="empty-state" data-testid="no-conversations">
          {t('chat.noConversations')}
        </p>
      );
    }
    const first = list[0];
    if (!conversationId && first) return <Navigate to={`/chat/${first.id}`} replace />;
    const selected = list.find((c) => c.id === conversationId);
    return (
      <div className="chat">
        <ConversationList conversations={list} userId={client.currentUserId} online={snapshot.online} />
        {selected ? (
          <ConversationPanel key={selected.id} conversation={selected} />
        ) : (
          <p className="empty-state" data-testid="conversation-not-found">
            {t('chat.notFound')}
          </p>
        )}
      </div>
    );
  })();

  return (
    <div data-testid="chat-page">
      <PageHeader title={t('chat.title')} intro={t('chat.intro')} />
      <ConnectionBanner status={snapshot.status} />
      {body}
    </div>
  );
}
