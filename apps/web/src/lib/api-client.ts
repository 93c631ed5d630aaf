import { apiErrorFrom } from './api-error';

/** Where the client gets bearer tokens from; the auth feature supplies the real one at start-up. */
export interface TokenProvider {
  getAccessToken(): string | null;
  /**
   * Renews the session after `staleAccessToken` was refused. Resolves to the access token to retry with,
   * or null when the session cannot be renewed (the user has to sign in again).
   */
  refresh(staleAccessToken: string): Promise<string | null>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  signal?: AbortSignal;
  /** False for the calls that establish or end a session: they must never trigger a refresh themselves. */
  auth?: boolean;
}

export type ApiFetch = <T>(path: string, options?: ApiRequestOptions) => Promise<T>;

export interface ApiClientOptions {
  tokens: TokenProvider;
  baseUrl?: string;
  fetchImpl?: typeof fetch;
}

function buildUrl(baseUrl: string, path: string, query: ApiRequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

/**
 * A JSON client for the API. On a 401 it renews the session once and retries the request once. Refresh
 * tokens are single-use, so concurrent 401s must share one refresh: a second refresh with the same token
 * would be refused and, by the API's reuse detection, revoke the whole session.
 */
export function createApiClient({ tokens, baseUrl = '/api', fetchImpl }: ApiClientOptions): ApiFetch {
  // Looked up per call rather than captured, so tests can stub the global fetch after the client exists.
  const doFetch: typeof fetch = (input, init) => (fetchImpl ?? globalThis.fetch)(input, init);
  let refreshing: Promise<string | null> | null = null;

  const refreshOnce = (staleAccessToken: string): Promise<string | null> => {
    refreshing ??= tokens.refresh(staleAccessToken).finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  return async function apiFetch<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
    const { method = 'GET', body, query, signal, auth = true } = options;
    const url = buildUrl(baseUrl, path, query);

    const send = (accessToken: string | null): Promise<Response> => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (accessToken) headers['Authorization'] = `Bearer ${accessToken}`;
      return doFetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
    };

    const sentToken = auth ? tokens.getAccessToken() : null;
    let response = await send(sentToken);

    if (response.status === 401 && sentToken) {
      const current = tokens.getAccessToken();
      // A request that was in flight while another one renewed the session only needs the new token.
      const retryToken = current && current !== sentToken ? current : await refreshOnce(sentToken);
      if (retryToken) response = await send(retryToken);
    }

    if (!response.ok) throw await apiErrorFrom(response);
    if (response.status === 204 || response.headers.get('Content-Length') === '0') return undefined as T;
    return (await response.json()) as T;
  };
}

const signedOut: TokenProvider = { getAccessToken: () => null, refresh: () => Promise.resolve(null) };
let activeProvider: TokenProvider = signedOut;

/** Called once at start-up; keeps this module free of any dependency on the auth feature. */
export function setTokenProvider(provider: TokenProvider): void {
  activeProvider = provider;
}

/** Whatever provider was set at start-up, looked up per call; the upload client shares it with `apiFetch`. */
export const appTokens: TokenProvider = {
  getAccessToken: () => activeProvider.getAccessToken(),
  refresh: (stale) => activeProvider.refresh(stale),
};

/** The app's client: every feature's `api/` module calls the API through it. */
export const apiFetch: ApiFetch = createApiClient({ tokens: appTokens });
