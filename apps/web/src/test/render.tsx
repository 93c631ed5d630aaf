import type { ReactElement } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { setupI18n, type Language } from '@web/lib/i18n';

export interface RenderOptions {
  language?: Language;
  route?: string;
}

/** Renders with the providers every component expects: translations, a query client without retries, a router. */
export async function renderWithProviders(ui: ReactElement, { language = 'en', route = '/' }: RenderOptions = {}): Promise<RenderResult & { i18n: i18n; queryClient: QueryClient }> {
  const i18n = await setupI18n(language);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[route]}>{ui}</MemoryRouter>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n, queryClient };
}
