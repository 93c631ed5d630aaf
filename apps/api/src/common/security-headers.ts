import helmet from 'helmet';

/** Our helmet policy: the dashboard needs nothing beyond 'self'. */
export const SECURITY_POLICY: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      // Swagger UI at /api/docs needs inline styles.
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'connect-src': ["'self'", 'ws:', 'wss:'],
    },
  },
};

/**
 * The headers helmet sets, read off it once. Our policy has no per-request part (no nonces, no directive
 * computed from the request), so helmet answers every request with the same set. A directive computed per
 * request (a nonce) would need helmet per request again; security-headers.spec.ts compares this set with what
 * helmet sets on a real response.
 */
export function staticSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  let failure: unknown;
  const middleware = helmet(SECURITY_POLICY);
  // helmet only sets and removes headers; a request it would have to read is a request we do not give it.
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: () => undefined,
  };
  let done = false;
  middleware({} as Parameters<typeof middleware>[0], response as unknown as Parameters<typeof middleware>[1], (e?: unknown) => {
    failure = e;
    done = true;
  });
  if (failure !== undefined || !done) throw new Error(`helmet's headers could not be worked out once: ${String(failure ?? 'it did not finish at once')}`);
  return headers;
}

