import { appTokens, type TokenProvider } from './api-client';
import { apiErrorFromBody } from './api-error';

export interface UploadProgress {
  loaded: number;
  /** Null when the browser cannot tell the size of what it sends. */
  total: number | null;
}

export interface UploadOptions {
  body: Blob;
  contentType: string;
  method?: 'POST' | 'PUT';
  onUploadProgress?: (progress: UploadProgress) => void;
  /** The last byte has left: from here on the server is working on it. */
  onUploaded?: () => void;
  signal?: AbortSignal;
}

export type ApiUpload = <T>(path: string, options: UploadOptions) => Promise<T>;

export interface ApiUploaderOptions {
  tokens: TokenProvider;
  baseUrl?: string;
  createRequest?: () => XMLHttpRequest;
}

interface RawAnswer {
  status: number;
  statusText: string;
  text: string;
  retryAfter: string | null;
}

const parseBody = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * Sends a file to the API with XMLHttpRequest rather than fetch: only XHR reports upload progress in every
 * browser, and a 4 MB import should show it. The bearer token and the renew-once-on-401 rule are the same
 * as `apiFetch`'s; the session provider serialises refreshes itself, so sharing it here spends no token twice.
 */
export function createApiUploader({ tokens, baseUrl = '/api', createRequest = () => new XMLHttpRequest() }: ApiUploaderOptions): ApiUpload {
  return async function apiUpload<T>(path: string, options: UploadOptions): Promise<T> {
    const { body, contentType, method = 'POST', onUploadProgress, onUploaded, signal } = options;

    const send = (accessToken: string | null): Promise<RawAnswer> =>
      new Promise<RawAnswer>((resolve, reject) => {
        if (signal?.aborted) {
          reject(new DOMException('The upload was cancelled', 'AbortError'));
          return;
        }
        const xhr = createRequest();
        xhr.open(method, `${baseUrl}${path}`);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('Content-Type', contentType);
        if (accessToken) xhr.setRequestHeader('Authorization', `Bearer ${accessToken}`);
        // Upload listeners must exist before send(), or browsers skip the upload events altogether.
        xhr.upload.onprogress = (event) => onUploadProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
        xhr.upload.onload = () => onUploaded?.();
        xhr.onload = () =>
          resolve({ status: xhr.status, statusText: xhr.statusText, text: xhr.responseText, retryAfter: xhr.getResponseHeader('Retry-After') });
        // Same failure type as fetch's, so describeError calls it a network problem.
        xhr.onerror = () => reject(new TypeError('The upload could not reach the server'));
        xhr.ontimeout = () => reject(new TypeError('The upload timed out'));
        xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
        signal?.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(body);
      });

    const sentToken = tokens.getAccessToken();
    let answer = await send(sentToken);

    if (answer.status === 401 && sentToken) {
      const current = tokens.getAccessToken();
      const retryToken = current && current !== sentToken ? current : await tokens.refresh(sentToken);
      if (retryToken) answer = await send(retryToken);
    }

    const parsed = parseBody(answer.text);
    if (answer.status < 200 || answer.status >= 300) throw apiErrorFromBody(parsed, answer.status, answer.statusText, answer.retryAfter);
    return parsed as T;
  };
}

/** The app's upload client, on the same session as `apiFetch`. */
export const apiUpload: ApiUpload = createApiUploader({ tokens: appTokens });
