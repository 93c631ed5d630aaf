import Fastify, { type FastifyInstance } from 'fastify';
import { Writable } from 'node:stream';
import { RequestLogging, safeUrl } from './request-logging';

describe('safeUrl', () => {
  it('masks calendar feed tokens in logged URLs', () => {
    expect(safeUrl('/api/calendar/abc123secret.ics?x=1')).toBe('/api/calendar/[redacted]?x=1');
    expect(safeUrl('/api/programs/1')).toBe('/api/programs/1');
  });

  it('masks invitation tokens, join codes and the school sign-in’s code and state', () => {
    expect(safeUrl('/api/auth/invitations/abcSECRET')).toBe('/api/auth/invitations/[redacted]');
    expect(safeUrl('/api/auth/invitations/accept')).toBe('/api/auth/invitations/accept');
    expect(safeUrl('/api/join-codes/ABCDEFGH')).toBe('/api/join-codes/[redacted]');
    expect(safeUrl('/api/auth/oidc/callback?code=c0de&state=st4te&iss=x')).toBe('/api/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=x');
    expect(safeUrl('/api/auth/oidc/start?invitation=tok')).toBe('/api/auth/oidc/start?invitation=[redacted]');
  });
});

describe('the request log', () => {
  const lines = (): { stream: Writable; read: () => Array<Record<string, unknown>> } => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) });
    const read = (): Array<Record<string, unknown>> => chunks.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    return { stream, read };
  };

  async function serve(level: string): Promise<{ app: FastifyInstance; read: () => Array<Record<string, unknown>> }> {
    const { stream, read } = lines();
    const app = Fastify();
    new RequestLogging(level, stream).register(app);
    // Whether the hook ran shows on the raw request: it hands pino-http Fastify's id there.
    app.get('/api/*', async (request) => ({ id: request.id, hooked: (request.raw as { id?: unknown }).id === request.id }));
    await app.ready();
    return { app, read };
  }

  it('at info: one line per request, with Fastify’s request id, the masked URL and the status; none for /api/health', async () => {
    const { app, read } = await serve('info');
    const answer = await app.inject({ method: 'GET', url: '/api/calendar/s3cret-feed.ics?token=t0k', headers: { authorization: 'Bearer abc.def.ghi' } });
    await app.inject({ method: 'GET', url: '/api/health' });
    await app.close();
    expect(answer.json()).toMatchObject({ hooked: true });
    const [line, ...more] = read();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, msg: 'request completed', req: { id: (answer.json() as { id: string }).id, method: 'GET', url: '/api/calendar/[redacted]?token=[redacted]' }, res: { statusCode: 200 } });
    expect(JSON.stringify(line)).not.toMatch(/s3cret|t0k|Bearer/);
  });

  it('at warn: no hook at all (pino-http writes every request line at info)', async () => {
    const { app, read } = await serve('warn');
    const answer = await app.inject({ method: 'GET', url: '/api/me' });
    expect(answer.json()).toMatchObject({ hooked: false });
    await app.close();
    expect(read()).toEqual([]);
  });
});
