import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, type Ack, type ChatClientToServerEvents, type ChatMessage, type ChatServerToClientEvents } from '@pm/contracts';
import { loadConfig } from '@api/config/app-config';
import { createApp } from '@api/create-app';
import { prepareData } from '@api/setup-app';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, WEB_DIST_FIXTURE, type TestApp } from '@api-test/test-app';
import { MembershipCache } from './membership-cache';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const LIMITS = { CHAT_RATE_LIMIT_PER_SECOND: '100000', CHAT_RATE_LIMIT_BURST: '100000' };

// Memberships are served from memory on every instance; a change committed anywhere must reach all of them
// before the next event is checked. Two app instances on one database, as in a deployment.
describe('chat membership cache across instances (integration)', () => {
  let t: TestApp;
  let second: NestFastifyApplication;
  const urls: string[] = [];
  const clients: Client[] = [];

  beforeAll(async () => {
    t = await startTestApp(LIMITS);
    const config = loadConfig({ ...process.env, DEMO_SEED: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'silent', NODE_ENV: 'test', WEB_DIST: WEB_DIST_FIXTURE, ...LIMITS });
    second = (await createApp(config, { quiet: true })).app;
    await prepareData(second);
    await second.init();
    for (const app of [t.app, second]) {
      await app.listen(0, '127.0.0.1');
      urls.push(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    }
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  function connect(instance: number, user: TestUser): Promise<Client> {
    const socket: Client = io(`${urls[instance] ?? ''}/chat`, { auth: { token: user.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    clients.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  const send = (socket: Client, conversationId: string, body: string): Promise<Ack<{ message: ChatMessage }>> =>
    socket.timeout(5000).emitWithAck('message:send', { conversationId, body, clientMessageId: randomUUID() });

  async function conversationOf(mentorshipId: string): Promise<string> {
    const rows: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM conversation WHERE mentorship_id = $1', [mentorshipId]);
    if (!rows[0]) throw new Error('no conversation for the mentorship');
    return rows[0].id;
  }

  async function match(coordinator: TestUser, programId: string, mentor: TestUser, mentee: TestUser): Promise<string> {
    const res = await t.http().post(`/api/programs/${programId}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    return (res.body as { id: string }).id;
  }

  const cached = (app: NestFastifyApplication, conversationId: string): boolean => app.get(MembershipCache).has(conversationId);

  it('an ended mentorship refuses the next send at once on both instances, though both had it in memory', async () => {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const mentorshipId = await match(coordinator, program.id, mentor, mentee);
    const conversationId = await conversationOf(mentorshipId);
    const onFirst = await connect(0, mentor);
    const onSecond = await connect(1, mentee);
    expect(await send(onFirst, conversationId, 'hello')).toMatchObject({ ok: true });
    expect(await send(onSecond, conversationId, 'hi')).toMatchObject({ ok: true });
    expect([cached(t.app, conversationId), cached(second, conversationId)]).toEqual([true, true]);

    await t.http().post(`/api/programs/${program.id}/mentorships/${mentorshipId}/end`).set(coordinator.auth).send({ reason: 'Moved campus' }).expect(200);
    expect(await send(onFirst, conversationId, 'still there?')).toMatchObject({ ok: false, code: 'CONVERSATION_READ_ONLY' });
    expect(await send(onSecond, conversationId, 'still there?')).toMatchObject({ ok: false, code: 'CONVERSATION_READ_ONLY' });
  });

  it("a mentee who leaves a group loses it at once on the other instance too; the other groups' members keep theirs", async () => {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const [ali, sara] = [await newMentee(t), await newMentee(t)];
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    for (const m of [ali, sara]) await enrol(t, program.id, m, EnrollmentRole.Mentee);
    await match(coordinator, program.id, mentor, ali);
    const saraMentorship = await match(coordinator, program.id, mentor, sara);
    // The group was made by the database when the mentor's second mentee arrived.
    const groups: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM conversation WHERE kind = 'group' AND program_id = $1`, [program.id]);
    const groupId = groups[0]?.id ?? '';
    const saraOnSecond = await connect(1, sara);
    const aliOnSecond = await connect(1, ali);
    expect(await send(saraOnSecond, groupId, 'hello group')).toMatchObject({ ok: true });
    expect(cached(second, groupId)).toBe(true);

    await t.http().post(`/api/programs/${program.id}/mentorships/${saraMentorship}/end`).set(coordinator.auth).send({ reason: 'Left' }).expect(200);
    expect(await send(saraOnSecond, groupId, 'am I still here?')).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    expect(await send(aliOnSecond, groupId, 'I am')).toMatchObject({ ok: true });
  });

  it('a change made straight in the database (no API code involved) reaches the instances through the trigger', async () => {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const conversationId = await conversationOf(await match(coordinator, program.id, mentor, mentee));
    const onSecond = await connect(1, mentee);
    expect(await send(onSecond, conversationId, 'hello')).toMatchObject({ ok: true });
    expect(cached(second, conversationId)).toBe(true);

    await t.dataSource.query(`DELETE FROM mentorship WHERE program_id = $1`, [program.id]);
    for (const deadline = Date.now() + 2000; cached(second, conversationId) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 5));
    expect(cached(second, conversationId)).toBe(false);
    expect(await send(onSecond, conversationId, 'anyone?')).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
  });
});
