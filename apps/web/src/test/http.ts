import type { ApiErrorBody } from '@pm/contracts';

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const apiError = (body: ApiErrorBody, headers: Record<string, string> = {}): Response => json(body, body.statusCode, headers);

export const headerOf = (init: RequestInit | undefined, name: string): string | null => new Headers(init?.headers).get(name);

export const urlOf = (input: RequestInfo | URL): string => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);

/** A promise settled from outside, to hold a response back until the test says so. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
