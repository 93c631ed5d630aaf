import { JwtService } from '@nestjs/jwt';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import {
  EnrollmentRole,
  MAX_MESSAGE_LENGTH,
  MAX_MISSED_MESSAGES,
  type Ack,
  type ChatClientToServerEvents,
  type ChatMessage,
  type ChatServerToClientEvents,
  type ConversationSummary,
  type PresenceUpdate,
  type TypingUpdate,
} from '@pm/contracts';
import { JWT_AUDIENCE, JWT_ISSUER } from '@api/auth/token.service';
import { AppConfig } from '@api/config/app-config';
import { AppSettingsService } from '@api/database/app-settings.service';
import { UserEntity } from '@api/users/user.entity';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { messageIdSql } from './message-id';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
type AnyAck = Ack<Record<string, unknown>>;

describe('chat (integration, real sockets)', () => {
  let t: TestApp;
  let baseUrl: string;
  let closed = false;
  const clients: Client[] = [];

  beforeAll(async () => {
    // Generous limits here: these tests send hundreds of events a second. The limit itself: chat-limits.int-spec.ts.
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_SECOND: '100000', CHAT_RATE_LIMIT_BURST: '100000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    if (!closed) await t.close();
  });

  // ---- helpers --------------------------------------------------------------------------------------------

  function socketFor(token: unknown, options: { reconnection?: boolean } = {}): Client {
    const socket: Client = io(`${baseUrl}/chat`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: options.reconnection ?? false });
    clients.push(socket);
    return socket;
  }

  function connect(user: TestUser | string): Promise<Client> {
    const socket = socketFor(typeof user === 'string' ? user : user.token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  function connectError(token: unknown): Promise<Error & { data?: { code?: string } }> {
    const socket = socketFor(token);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error('connected with a bad token')));
      socket.once('connect_error', resolve);
    });
  }

  /** Emits any event with any payload (bad input included) and waits for the ack. */
  function emit(socket: Client, event: string, ...args: unknown[]): Promise<AnyAck> {
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<AnyAck> } };
    return raw.timeout(5000).emitWithAck(event, ...args);
  }

  async function send(socket: Client, conversationId: string, body: string, clientMessageId = randomUUID()): Promise<ChatMessage> {
    const ack = await socket.timeout(5000).emitWithAck('message:send', { conversationId, body, clientMessageId });
    if (!ack.ok) throw new Error(`send failed: ${ack.error}`);
    return ack.message;
  }

  function collect(socket: Client): ChatMessage[] {
    const seen: ChatMessage[] = [];
    socket.on('message:new', (m) => seen.push(m));
    return seen;
  }

  async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    for (const deadline = Date.now() + timeoutMs; !condition(); ) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  async function conversations(user: TestUser): Promise<ConversationSummary[]> {
    const res = await t.http().get('/api/conversations').set(user.auth).expect(200);
    return res.body as ConversationSummary[];
  }

  interface Pair {
    coordinator: TestUser;
    programId: string;
    mentor: TestUser;
    mentee: TestUser;
    mentorshipId: string;
    conversationId: string;
  }

  async function newPair(names: { mentor?: string; mentee?: string } = {}): Promise<Pair> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t, { fullName: names.mentor ?? 'Mentor Maryam' });
    const mentee = await newMentee(t, { fullName: names.mentee ?? 'Mentee Ali' });
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const res = await t
      .http()
      .post(`/api/programs/${program.id}/mentorships`)
      .set(coordinator.auth)
      .send({ menteeId: mentee.user.id, mentorId: mentor.user.id })
      .expect(201);
    const mentorshipId = (res.body as { id: string }).id;
    const conversation = (await conversations(mentee)).find((c) => c.mentorshipId === mentorshipId);
    if (!conversation) throw new Error('no conversation for the new mentorship');
    return { coordinator, programId: program.id, mentor, mentee, mentorshipId, conversationId: conversation.id };
  }

  async function signingSecret(): Promise<string> {
    const secret = t.app.get(AppConfig).JWT_SECRET ?? (await t.app.get(AppSettingsService).get('jwt_secret'));
    if (!secret) throw new Error('no signing secret');
    return secret;
  }

  async function mint(user: TestUser, expiresIn: number, overrides: { issuer?: string; secret?: string } = {}): Promise<string> {
    return new JwtService().signAsync(
      { sub: user.user.id, role: user.user.role },
      { secret: overrides.secret ?? (await signingSecret()), algorithm: 'HS256', issuer: overrides.issuer ?? JWT_ISSUER, audience: JWT_AUDIENCE, expiresIn },
    );
  }

  async function storedCount(conversationId: string): Promise<number> {
    const rows: Array<{ n: number }> = await t.dataSource.query('SELECT count(*)::int AS n FROM chat_message WHERE conversation_id = $1', [conversationId]);
    return rows[0]?.n ?? -1;
  }

  const isSortedBySeq = (ms: ChatMessage[]): boolean => ms.every((m, i) => i === 0 || m.seq > (ms[i - 1] as ChatMessage).seq);

  // ---- handshake ------------------------------------------------------------------------------------------

  describe('handshake', () => {
    it('refuses a missing, malformed, foreign-signed, wrong-issuer or expired token in the handshake itself', async () => {
      const { mentee } = await newPair();
      const bad = [undefined, '', 42, 'not-a-jwt', await mint(mentee, 600, { secret: 'x'.repeat(40) }), await mint(mentee, 600, { issuer: 'someone-else' }), await mint(mentee, -10)];
      for (const token of bad) {
        const error = await connectError(token);
        expect(error.message).toEqual(expect.any(String));
        expect(error.data?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('accepts the access token HTTP accepts, and refuses it once the account is removed', async () => {
      const { mentee } = await newPair();
      const socket = await connect(mentee);
      expect(socket.connected).toBe(true);
      await t.dataSource.getRepository(UserEntity).delete({ id: mentee.user.id });
      const error = await connectError(mentee.token);
      expect(error.data?.code).toBe('UNAUTHENTICATED');
      expect(error.message).toMatch(/no longer exists/);
    });

    it('refuses events once the token expired, until auth:refresh brings a fresh one', async () => {
      const pair = await newPair();
      const socket = await connect(await mint(pair.mentee, 2));
      await pause(2100);
      const refused = await emit(socket, 'conversation:join', { conversationId: pair.conversationId });
      expect(refused).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      const other = await emit(socket, 'auth:refresh', { token: pair.mentor.token });
      expect(other).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      const refreshed = await emit(socket, 'auth:refresh', { token: await mint(pair.mentee, 600) });
      expect(refreshed).toMatchObject({ ok: true, expiresAt: expect.any(String) });
      expect(await emit(socket, 'conversation:join', { conversationId: pair.conversationId })).toMatchObject({ ok: true });
    });
  });

  // ---- delivery -------------------------------------------------------------------------------------------

  describe('delivery', () => {
    it('two clients exchange messages: each is stored once and both see every one, once, in order', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const b = await connect(pair.mentee);
      const seenA = collect(a);
      const seenB = collect(b);
      for (const s of [a, b]) expect(await emit(s, 'conversation:join', { conversationId: pair.conversationId })).toMatchObject({ ok: true, missed: [] });

      // Both send at once, each its next message as soon as the previous one is acknowledged.
      const sendMany = async (s: Client, who: string): Promise<ChatMessage[]> => {
        const acked: ChatMessage[] = [];
        for (let i = 0; i < 40; i++) acked.push(await send(s, pair.conversationId, `${who} ${i}`));
        return acked;
      };
      const [fromA, fromB] = await Promise.all([sendMany(a, 'mentor'), sendMany(b, 'mentee')]);
      await waitFor(() => seenA.length >= 80 && seenB.length >= 80, '80 messages on both sides');
      await pause(100);

      for (const seen of [seenA, seenB]) {
        expect(seen).toHaveLength(80);
        expect(new Set(seen.map((m) => m.id)).size).toBe(80);
        expect(isSortedBySeq(seen)).toBe(true);
        expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
        // Each sender's own messages arrive in the order they were sent.
        expect(seen.filter((m) => m.senderId === pair.mentor.user.id).map((m) => m.body)).toEqual(fromA.map((m) => m.body));
        expect(seen.filter((m) => m.senderId === pair.mentee.user.id).map((m) => m.body)).toEqual(fromB.map((m) => m.body));
      }
      // Ids sort as strings in storage order, and the acks carry the stored messages.
      const ids = seenA.map((m) => m.id);
      expect([...ids].sort()).toEqual(ids);
      expect(seenA).toEqual(expect.arrayContaining([...fromA, ...fromB]));
      expect(await storedCount(pair.conversationId)).toBe(80);
    });

    it('acknowledges with the stored message, shaped as the contract says', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const clientMessageId = randomUUID();
      const ack = await emit(a, 'message:send', { conversationId: pair.conversationId, body: 'Hello <b>there</b> & welcome', clientMessageId });
      expect(ack).toEqual({
        ok: true,
        message: {
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
          conversationId: pair.conversationId,
          senderId: pair.mentor.user.id,
          // Stored and returned verbatim: it is text, and clients show it as text.
          body: 'Hello <b>there</b> & welcome',
          clientMessageId,
          createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
          seq: 1,
        },
      });
    });

    it('a resend of the same clientMessageId returns the stored message and emits nothing new', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const b = await connect(pair.mentee);
      const seenB = collect(b);
      const clientMessageId = randomUUID();
      const first = await send(a, pair.conversationId, 'once', clientMessageId);
      const again = await send(a, pair.conversationId, 'once', clientMessageId);
      expect(again).toEqual(first);
      // The same clientMessageId from the other member is a different message: ids are per sender.
      const theirs = await send(b, pair.conversationId, 'mine', clientMessageId);
      expect(theirs.id).not.toBe(first.id);
      await waitFor(() => seenB.length >= 2, 'two messages');
      await pause(200);
      expect(seenB.map((m) => m.body)).toEqual(['once', 'mine']);
      expect(await storedCount(pair.conversationId)).toBe(2);
    });

    it('stores one copy when the same resend races in from two sockets, and keeps seqs without gaps', async () => {
      const pair = await newPair();
      const tabs = await Promise.all([connect(pair.mentor), connect(pair.mentor), connect(pair.mentor)]);
      const ids = Array.from({ length: 30 }, () => randomUUID());
      const acks = await Promise.all(tabs.flatMap((tab) => ids.map((id) => send(tab, pair.conversationId, `m ${id}`, id))));
      for (const id of ids) expect(new Set(acks.filter((m) => m.clientMessageId === id).map((m) => m.id)).size).toBe(1);
      expect(await storedCount(pair.conversationId)).toBe(30);
      const rows: Array<{ seqs: string[]; last_seq: string }> = await t.dataSource.query(
        `SELECT array_agg(m.seq::text ORDER BY m.seq) AS seqs, c.last_seq::text AS last_seq FROM chat_message m JOIN conversation c ON c.id = m.conversation_id WHERE c.id = $1 GROUP BY c.last_seq`,
        [pair.conversationId],
      );
      expect(rows[0]?.seqs).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
      expect(rows[0]?.last_seq).toBe('30');
    });

    it('keeps a socket’s messages in the order it sent them, even without waiting for acks', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const acks = await Promise.all(Array.from({ length: 50 }, (_, i) => send(a, pair.conversationId, `n${i}`)));
      expect(acks.map((m) => m.body)).toEqual(Array.from({ length: 50 }, (_, i) => `n${i}`));
      expect(acks.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    });

    it('drop and resume: 100 messages sent while a client was away all come back on rejoin, in order, once', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      let b = await connect(pair.mentee);
      const before = collect(b);
      await send(a, pair.conversationId, 'before the drop');
      await waitFor(() => before.length === 1, 'the first message');
      const lastSeen = (before[0] as ChatMessage).id;
      b.disconnect();

      const sent: ChatMessage[] = [];
      for (let i = 0; i < 100; i++) sent.push(await send(a, pair.conversationId, `while away ${i}`));

      b = await connect(pair.mentee);
      const live = collect(b);
      const ack = await emit(b, 'conversation:join', { conversationId: pair.conversationId, afterMessageId: lastSeen });
      if (!ack.ok) throw new Error(ack.error);
      const missed = ack['missed'] as ChatMessage[];
      expect(missed).toHaveLength(100);
      expect(missed.map((m) => m.id)).toEqual(sent.map((m) => m.id));
      expect(new Set(missed.map((m) => m.id)).size).toBe(100);
      expect(isSortedBySeq(missed)).toBe(true);
      expect(ack['hasMore']).toBe(false);
      await pause(100);
      expect(live).toEqual([]);
    });

    it('caps what one join returns, says hasMore, and the next join continues from there', async () => {
      const pair = await newPair();
      const total = MAX_MISSED_MESSAGES + 5;
      await t.dataSource.query(
        `WITH bump AS (UPDATE conversation SET last_seq = $3 WHERE id = $1 RETURNING id)
         INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id)
         SELECT ${messageIdSql('g')}, $1, g, $2, 'bulk ' || g, 'bulk-' || g FROM generate_series(1, $3::bigint) g, bump`,
        [pair.conversationId, pair.mentor.user.id, total],
      );
      const b = await connect(pair.mentee);
      const history = await t.http().get(`/api/conversations/${pair.conversationId}/messages?limit=1`).set(pair.mentee.auth).expect(200);
      expect((history.body as ChatMessage[])[0]?.seq).toBe(total);
      const first = await t.http().get(`/api/conversations/${pair.conversationId}/messages?limit=200&before=${(history.body as ChatMessage[])[0]?.id}`).set(pair.mentee.auth).expect(200);
      const oldestPage = first.body as ChatMessage[];
      expect(oldestPage[0]?.seq).toBe(total - 200);
      const startId = (await t.dataSource.query(`SELECT id FROM chat_message WHERE conversation_id = $1 AND seq = 1`, [pair.conversationId]) as Array<{ id: string }>)[0]?.id;

      const one = await emit(b, 'conversation:join', { conversationId: pair.conversationId, afterMessageId: startId });
      if (!one.ok) throw new Error(one.error);
      const part1 = one['missed'] as ChatMessage[];
      expect(part1).toHaveLength(MAX_MISSED_MESSAGES);
      expect(one['hasMore']).toBe(true);
      const two = await emit(b, 'conversation:join', { conversationId: pair.conversationId, afterMessageId: part1[part1.length - 1]?.id });
      if (!two.ok) throw new Error(two.error);
      expect((two['missed'] as ChatMessage[]).map((m) => m.seq)).toEqual([total - 3, total - 2, total - 1, total]);
      expect(two['hasMore']).toBe(false);
    });
  });

  // ---- authorization ----------------------------------------------------------------------------------------

  describe('authorization', () => {
    it("refuses joining, sending, reading, typing and presence in another pair's conversation; nothing is stored", async () => {
      const mine = await newPair();
      const theirs = await newPair();
      const socket = await connect(mine.mentee);
      const watcher = await connect(theirs.mentor);
      const leaked = collect(watcher);
      const cases: Array<[string, Record<string, unknown>]> = [
        ['conversation:join', { conversationId: theirs.conversationId }],
        ['conversation:join', { conversationId: theirs.conversationId, afterMessageId: '00000000-0001-8000-8000-000000000000' }],
        ['message:send', { conversationId: theirs.conversationId, body: 'let me in', clientMessageId: 'x1' }],
        ['conversation:read', { conversationId: theirs.conversationId, messageId: '00000000-0001-8000-8000-000000000000' }],
        ['typing:set', { conversationId: theirs.conversationId, typing: true }],
        ['presence:query', { conversationId: theirs.conversationId }],
        ['conversation:join', { conversationId: randomUUID() }],
      ];
      for (const [event, payload] of cases) {
        expect(await emit(socket, event, payload)).toEqual({ ok: false, error: 'Conversation not found', code: 'CONVERSATION_NOT_FOUND' });
      }
      expect(await storedCount(theirs.conversationId)).toBe(0);
      await t.http().get(`/api/conversations/${theirs.conversationId}/messages`).set(mine.mentee.auth).expect(404);
      await t.http().get(`/api/conversations/${theirs.conversationId}/messages`).set(mine.coordinator.auth).expect(404);
      await t.http().get('/api/conversations/not-a-uuid/messages').set(mine.mentee.auth).expect(404);
      await t.http().get('/api/conversations').expect(401);
      await pause(100);
      expect(leaked).toEqual([]);
    });

    it('checks membership on every event: an ended mentorship is read-only at once, for sockets already connected', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const clientMessageId = randomUUID();
      const kept = await send(a, pair.conversationId, 'last words', clientMessageId);
      await t.http().post(`/api/programs/${pair.programId}/mentorships/${pair.mentorshipId}/end`).set(pair.coordinator.auth).send({ reason: 'Moved campus' }).expect(200);
      expect(await emit(a, 'message:send', { conversationId: pair.conversationId, body: 'anyone?', clientMessageId: randomUUID() })).toMatchObject({ ok: false, code: 'CONVERSATION_READ_ONLY' });
      // A resend of what was stored before is still acknowledged, and the history stays readable.
      expect(await emit(a, 'message:send', { conversationId: pair.conversationId, body: 'last words', clientMessageId })).toEqual({ ok: true, message: kept });
      expect(await emit(a, 'conversation:join', { conversationId: pair.conversationId })).toMatchObject({ ok: true });
      const history = await t.http().get(`/api/conversations/${pair.conversationId}/messages`).set(pair.mentee.auth).expect(200);
      expect(history.body).toEqual([kept]);
      expect((await conversations(pair.mentee)).find((c) => c.id === pair.conversationId)).toMatchObject({ readOnly: true });
    });

    it('a removed account loses its conversations at once, even on a socket that is still open', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentee);
      expect(await emit(a, 'conversation:join', { conversationId: pair.conversationId })).toMatchObject({ ok: true });
      await t.dataSource.getRepository(UserEntity).delete({ id: pair.mentee.user.id });
      expect(await emit(a, 'conversation:join', { conversationId: pair.conversationId })).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    });
  });

  // ---- groups -----------------------------------------------------------------------------------------------

  describe('group conversations', () => {
    it("gives a mentor with two mentees a group; a mentee who leaves stops receiving and can no longer join", async () => {
      const pair = await newPair();
      const second = await newMentee(t, { fullName: 'Mentee Sara' });
      await enrol(t, pair.programId, second, EnrollmentRole.Mentee);
      const m2 = await t.http().post(`/api/programs/${pair.programId}/mentorships`).set(pair.coordinator.auth).send({ menteeId: second.user.id, mentorId: pair.mentor.user.id }).expect(201);
      const group = (await conversations(pair.mentor)).find((c) => c.kind === 'group');
      expect(group).toMatchObject({ programId: pair.programId, mentorshipId: null, mentorId: pair.mentor.user.id, readOnly: false });
      expect(group?.participants.map((p) => [p.fullName, p.role]).sort()).toEqual([
        ['Mentee Ali', 'mentee'],
        ['Mentee Sara', 'mentee'],
      ]);
      const groupId = group?.id as string;
      expect((await conversations(second)).map((c) => c.id)).toContain(groupId);

      const mentor = await connect(pair.mentor);
      const ali = await connect(pair.mentee);
      const sara = await connect(second);
      const seenAli = collect(ali);
      const seenSara = collect(sara);
      await send(mentor, groupId, 'welcome both');
      await waitFor(() => seenAli.length === 1 && seenSara.length === 1, 'the group message');
      // Nothing leaks into the pair conversations.
      expect(seenAli[0]?.conversationId).toBe(groupId);

      await t.http().post(`/api/programs/${pair.programId}/mentorships/${(m2.body as { id: string }).id}/end`).set(pair.coordinator.auth).send({ reason: 'Left' }).expect(200);
      await send(mentor, groupId, 'only Ali now');
      await waitFor(() => seenAli.length === 2, 'the second group message');
      await pause(150);
      expect(seenSara).toHaveLength(1);
      expect(await emit(sara, 'conversation:join', { conversationId: groupId })).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    });
  });

  // ---- bad input --------------------------------------------------------------------------------------------

  describe('bad input', () => {
    it('answers missing fields, wrong types, unknown fields and non-object payloads with error acks, and the socket lives on', async () => {
      const pair = await newPair();
      const socket = await connect(pair.mentor);
      const cid = pair.conversationId;
      const bad: Array<[string, unknown]> = [
        ['message:send', {}],
        ['message:send', { conversationId: cid, body: 'no id' }],
        ['message:send', { conversationId: cid, clientMessageId: 'c1' }],
        ['message:send', { conversationId: cid, body: 42, clientMessageId: 'c1' }],
        ['message:send', { conversationId: cid, body: ['a'], clientMessageId: 'c1' }],
        ['message:send', { conversationId: cid, body: 'x', clientMessageId: 7 }],
        ['message:send', { conversationId: cid, body: 'x', clientMessageId: 'has space' }],
        ['message:send', { conversationId: cid, body: 'x', clientMessageId: 'c'.repeat(101) }],
        ['message:send', { conversationId: 'nope', body: 'x', clientMessageId: 'c1' }],
        ['message:send', { conversationId: cid, body: 'x', clientMessageId: 'c1', senderId: pair.mentee.user.id }],
        ['message:send', { conversationId: cid, body: 'nul\u0000byte', clientMessageId: 'c1' }],
        ['message:send', 'just a string'],
        ['message:send', 12],
        ['message:send', null],
        ['message:send', [cid, 'x', 'c1']],
        ['conversation:join', { conversationId: cid, afterMessageId: 5 }],
        ['conversation:join', { conversationId: cid, afterMessageId: 'yesterday' }],
        ['conversation:read', { conversationId: cid }],
        ['typing:set', { conversationId: cid, typing: 'yes' }],
        ['presence:query', {}],
        ['auth:refresh', { token: 1 }],
      ];
      for (const [event, payload] of bad) {
        const ack = await emit(socket, event, payload);
        expect(ack).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD', error: expect.any(String) });
      }
      // No payload at all, and events without an ack callback, are survived too.
      expect(await emit(socket, 'message:send')).toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
      (socket as unknown as { emit(event: string, payload: unknown): void }).emit('message:send', { conversationId: cid });
      (socket as unknown as { emit(event: string, payload: unknown): void }).emit('no:such:event', { x: 1 });
      expect(await storedCount(cid)).toBe(0);
      expect(socket.connected).toBe(true);
      await send(socket, cid, 'still here');
    });

    it('refuses empty, whitespace-only and over-long bodies, storing nothing; 4,000 characters (emoji count once) pass', async () => {
      const pair = await newPair();
      const socket = await connect(pair.mentor);
      const cid = pair.conversationId;
      for (const body of ['', '   ', '\n\t \u00a0']) {
        expect(await emit(socket, 'message:send', { conversationId: cid, body, clientMessageId: randomUUID() })).toMatchObject({ ok: false, code: 'EMPTY_MESSAGE' });
      }
      const tooLong = await emit(socket, 'message:send', { conversationId: cid, body: 'a'.repeat(5000), clientMessageId: randomUUID() });
      expect(tooLong).toEqual({ ok: false, code: 'MESSAGE_TOO_LONG', error: expect.stringContaining('4000') });
      expect(await emit(socket, 'message:send', { conversationId: cid, body: '😀'.repeat(MAX_MESSAGE_LENGTH + 1), clientMessageId: randomUUID() })).toMatchObject({ ok: false, code: 'MESSAGE_TOO_LONG' });
      expect(await storedCount(cid)).toBe(0);
      const longest = await send(socket, cid, 'b'.repeat(MAX_MESSAGE_LENGTH));
      expect(longest.body).toHaveLength(MAX_MESSAGE_LENGTH);
      const emoji = await send(socket, cid, '😀'.repeat(MAX_MESSAGE_LENGTH));
      expect(emoji.body).toBe('😀'.repeat(MAX_MESSAGE_LENGTH));
    });

    it('reaches a member on the other side in full even when the body exceeds a NOTIFY payload', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const b = await connect(pair.mentee);
      const seen = collect(b);
      const body = 'ж'.repeat(MAX_MESSAGE_LENGTH);
      await send(a, pair.conversationId, body);
      await waitFor(() => seen.length === 1, 'the long message');
      expect(seen[0]?.body).toBe(body);
    });

    it('disconnects a client that sends a packet far larger than any message, and the server keeps serving', async () => {
      const pair = await newPair();
      const socket = await connect(pair.mentor);
      const closedReason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      (socket as unknown as { emit(event: string, payload: unknown): void }).emit('message:send', { conversationId: pair.conversationId, body: 'x'.repeat(200_000), clientMessageId: 'huge' });
      expect(['transport close', 'transport error']).toContain(await closedReason);
      const again = await connect(pair.mentor);
      await send(again, pair.conversationId, 'fine');
      expect(await storedCount(pair.conversationId)).toBe(1);
    });
  });

  // ---- REST -------------------------------------------------------------------------------------------------

  describe('REST', () => {
    it('lists conversations with the other participant, the last message and unread counts that read receipts clear', async () => {
      const pair = await newPair({ mentor: 'Dr Reza', mentee: 'Nima' });
      const a = await connect(pair.mentor);
      const b = await connect(pair.mentee);
      const receipts: unknown[] = [];
      a.on('read:update', (r) => receipts.push(r));
      for (let i = 0; i < 3; i++) await send(a, pair.conversationId, `hi ${i}`);
      const last = await send(a, pair.conversationId, 'are you there?');
      await send(b, pair.conversationId, 'yes');

      const [forMentee] = await conversations(pair.mentee);
      expect(forMentee).toMatchObject({
        id: pair.conversationId,
        kind: 'mentorship',
        programId: pair.programId,
        programName: 'Test program',
        mentorshipId: pair.mentorshipId,
        mentorId: pair.mentor.user.id,
        participants: [{ id: pair.mentor.user.id, fullName: 'Dr Reza', role: 'mentor' }],
        unreadCount: 4,
        lastReadMessageId: null,
        readReceipts: [],
        readOnly: false,
        lastMessage: expect.objectContaining({ body: 'yes', senderId: pair.mentee.user.id }),
      });
      expect((await conversations(pair.mentor))[0]).toMatchObject({ unreadCount: 1, participants: [{ fullName: 'Nima', role: 'mentee' }] });

      const read = await emit(b, 'conversation:read', { conversationId: pair.conversationId, messageId: last.id });
      expect(read).toMatchObject({ ok: true, receipt: { userId: pair.mentee.user.id, lastReadMessageId: last.id, readAt: expect.any(String) } });
      await waitFor(() => receipts.length === 1, 'the read receipt');
      expect(receipts[0]).toMatchObject({ conversationId: pair.conversationId, userId: pair.mentee.user.id, lastReadMessageId: last.id });
      // A receipt never moves backwards.
      const first = (await t.http().get(`/api/conversations/${pair.conversationId}/messages`).set(pair.mentee.auth).expect(200)).body as ChatMessage[];
      const older = await emit(b, 'conversation:read', { conversationId: pair.conversationId, messageId: first[0]?.id });
      expect(older).toMatchObject({ ok: true, receipt: { lastReadMessageId: last.id } });
      expect(await emit(b, 'conversation:read', { conversationId: pair.conversationId, messageId: '00000000-0999-8000-8000-000000000000' })).toMatchObject({ ok: false, code: 'MESSAGE_NOT_FOUND' });

      expect((await conversations(pair.mentee))[0]).toMatchObject({ unreadCount: 0, lastReadMessageId: last.id });
      expect((await conversations(pair.mentor))[0]?.readReceipts).toEqual([{ userId: pair.mentee.user.id, lastReadMessageId: last.id, readAt: expect.any(String) }]);
      const joined = await emit(a, 'conversation:join', { conversationId: pair.conversationId });
      expect(joined).toMatchObject({ ok: true, readReceipts: [expect.objectContaining({ userId: pair.mentee.user.id, lastReadMessageId: last.id })] });
    });

    it('pages back through history: the limit messages before `before`, oldest first', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const sent: ChatMessage[] = [];
      for (let i = 0; i < 120; i++) sent.push(await send(a, pair.conversationId, `h${i}`));
      const url = `/api/conversations/${pair.conversationId}/messages`;
      const newest = (await t.http().get(url).set(pair.mentee.auth).expect(200)).body as ChatMessage[];
      expect(newest.map((m) => m.body)).toEqual(sent.slice(70).map((m) => m.body));
      const page = (await t.http().get(`${url}?before=${newest[0]?.id}&limit=30`).set(pair.mentee.auth).expect(200)).body as ChatMessage[];
      expect(page).toEqual(sent.slice(40, 70));
      const start = (await t.http().get(`${url}?before=${sent[5]?.id}&limit=200`).set(pair.mentee.auth).expect(200)).body as ChatMessage[];
      expect(start).toEqual(sent.slice(0, 5));
      expect((await t.http().get(`${url}?before=${sent[0]?.id}`).set(pair.mentee.auth).expect(200)).body).toEqual([]);
      for (const bad of ['limit=0', 'limit=201', 'limit=ten', 'before=abc', `before=${randomUUID()}`, 'extra=1']) {
        const res = await t.http().get(`${url}?${bad}`).set(pair.mentee.auth).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      }
    });

    it('documents the endpoints in the OpenAPI document', async () => {
      const res = await t.http().get('/api/docs-json').expect(200);
      expect(Object.keys(res.body.paths as Record<string, unknown>)).toEqual(expect.arrayContaining(['/api/conversations', '/api/conversations/{id}/messages']));
    });
  });

  // ---- typing and presence ------------------------------------------------------------------------------------

  describe('typing and presence', () => {
    it('tells the other member who is typing, not the typist', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const b = await connect(pair.mentee);
      const atA: TypingUpdate[] = [];
      const atB: TypingUpdate[] = [];
      a.on('typing:update', (u) => atA.push(u));
      b.on('typing:update', (u) => atB.push(u));
      expect(await emit(a, 'typing:set', { conversationId: pair.conversationId, typing: true })).toEqual({ ok: true });
      await waitFor(() => atB.length === 1, 'the typing indicator');
      expect(atB[0]).toEqual({ conversationId: pair.conversationId, userId: pair.mentor.user.id, typing: true });
      await pause(100);
      expect(atA).toEqual([]);
    });

    it('reports members online while any of their sockets is connected, and offline after the last one', async () => {
      const pair = await newPair();
      const a = await connect(pair.mentor);
      const updates: PresenceUpdate[] = [];
      a.on('presence:update', (u) => updates.push(u));
      const b1 = await connect(pair.mentee);
      const b2 = await connect(pair.mentee);
      await waitFor(() => updates.filter((u) => u.online).length === 2, 'online updates');
      const query = await emit(a, 'presence:query', { conversationId: pair.conversationId });
      expect(query).toMatchObject({ ok: true });
      expect([...((query as unknown as { online: string[] }).online)].sort()).toEqual([pair.mentee.user.id, pair.mentor.user.id].sort());
      b1.disconnect();
      await pause(300);
      expect(updates.some((u) => !u.online)).toBe(false);
      b2.disconnect();
      await waitFor(() => updates.some((u) => !u.online), 'the offline update');
      expect(updates.at(-1)).toEqual({ userId: pair.mentee.user.id, online: false });
      expect(await emit(a, 'presence:query', { conversationId: pair.conversationId })).toEqual({ ok: true, online: [pair.mentor.user.id] });
    });
  });

  // ---- shutdown (last: it closes the app) ---------------------------------------------------------------------

  describe('graceful shutdown', () => {
    it('closes sockets with a reconnect hint when the app closes', async () => {
      const pair = await newPair();
      const socket = await connect(pair.mentee);
      const hint = new Promise<unknown>((resolve) => socket.once('server:shutdown', resolve));
      const reason = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      closed = true;
      await t.close();
      expect(await hint).toEqual({ reconnectAfterMs: expect.any(Number) });
      // A transport close, not a server-side disconnect: socket.io clients reconnect by themselves after it.
      expect(await reason).toBe('transport close');
    });
  });
});
