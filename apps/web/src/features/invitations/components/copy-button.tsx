import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a link; says so for a moment, and says so too when the browser refuses (the link stays selectable). */
export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    window.setTimeout(() => setState('idle'), 2500);
  };
  return (
    <>
      <button type="button" className="button button--secondary button--small" onClick={() => void copy()} data-testid={testId}>
        {label}
      </button>
      <span role="status" className="muted">
        {state === 'copied' ? t('onboarding.copied') : state === 'failed' ? t('onboarding.copyFailed') : ''}
      </span>
    </>
  );
}
