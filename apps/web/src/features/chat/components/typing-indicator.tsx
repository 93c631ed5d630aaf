import { useTranslation } from 'react-i18next';
import { useNameList } from './conversation-names';

/** "Sara is typing…", announced politely; empty (but present) when nobody types. */
export function TypingIndicator({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  const list = useNameList();
  return (
    <p className="chat-typing" aria-live="polite" data-testid="typing-indicator">
      {names.length > 0 ? t('chat.typing', { count: names.length, names: list(names) }) : null}
    </p>
  );
}
