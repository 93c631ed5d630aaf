import type { AddressInfo } from 'node:net';
import { io, type Socket } from 'socket.io-client';
import { EnrollmentRole, FORUM_POSTS_PER_MINUTE, type ForumPostEvent, type ForumThread, type ForumThreadDetail } from '@pm/contracts';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('cohort forum (integration)', () => {
  let t: TestApp;
  let baseUrl: string;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  let admin: TestUser;
  let mentee: TestUser;
  let mentor: TestUser;
  let secondMentee: TestUser;
  let outsider: TestUser;
  let programId: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await startTestApp({ FORUM_POSTS_PER_MINUTE: '1000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    coordinator = await newCoordinator(t, { fullName: 'Dr Coordinator' });
    otherCoordinator = await newCoordinator(t, { fullName: 'Other Coordinator' });
    admin = await newAdmin(t);
    mentee = await newMentee(t, { fullName: 'Sara Mentee' });
    secondMentee = await newMentee(t, { fullName: 'Reza Mentee' });
    mentor = await newMentor(t, { fullName: 'Ali Mentor' });
    outsider = await newMentee(t, { fullName: 'Outsider' });
    programId = (await newProgram(t, coordinator)).id;
    await newProgram(t, otherCoordinator);
    await enrol(t, programId, mentee, EnrollmentRole.Mentee);
    await enrol(t, programId, secondMentee, EnrollmentRole.Mentee);
    await enrol(t, programId, mentor, EnrollmentRole.Mentor);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => t.close());

  const ask = (who: TestUser, body: Record<string, unknown>, program = programId) =>
    t.http().post(`/api/programs/${program}/forum/threads`).set(who.auth).send(body);
  const list = (who: TestUser, query: Record<string, string> = {}) => t.http().get(`/api/programs/${programId}/forum/threads`).set(who.auth).query(query);
  const open = (who: TestUser, id: string) => t.http().get(`/api/forum/threads/${id}`).set(who.auth);
  const reply = (who: TestUser, id: string, body: string) => t.http().post(`/api/forum/threads/${id}/replies`).set(who.auth).send({ body });

  async function newThread(who: TestUser, body: Record<string, unknown> = {}): Promise<ForumThread> {
    const res = await ask(who, { title: 'How do I study anatomy?', body: 'Any tips for the spotter exam?', ...body }).expect(201);
    return res.body as ForumThread;
  }

  function connect(user: TestUser): Promise<Socket> {
    const socket = io(`${baseUrl}/chat`, { auth: { token: user.token }, transports: ['websocket'], forceNew: true, reconnection: false });
    sockets.push(socket);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  }

  describe('membership', () => {
    it('lets students of the program and its coordinators ask and read', async () => {
      const thread = await newThread(mentee);
      expect(thread).toMatchObject({ programId, title: 'How do I study anatomy?', anonymous: false, replyCount: 0, acceptedReplyId: null, mine: true, canAccept: true });
      expect(thread.author).toEqual({ id: mentee.user.id, fullName: 'Sara Mentee', role: 'mentee' });
      await open(mentor, thread.id).expect(200);
      await open(coordinator, thread.id).expect(200);
      const byCoordinator = await newThread(coordinator, { title: 'Exam week office hours' });
      expect(byCoordinator.author?.role).toBe('coordinator');
    });

    it.each([
      ['a student of no program', () => outsider],
      ["another program's coordinator", () => otherCoordinator],
      ['an admin who does not coordinate it', () => admin],
    ])('answers 404 to %s everywhere', async (_label, who) => {
      const thread = await newThread(mentee);
      const res = await ask(who(), { title: 'x', body: 'y' });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('PROGRAM_NOT_FOUND');
      await list(who()).expect(404);
      expect((await open(who(), thread.id)).body.code).toBe('FORUM_THREAD_NOT_FOUND');
      await reply(who(), thread.id, 'hello').expect(404);
      await t.http().post(`/api/forum/posts/${thread.id}/report`).set(who().auth).send({ reason: 'spam' }).expect(404);
      await t.http().post(`/api/forum/posts/${thread.id}/hide`).set(who().auth).expect(404);
    });

    it('answers 401 without a token and 404 for malformed ids', async () => {
      await t.http().get(`/api/programs/${programId}/forum/threads`).expect(401);
      await t.http().get('/api/forum/threads/not-a-uuid').set(mentee.auth).expect(404);
      await t.http().get(`/api/programs/not-a-uuid/forum/threads`).set(mentee.auth).expect(404);
    });
  });

  describe('anonymous questions', () => {
    it("shows students no author (the author included) and coordinators the real one, in every answer", async () => {
      const thread = await newThread(mentee, { title: 'Embarrassing question', body: 'I failed the first quiz', anonymous: true });
      expect(thread.author).toBeNull();
      expect(thread.mine).toBe(true);
      for (const student of [mentee, mentor, secondMentee]) {
        const detail = await open(student, thread.id).expect(200);
        const listed = ((await list(student).expect(200)).body as ForumThread[]).find((x) => x.id === thread.id);
        for (const text of [detail.text, JSON.stringify(listed)]) expect(text).not.toContain(mentee.user.id);
        expect((detail.body as ForumThreadDetail).author).toBeNull();
      }
      expect((await open(mentor, thread.id)).body.mine).toBe(false);
      const seen = (await open(coordinator, thread.id).expect(200)).body as ForumThreadDetail;
      expect(seen.author).toEqual({ id: mentee.user.id, fullName: 'Sara Mentee', role: 'mentee' });
      expect(seen.anonymous).toBe(true);
    });

    it('carries no author in the live event', async () => {
      const socket = await connect(mentor);
      const got = new Promise<ForumPostEvent>((resolve) => socket.once('forum:post', resolve));
      const thread = await newThread(mentee, { anonymous: true });
      const event = await got;
      expect(event).toEqual({ threadId: thread.id });
      expect(JSON.stringify(event)).not.toContain(mentee.user.id);
    });
  });

  describe('replies and the answer', () => {
    it('lists replies oldest first, with mentors marked, and lets the author mark the answer', async () => {
      const thread = await newThread(mentee);
      const first = (await reply(secondMentee, thread.id, 'Use flashcards').expect(201)).body as { id: string };
      const second = (await reply(mentor, thread.id, 'Netter plates, every evening').expect(201)).body as { id: string; author: { role: string } };
      expect(second.author.role).toBe('mentor');
      const detail = (await open(mentee, thread.id).expect(200)).body as ForumThreadDetail;
      expect(detail.replies.map((r) => r.id)).toEqual([first.id, second.id]);
      expect(detail.replyCount).toBe(2);

      // Only the thread's author or a coordinator marks the answer.
      expect((await t.http().post(`/api/forum/threads/${thread.id}/accept`).set(mentor.auth).send({ replyId: second.id })).status).toBe(403);
      const accepted = await t.http().post(`/api/forum/threads/${thread.id}/accept`).set(mentee.auth).send({ replyId: second.id }).expect(200);
      expect(accepted.body.acceptedReplyId).toBe(second.id);
      await t.http().post(`/api/forum/threads/${thread.id}/accept`).set(coordinator.auth).send({ replyId: first.id }).expect(200);
      expect((await open(mentor, thread.id)).body.acceptedReplyId).toBe(first.id);
    });

    it("refuses a reply of another thread as the answer", async () => {
      const a = await newThread(mentee);
      const b = await newThread(mentee);
      const r = (await reply(mentor, b.id, 'elsewhere').expect(201)).body as { id: string };
      const res = await t.http().post(`/api/forum/threads/${a.id}/accept`).set(mentee.auth).send({ replyId: r.id });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('FORUM_REPLY_NOT_IN_THREAD');
    });

    it('emits forum:post with the reply to members live', async () => {
      const thread = await newThread(mentee);
      const socket = await connect(mentee);
      const got = new Promise<ForumPostEvent>((resolve) => socket.on('forum:post', (e: ForumPostEvent) => e.replyId && resolve(e)));
      const r = (await reply(mentor, thread.id, 'Here is how').expect(201)).body as { id: string };
      expect(await got).toEqual({ threadId: thread.id, replyId: r.id });
    });

    it('notifies the author and earlier repliers once per thread until they look', async () => {
      const thread = await newThread(mentee);
      await reply(mentor, thread.id, 'one').expect(201);
      const watch = async (user: TestUser): Promise<boolean | undefined> =>
        ((await t.dataSource.query(`SELECT notified FROM forum_watch WHERE thread_id = $1 AND user_id = $2`, [thread.id, user.user.id])) as Array<{ notified: boolean }>)[0]?.notified;
      expect(await watch(mentee)).toBe(true);
      expect(await watch(mentor)).toBe(false);
      await reply(secondMentee, thread.id, 'two').expect(201);
      expect(await watch(mentor)).toBe(true);
      await open(mentee, thread.id).expect(200);
      expect(await watch(mentee)).toBe(false);
    });

    it('stores one forum_reply notification per follower until they open the thread, in their language', async () => {
      const asker = await newMentee(t);
      await enrol(t, programId, asker, EnrollmentRole.Mentee);
      await t.http().put('/api/me/notification-settings').set(asker.auth).send({ email: false, language: 'fa' }).expect(200);
      const thread = await newThread(asker, { title: 'سؤال درباره امتحان' });
      const count = async (): Promise<number> =>
        ((await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'forum_reply'`, [asker.user.id])) as Array<{ n: number }>)[0]?.n ?? 0;
      await reply(mentor, thread.id, 'first').expect(201);
      await reply(secondMentee, thread.id, 'second').expect(201);
      expect(await count()).toBe(1);
      const list = (await t.http().get('/api/me/notifications').set(asker.auth).expect(200)).body as Array<{ kind: string; title: string; link: string }>;
      const notice = list.find((n) => n.kind === 'forum_reply');
      expect(notice?.link).toBe(`/forum/threads/${thread.id}`);
      expect(notice?.title).toContain('پاسخ تازه');
      await open(asker, thread.id).expect(200);
      await reply(mentor, thread.id, 'third').expect(201);
      expect(await count()).toBe(2);
      // The replier is never told of their own reply.
      const own = (await t.dataSource.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_id = $1 AND kind = 'forum_reply' AND link = $2`, [mentor.user.id, `/forum/threads/${thread.id}`])) as Array<{ n: number }>;
      expect(own[0]?.n).toBe(1);
    });
  });

  describe('search', () => {
    it('finds Persian text written with Persian ye when the query uses Arabic ye and kaf, and English by stem', async () => {
      // "کتاب تشریح" written with Persian ye/kaf; the query in Arabic forms: ك (U+0643) and ي (U+064A).
      const persian = await newThread(mentee, { title: 'بهترین کتاب برای تشریح چیست؟', body: 'برای امتحان میان‌ترم', tags: ['anatomy'] });
      const english = await newThread(mentee, { title: 'Physiology exams', body: 'Which chapters are examined?', tags: ['physiology', 'exams'] });
      const ids = async (q: string, extra: Record<string, string> = {}): Promise<string[]> =>
        ((await list(secondMentee, { q, ...extra }).expect(200)).body as ForumThread[]).map((x) => x.id);
      expect(await ids('\u0643\u062a\u0627\u0628')).toContain(persian.id);
      expect(await ids('\u0686\u064a\u0633\u062a')).toContain(persian.id);
      // The zero-width non-joiner does not split or change a word.
      expect(await ids('میانترم')).toContain(persian.id);
      expect(await ids('exam')).toContain(english.id);
      expect(await ids('exam')).not.toContain(persian.id);
      // Persian digits are the same as ASCII ones.
      const digits = await newThread(mentee, { title: 'Block 3 exam', body: 'question 12' });
      expect(await ids('۱۲')).toContain(digits.id);
      expect(await ids('anatomy', { tag: 'physiology' })).toEqual([]);
      expect(await ids('exam', { tag: 'physiology' })).toEqual([english.id]);
    });

    it('matches words of replies, and half-typed title words', async () => {
      const thread = await newThread(mentee, { title: 'Histology slides', body: 'Where are they?' });
      await reply(mentor, thread.id, 'In the microscopy laboratory on floor two').expect(201);
      const ids = async (q: string): Promise<string[]> => ((await list(mentee, { q }).expect(200)).body as ForumThread[]).map((x) => x.id);
      expect(await ids('microscopy')).toContain(thread.id);
      expect(await ids('histol')).toContain(thread.id);
      expect(await ids('100%_\\')).toEqual([]);
    });

    it('filters unanswered threads and pages newest first', async () => {
      const p = await newProgram(t, coordinator);
      await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push(((await ask(mentor, { title: `Q${i}`, body: 'b' }, p.id).expect(201)).body as ForumThread).id);
      await reply(coordinator, nthOf(made, 1), 'answered').expect(201);
      const page1 = (await t.http().get(`/api/programs/${p.id}/forum/threads`).set(mentor.auth).query({ limit: '2' }).expect(200)).body as ForumThread[];
      expect(page1.map((x) => x.id)).toEqual([nthOf(made, 4), nthOf(made, 3)]);
      const page2 = (await t.http().get(`/api/programs/${p.id}/forum/threads`).set(mentor.auth).query({ limit: '2', before: nthOf(made, 3) }).expect(200)).body as ForumThread[];
      expect(page2.map((x) => x.id)).toEqual([nthOf(made, 2), nthOf(made, 1)]);
      const unanswered = (await t.http().get(`/api/programs/${p.id}/forum/threads`).set(mentor.auth).query({ unanswered: 'true' }).expect(200)).body as ForumThread[];
      expect(unanswered.map((x) => x.id)).not.toContain(nthOf(made, 1));
      expect(unanswered).toHaveLength(4);
    });
  });

  describe('moderation', () => {
    it('hides a post from students and restores it; students cannot moderate', async () => {
      const thread = await newThread(mentee);
      const r = (await reply(secondMentee, thread.id, 'something rude').expect(201)).body as { id: string };
      expect((await t.http().post(`/api/forum/posts/${r.id}/hide`).set(mentor.auth)).status).toBe(404);
      const hidden = await t.http().post(`/api/forum/posts/${r.id}/hide`).set(coordinator.auth).expect(200);
      expect(hidden.body).toEqual({ id: r.id, hiddenAt: expect.any(String) });
      expect(((await open(mentee, thread.id)).body as ForumThreadDetail).replies).toHaveLength(0);
      const forCoordinator = (await open(coordinator, thread.id)).body as ForumThreadDetail;
      expect(forCoordinator.replies[0]?.hiddenAt).toEqual(expect.any(String));

      await t.http().post(`/api/forum/posts/${thread.id}/hide`).set(coordinator.auth).expect(200);
      expect((await open(mentee, thread.id)).status).toBe(404);
      expect(((await list(mentee)).body as ForumThread[]).map((x) => x.id)).not.toContain(thread.id);
      expect((await reply(mentor, thread.id, 'late')).status).toBe(404);
      await t.http().post(`/api/forum/posts/${thread.id}/restore`).set(coordinator.auth).expect(200);
      await open(mentee, thread.id).expect(200);
      const audit = (await t.dataSource.query(`SELECT action FROM audit_log WHERE program_id = $1 AND action LIKE 'forum.%'`, [programId])) as Array<{ action: string }>;
      expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['forum.post_hidden', 'forum.post_restored']));
    });

    it('pins threads as the resource list (coordinators only)', async () => {
      const thread = await newThread(coordinator, { title: 'Exam tips collection' });
      expect((await t.http().post(`/api/forum/threads/${thread.id}/pin`).set(mentee.auth).send({ pinned: true })).status).toBe(404);
      await t.http().post(`/api/forum/threads/${thread.id}/pin`).set(coordinator.auth).send({ pinned: true }).expect(200);
      const pinned = (await list(mentee, { pinned: 'true' }).expect(200)).body as ForumThread[];
      expect(pinned.map((x) => x.id)).toEqual([thread.id]);
    });

    it('takes one report per person and post, and lists them for coordinators', async () => {
      const thread = await newThread(mentee);
      await t.http().post(`/api/forum/posts/${thread.id}/report`).set(mentor.auth).send({ reason: 'Off topic' }).expect(201);
      expect((await t.http().post(`/api/forum/posts/${thread.id}/report`).set(mentor.auth).send({ reason: 'again' })).status).toBe(409);
      expect((await t.http().get(`/api/programs/${programId}/forum/reports`).set(mentee.auth)).status).toBe(404);
      const reports = (await t.http().get(`/api/programs/${programId}/forum/reports`).set(coordinator.auth).expect(200)).body as Array<{ id: string; postId: string; reason: string }>;
      const mine = reports.find((r) => r.postId === thread.id);
      expect(mine?.reason).toBe('Off topic');
      await t.http().post(`/api/forum/reports/${mine?.id}/dismiss`).set(coordinator.auth).expect(204);
      const after = (await t.http().get(`/api/programs/${programId}/forum/reports`).set(coordinator.auth).expect(200)).body as Array<{ postId: string }>;
      expect(after.map((r) => r.postId)).not.toContain(thread.id);
    });
  });

  describe('bad input and limits', () => {
    it.each([
      ['an empty title', { title: '', body: 'b' }],
      ['a blank title', { title: '   ', body: 'b' }],
      ['a 20,000-character body', { title: 't', body: 'x'.repeat(20_000) }],
      ['an unknown tag', { title: 't', body: 'b', tags: ['astrology'] }],
      ['six tags', { title: 't', body: 'b', tags: ['anatomy', 'physiology', 'exams', 'other', 'genetics', 'pathology'] }],
      ['a non-boolean anonymous', { title: 't', body: 'b', anonymous: 'yes' }],
      ['an unknown field', { title: 't', body: 'b', authorId: 'x' }],
    ])('answers 400 for %s', async (_label, body) => {
      const res = await ask(mentee, body);
      expect(res.status).toBe(400);
    });

    it.each([
      ['an unknown tag filter', { tag: 'astrology' }],
      ['a limit of 0', { limit: '0' }],
      ['a non-uuid cursor', { before: 'x' }],
      ['a 201-character query', { q: 'q'.repeat(201) }],
    ])('answers 400 to a list with %s', async (_label, query) => {
      await list(mentee, query).expect(400);
    });

    it('stores text exactly as written', async () => {
      const body = '<script>alert(1)</script> & **bold** https://example.org';
      const thread = await newThread(mentee, { body });
      expect((await open(mentor, thread.id)).body.body).toBe(body);
    });

    it(`refuses more than ${FORUM_POSTS_PER_MINUTE} posts a minute (the default) with 429 and Retry-After, across threads and replies`, async () => {
      const limited = await startTestApp();
      try {
        const c = await newCoordinator(limited);
        const chatty = await newMentee(limited);
        const p = await newProgram(limited, c);
        await enrol(limited, p.id, chatty, EnrollmentRole.Mentee);
        const first = (await limited.http().post(`/api/programs/${p.id}/forum/threads`).set(chatty.auth).send({ title: 't', body: 'b' }).expect(201)).body as ForumThread;
        for (let i = 1; i < FORUM_POSTS_PER_MINUTE; i++) await limited.http().post(`/api/forum/threads/${first.id}/replies`).set(chatty.auth).send({ body: `r${i}` }).expect(201);
        const res = await limited.http().post(`/api/programs/${p.id}/forum/threads`).set(chatty.auth).send({ title: 'one more', body: 'b' });
        expect(res.status).toBe(429);
        expect(res.body.code).toBe('FORUM_POSTING_TOO_FAST');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        // Someone else is not slowed by it.
        await limited.http().post(`/api/forum/threads/${first.id}/replies`).set(c.auth).send({ body: 'fine' }).expect(201);
      } finally {
        await limited.close();
      }
    });
  });
});

function nthOf<T>(list: readonly T[], i: number): T {
  const v = list[i];
  if (v === undefined) throw new Error(`no element ${i}`);
  return v;
}
