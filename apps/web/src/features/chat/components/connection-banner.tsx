import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '@web/features/chat/api/chat-client';

/**
 * Says when chat is not live. The status region is always in the page, so screen readers announce the change
 * when the connection drops and when it comes back (the region then empties).
 */
export function ConnectionBanner({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  const text = (() => {
    switch (status) {
      case 'connected':
        return null;
      case 'connecting':
        return t('chat.connection.connecting');
      case 'reconnecting':
        return t('chat.connection.reconnecting');
      case 'signed-out':
        return t('chat.connection.signedOut');
    }
  })();
  return (
    <div role="status" aria-live="polite" className="chat-banner-region">
      {text ? (
        <p className={`chat-banner chat-banner--${status}`} data-testid="chat-connection-banner" data-status={status}>
          {text}
        </p>
      ) : null}
    </div>
  );
}
