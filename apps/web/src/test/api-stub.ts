import { vi } from 'vitest';
import { json, urlOf } from './http';

export interface StubRequest {
  method: string;
  /** Without the `/api` prefix and the query string, e.g. `/programs/p1/matching-runs`. */
  path: string;
  body: unknown;
}

export type StubHandler = (request: StubRequest) => Response | undefined | Promise<Response | undefined>;

/**
 * Stubs the global fetch with one function that answers by method and path, like a tiny fake API. Anything
 * it does not answer gets a 404 in the API's error shape, so a test never hangs on a forgotten route.
 */
export function stubApi(handler: StubHandler) {
  const requests: StubRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(urlOf(input), 'http://localhost');
    const request: StubRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^\/api/, ''),
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(request);
    return (await handler(request)) ?? json({ statusCode: 404, error: 'Not Found', message: `no stub for ${request.method} ${request.path}` }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, requests, calls: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path) };
}
