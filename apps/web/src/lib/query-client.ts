import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change by asking again; only network failures and 5xx are worth retrying.
        retry: (failureCount, error) => !(isApiError(error) && error.statusCode < 500) && failureCount < MAX_RETRIES,
      },
      mutations: { retry: false },
    },
  });
}
