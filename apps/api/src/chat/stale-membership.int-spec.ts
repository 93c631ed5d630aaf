import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { EnrollmentRole } from '@pm/contracts';
import { UserEntity } from '@api/users/user.entity';
import { connectChat, type ChatClient } from '@api-test/api-process';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { MembershipCache } from './membership-cache';

// Memberships come from memory (MembershipCache) until the database's announcement of a change arrives. Between
// the commit and that moment (usually well under a millisecond, longer on a loaded machine) an event of a deleted
// account still passes the check; its write then refers to a row that is gone. CI once caught chat.int-spec's
// "removed account" test in that window: an INTERNAL ack instead of CONVERSATION_NOT_FOUND. Here the window is
// held open: the cache does not hear the change until the test lets it.
describe('chat events of an account deleted a moment ago, before this instance heard of it (integration)', () => {
  let t: TestApp;
  let baseUrl: string;
  const clients: ChatClient[] = [];

  beforeAll(async () => {
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_SECOND: '100000', CHAT_RATE_LIMIT_BURST: '100000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.disconnect();
    jest.restoreAllMocks();
  });
  afterAll(async () => t.close());

  async function connect(user: TestUser): Promise<ChatClient> {
    const socket = await connectChat(baseUrl, user.token);
    clients.push(socket);
    return socket;
  }

  /** A mentor matched with `count` mentees in a new program (two or more: their group conversation too). */
  async function mentorWith(count: number): Promise<{ programId: string; mentor: TestUser; mentees: TestUser[]; mentorshipIds: string[] }> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    const mentees: TestUser[] = [];
    const mentorshipIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const mentee = await newMentee(t);
      await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
      const res = await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
      mentees.push(mentee);
      mentorshipIds.push((res.body as { id: string }).id);
    }
    return { programId: program.id, mentor, mentees, mentorshipIds };
  }

  async function conversationWhere(where: string, params: unknown[]): Promise<string> {
    const rows: Array<{ id: string }> = await t.dataSource.query(`SELECT id FROM conversation WHERE ${where}`, params);
    if (!rows[0]) throw new Error('no such conversation');
    return rows[0].id;
  }

  /** Deletes the account while this instance's cache, still holding the conversation, hears of no change. */
  async function deleteUnheard(user: TestUser, conversationId: string): Promise<void> {
    const cache = t.app.get(MembershipCache);
    expect(cache.has(conversationId)).toBe(true);
    jest.spyOn(cache, 'changed').mockImplementation(() => undefined);
    await t.dataSource.getRepository(UserEntity).delete({ id: user.user.id });
    expect(cache.has(conversationId)).toBe(true);
  }

  const send = (socket: ChatClient, conversationId: string, body: string) => socket.timeout(5000).emitWithAck('message:send', { conversationId, body, clientMessageId: randomUUID() });
  const join = (socket: ChatClient, conversationId: string) => socket.timeout(5000).emitWithAck('conversation:join', { conversationId });

  it('answers CONVERSATION_NOT_FOUND to join and send, never INTERNAL', async () => {
    const { mentees, mentorshipIds } = await mentorWith(1);
    const [mentee] = mentees as [TestUser];
    const conversationId = await conversationWhere('mentorship_id = $1', [mentorshipIds[0]]);

    const socket = await connect(mentee);
    expect(await join(socket, conversationId)).toMatchObject({ ok: true });
    expect(await send(socket, conversationId, 'before')).toMatchObject({ ok: true });
    await deleteUnheard(mentee, conversationId);

    expect(await join(socket, conversationId)).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    expect(await send(socket, conversationId, 'after')).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
  });

  it('the same in a mentor’s group conversation, which outlives the deleted mentee', async () => {
    const { programId, mentor, mentees } = await mentorWith(2);
    const [leaving] = mentees as [TestUser];
    const conversationId = await conversationWhere(`kind = 'group' AND program_id = $1 AND mentor_id = $2`, [programId, mentor.user.id]);

    const socket = await connect(leaving);
    expect(await send(socket, conversationId, 'before')).toMatchObject({ ok: true });
    const fromMentor = await send(await connect(mentor), conversationId, 'still here');
    if (!fromMentor.ok) throw new Error(fromMentor.error);
    await deleteUnheard(leaving, conversationId);

    expect(await send(socket, conversationId, 'after')).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    expect(await join(socket, conversationId)).toMatchObject({ ok: false, code: 'CONVERSATION_NOT_FOUND' });
    // The mentor's message outlives the account too: reading it writes a receipt for the deleted account.
    expect(await socket.timeout(5000).emitWithAck('conversation:read', { conversationId, messageId: fromMentor.message.id })).toMatchObject({
      ok: false,
      code: 'CONVERSATION_NOT_FOUND',
    });
  });
});
