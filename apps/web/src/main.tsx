import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@web/app/app';
import { renewSession } from '@web/features/auth/api/auth-api';
import { sessionStore } from '@web/features/auth/api/session-store';
import { createSessionTokenProvider } from '@web/features/auth/api/session-token-provider';
import { setTokenProvider } from '@web/lib/api-client';
import { setupI18n } from '@web/lib/i18n';
import { createQueryClient } from '@web/lib/query-client';
import './styles.css';

async function start(): Promise<void> {
  setTokenProvider(createSessionTokenProvider(sessionStore, renewSession));
  // Before the first render, so the page never paints left-to-right and then flips.
  const i18n = await setupI18n();
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  createRoot(container).render(
    <StrictMode>
      <App queryClient={createQueryClient()} i18n={i18n} />
    </StrictMode>,
  );
}

void start();
