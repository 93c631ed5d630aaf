import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '@pm/contracts';
import { useLanguage } from '@web/lib/use-language';

/** "A, B and C" in the current language. */
export function useNameList(): (names: readonly string[]) => string {
  const [language] = useLanguage();
  return useCallback((names: readonly string[]) => new Intl.ListFormat(language, { type: 'conjunction', style: 'long' }).format(names), [language]);
}

/** What a conversation is called: the other person of a pair, or the group's members. */
export function useConversationTitle(): (conversation: ConversationSummary) => string {
  const { t } = useTranslation();
  const list = useNameList();
  return useCallback(
    (conversation: ConversationSummary) => {
      const names = conversation.participants.map((p) => p.fullName);
      return conversation.kind === 'group' ? t('chat.group', { names: list(names) }) : (names[0] ?? t('chat.untitled'));
    },
    [t, list],
  );
}
