import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';
import { io, type Socket } from 'socket.io-client';
import { CHAT_CLIENT_EVENTS, CHAT_NAMESPACE, type ChatClientEvent } from '@pm/contracts';
import { ChatGateway } from '@api/chat/chat.gateway';
import { buildMatrixFixture } from './authorization-fixture';
import {
  CALLERS,
  EVENT_VARIANTS,
  EVENTS,
  expectedAck,
  expectedFor,
  fillPath,
  ROUTES,
  rowName,
  type EventRule,
  type MatrixFixture,
  type RouteRule,
  type SignedIn,
} from './authorization-matrix';
import { startTestApp, type TestApp } from './test-app';

const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

interface OpenApiOperation {
  security?: unknown[];
}
type OpenApiDocument = { paths: Record<string, Partial<Record<string, OpenApiOperation>>> };

const describeExpect = (e: { status: number; code?: string }): string => (e.code ? `${e.status} ${e.code}` : String(e.status));

const httpCases = ROUTES.flatMap((rule) =>
  CALLERS.map((caller) => {
    const expected = expectedFor(rule, caller);
    return { name: `${rowName(rule)} as ${caller} → ${describeExpect(expected)}`, rule, caller, expected };
  }),
);

const eventRows: Array<{ event: ChatClientEvent; rule: EventRule; label?: string }> = [
  ...CHAT_CLIENT_EVENTS.map((event) => ({ event, rule: EVENTS[event] })),
  ...EVENT_VARIANTS.map((v) => ({ event: v.event, rule: v, label: v.label })),
];
const eventCases = eventRows.flatMap(({ event, rule, label }) =>
  CALLERS.map((caller) => {
    const expected = caller === 'anonymous' ? 'connect_error UNAUTHENTICATED' : expectedAck(rule, caller) === true ? 'ok' : String(expectedAck(rule, caller));
    return { name: `${event}${label ? ` (${label})` : ''} as ${caller} → ${expected}`, event, rule, caller };
  }),
);

describe('authorization matrix (integration)', () => {
  let t: TestApp;
  let f: MatrixFixture;
  let baseUrl: string;
  const sockets = new Map<SignedIn, Socket>();

  function connect(token: string | undefined): Promise<Socket> {
    const socket = io(`${baseUrl}${CHAT_NAMESPACE}`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], forceNew: true, reconnection: false });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', (e) => {
        socket.close();
        reject(e);
      });
    });
  }

  beforeAll(async () => {
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_SECOND: '100000', CHAT_RATE_LIMIT_BURST: '100000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    f = await buildMatrixFixture(t);
    for (const caller of CALLERS) if (caller !== 'anonymous') sockets.set(caller, await connect(f.users[caller].token));
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets.values()) s.close();
    await t?.close();
  });

  describe('covers everything there is', () => {
    let doc: OpenApiDocument;
    beforeAll(async () => {
      doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    });

    const documented = (): Map<string, OpenApiOperation> =>
      new Map(
        Object.entries(doc.paths).flatMap(([path, ops]) =>
          HTTP_METHODS.filter((m) => ops[m] !== undefined).map((m) => [`${m.toUpperCase()} ${path}`, ops[m] as OpenApiOperation] as const),
        ),
      );

    it('has a row for every route of the OpenAPI document (no endpoint ships unchecked)', () => {
      const listed = new Set(ROUTES.map((r) => r.route));
      expect([...documented().keys()].filter((route) => !listed.has(route as RouteRule['route']))).toEqual([]);
    });

    it('has no row for a route that no longer exists', () => {
      const routes = documented();
      expect(ROUTES.filter((r) => !r.undocumented && !routes.has(r.route)).map(rowName)).toEqual([]);
    });

    it('lists as public exactly the routes the document shows without a bearer token', () => {
      const routes = documented();
      const mismatched = ROUTES.filter((r) => !r.undocumented).filter((r) => (r.access === 'public') !== ((routes.get(r.route)?.security ?? []).length === 0));
      expect(mismatched.map(rowName)).toEqual([]);
    });

    it('has a row for every client event of the chat event map, and the gateway handles exactly those', () => {
      expect(Object.keys(EVENTS).sort()).toEqual([...CHAT_CLIENT_EVENTS].sort());
      const proto = ChatGateway.prototype as unknown as Record<string, unknown>;
      const handled = Object.getOwnPropertyNames(proto)
        .map((name) => proto[name])
        .filter((fn): fn is object => typeof fn === 'function' && Reflect.getMetadata(MESSAGE_MAPPING_METADATA, fn) === true)
        .map((fn) => Reflect.getMetadata(MESSAGE_METADATA, fn) as string);
      expect(handled.sort()).toEqual([...CHAT_CLIENT_EVENTS].sort());
    });
  });

  describe('HTTP routes', () => {
    it.each(httpCases)('$name', async ({ rule, caller, expected }) => {
      const arranged = rule.arrange ? await rule.arrange(f) : '';
      const params = rule.params ? await rule.params(f) : {};
      const [method, path] = rule.route.split(' ') as [string, string];
      const query = rule.query ? `?${new URLSearchParams(rule.query(f)).toString()}` : '';
      let req = t.http()[method.toLowerCase() as (typeof HTTP_METHODS)[number]](`${fillPath(path, params)}${query}`);
      if (caller !== 'anonymous') req = req.set(f.users[caller].auth);
      if (rule.body) {
        const body = await rule.body(f, caller);
        req = rule.contentType ? req.set('Content-Type', rule.contentType).send(body as string) : req.send(body as object);
      }
      const res = await req;
      const body = (res.body ?? {}) as { code?: string; message?: unknown };
      const actual = { status: res.status, ...(expected.code ? { code: body.code } : {}) };
      expect({ ...actual, ...(res.status === expected.status ? {} : { message: body.message }) }).toEqual(expected);
      if (res.status >= 400) {
        expect(res.body).toEqual(expect.objectContaining({ statusCode: res.status, error: expect.any(String), message: expect.anything() }));
      } else if (rule.check) {
        await rule.check({ status: res.status, body: res.body, text: res.text }, caller, f, arranged);
      }
    });
  });

  describe('chat events', () => {
    it.each(eventCases)('$name', async ({ event, rule, caller }) => {
      if (caller === 'anonymous') {
        const error = await connect(undefined).then(
          () => new Error('connected without a token'),
          (e: Error & { data?: { code?: string } }) => e,
        );
        expect((error as { data?: { code?: string } }).data?.code).toBe('UNAUTHENTICATED');
        return;
      }
      const socket = sockets.get(caller) as Socket;
      const ack = (await socket.timeout(5000).emitWithAck(event, rule.payload(f, caller))) as { ok: boolean; code?: string; error?: string };
      const expected = expectedAck(rule, caller);
      if (expected === true) expect(ack).toEqual(expect.objectContaining({ ok: true }));
      else expect(ack).toEqual(expect.objectContaining({ ok: false, code: expected, error: expect.any(String) }));
    });
  });
});
