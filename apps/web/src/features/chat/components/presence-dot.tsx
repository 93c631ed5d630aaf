import { useTranslation } from 'react-i18next';

/** A green or grey dot with its meaning as text for assistive technology; nothing while presence is unknown. */
export function PresenceDot({ online }: { online: boolean | undefined }) {
  const { t } = useTranslation();
  if (online === undefined) return null;
  const label = online ? t('chat.presence.online') : t('chat.presence.offline');
  return <span className="chat-presence" data-online={online} role="img" aria-label={label} title={label} data-testid="presence" />;
}
