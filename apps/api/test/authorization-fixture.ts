import { randomUUID } from 'node:crypto';
import { EnrollmentRole, Role, type ConversationSummary } from '@pm/contracts';
import { TokenService } from '@api/auth/token.service';
import { MessageStore } from '@api/chat/message.store';
import { ForumStore } from '@api/forum/forum.store';
import { enrol, newAdmin, newCoordinator, newMentee, newMentor, newProgram, newStudent, type TestUser } from './factories';
import type { MatrixFixture } from './authorization-matrix';
import type { TestApp } from './test-app';

const inDays = (days: number, hour: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function ok<T>(res: Promise<{ status: number; body: unknown; text: string }>, status: number, what: string): Promise<T> {
  const r = await res;
  if (r.status !== status) throw new Error(`fixture: ${what} answered ${r.status}: ${r.text}`);
  return r.body as T;
}

/**
 * The world the authorization matrix and the fuzz test run in, built through the API where the API can
 * build it: program A (coordinator; mentor and mentee matched, with a session, a conversation with a message,
 * grades, rankings; a former mentee whose mentorship ended; a committed matching run) and program B (its own
 * coordinator and matched pair, with a conversation).
 */
export async function buildMatrixFixture(t: TestApp): Promise<MatrixFixture> {
  const http = t.http.bind(t);
  const coordinator = await newCoordinator(t, { fullName: 'Coordinator of A' });
  const otherCoordinator = await newCoordinator(t, { fullName: 'Coordinator of B' });
  const admin = await newAdmin(t);
  const mentor = await newMentor(t, { fullName: 'Mentor A' });
  const mentee = await newMentee(t, { fullName: 'Mentee A' });
  const formerMentee = await newMentee(t, { fullName: 'Former mentee A' });
  const otherMentor = await newMentor(t, { fullName: 'Mentor B' });
  const otherMentee = await newMentee(t, { fullName: 'Mentee B' });
  const loginUser = await newStudent(t, { fullName: 'Signs in' });

  const programA = await newProgram(t, coordinator, { name: 'Program A' });
  const programB = await newProgram(t, otherCoordinator, { name: 'Program B' });
  const mentorEnrollment = await enrol(t, programA.id, mentor, EnrollmentRole.Mentor);
  const menteeEnrollment = await enrol(t, programA.id, mentee, EnrollmentRole.Mentee);
  await enrol(t, programA.id, formerMentee, EnrollmentRole.Mentee);
  await enrol(t, programB.id, otherMentor, EnrollmentRole.Mentor);
  await enrol(t, programB.id, otherMentee, EnrollmentRole.Mentee);

  // A run computed while the pair is unmatched, then marked committed: committing it again is refused.
  const run = await ok<{ id: string }>(http().post(`/api/programs/${programA.id}/matching-runs`).set(coordinator.auth).send({ algorithm: 'optimal' }), 201, 'matching run');
  await t.dataSource.query('UPDATE matching_run SET committed_at = now() WHERE id = $1', [run.id]);

  const match = async (programId: string, by: TestUser, m: TestUser, e: TestUser): Promise<string> =>
    (await ok<{ id: string }>(http().post(`/api/programs/${programId}/mentorships`).set(by.auth).send({ menteeId: e.user.id, mentorId: m.user.id }), 201, 'mentorship')).id;
  const mentorshipId = await match(programA.id, coordinator, mentor, mentee);
  const endedMentorshipId = await match(programA.id, coordinator, mentor, formerMentee);
  await ok(http().post(`/api/programs/${programA.id}/mentorships/${endedMentorshipId}/end`).set(coordinator.auth).send({ reason: 'Moved campus' }), 200, 'end mentorship');
  const otherMentorshipId = await match(programB.id, otherCoordinator, otherMentor, otherMentee);

  const session = await ok<{ id: string }>(
    http().post('/api/sessions').set(mentee.auth).send({ mentorshipId, startsAt: inDays(10, 9), endsAt: inDays(10, 10), modality: 'virtual' }),
    201,
    'session',
  );
  await ok(http().post(`/api/programs/${programA.id}/preferences`).set(mentee.auth).send({ rankedUserIds: [mentor.user.id] }), 200, 'preferences');

  const conversationOf = async (user: TestUser, mentorship: string): Promise<string> => {
    const list = await ok<ConversationSummary[]>(http().get('/api/conversations').set(user.auth), 200, 'conversations');
    const found = list.find((c) => c.mentorshipId === mentorship);
    if (!found) throw new Error('fixture: no conversation for the mentorship');
    return found.id;
  };
  const conversationId = await conversationOf(mentee, mentorshipId);
  const otherConversationId = await conversationOf(otherMentee, otherMentorshipId);
  const messages = t.app.get(MessageStore);
  const say = async (conversation: string, sender: TestUser, body: string): Promise<string> => {
    const stored = await messages.append({ conversationId: conversation, senderId: sender.user.id, body, clientMessageId: randomUUID() });
    if (!stored) throw new Error('fixture: message not stored');
    return stored.row.id;
  };
  const messageId = await say(conversationId, mentor, 'Welcome to the program');
  const otherMessageId = await say(otherConversationId, otherMentor, 'Hello from program B');

  const csv = [
    'student_email,assessment,taken_on,score,max_score',
    `${mentee.user.email},Anatomy midterm,2026-09-10,30,50`,
    `${mentee.user.email},Anatomy final,2026-12-10,40,50`,
    `${formerMentee.user.email},Anatomy midterm,2026-09-10,35,50`,
    `${formerMentee.user.email},Anatomy final,2026-12-10,36,50`,
    '',
  ].join('\n');
  await ok(http().post(`/api/programs/${programA.id}/academic-records/import`).set(coordinator.auth).set('Content-Type', 'text/csv').send(csv), 200, 'import A');
  const csvB = ['student_email,assessment,taken_on,score,max_score', `${otherMentee.user.email},Physiology,2026-09-11,20,40`, ''].join('\n');
  await ok(http().post(`/api/programs/${programB.id}/academic-records/import`).set(otherCoordinator.auth).set('Content-Type', 'text/csv').send(csvB), 200, 'import B');

  const items = await ok<Array<{ id: string }>>(http().get(`/api/programs/${programA.id}/survey-items`).set(coordinator.auth), 200, 'survey items');
  await ok(http().get(`/api/programs/${programB.id}/survey-items`).set(otherCoordinator.auth), 200, 'survey items B');

  const feedPath = async (): Promise<string> => new URL((await ok<{ url: string }>(http().post('/api/me/calendar-feed').set(mentee.auth), 201, 'calendar feed')).url).pathname;
  const revokedCalendarFeedPath = await feedPath();
  await ok(http().delete('/api/me/calendar-feed').set(mentee.auth), 204, 'revoke feed');

  // The forum of program A: the mentee's question with the mentor's answer; throw-away replies and reports
  // for the routes that change them (hiding, reporting, dismissing).
  const forumThread = await ok<{ id: string }>(
    http().post(`/api/programs/${programA.id}/forum/threads`).set(mentee.auth).send({ title: 'How to study anatomy?', body: 'Tips welcome' }),
    201,
    'forum thread',
  );
  // Written straight to the store: through the API, this many posts would meet the per-person rate limit.
  const forumStore = t.app.get(ForumStore);
  const forumReply = (): Promise<string> => forumStore.insertReply(t.dataSource.manager, { threadId: forumThread.id, authorId: mentor.user.id, body: 'Flashcards' });
  const forumReplyId = await forumReply();
  const forumReport = async (): Promise<string> => {
    const postId = await forumReply();
    const rows: Array<{ id: string }> = await t.dataSource.query(
      `INSERT INTO forum_report (program_id, post_id, post_kind, thread_id, reporter_id, reason) VALUES ($1, $2, 'reply', $3, $4, 'Off topic') RETURNING id`,
      [programA.id, postId, forumThread.id, mentee.user.id],
    );
    return (rows[0] as { id: string }).id;
  };

  const tokens = t.app.get(TokenService);
  return {
    users: { mentee, mentor, otherMentee, otherMentor, coordinator, otherCoordinator, admin },
    loginEmail: loginUser.user.email,
    programId: programA.id,
    otherProgramId: programB.id,
    mentorEnrollmentId: mentorEnrollment.id,
    menteeEnrollmentId: menteeEnrollment.id,
    mentorshipId,
    endedMentorshipId,
    sessionId: session.id,
    conversationId,
    messageId,
    otherConversationId,
    otherMessageId,
    runId: run.id,
    surveyItemIds: items.map((i) => i.id),
    csv,
    freshRefreshToken: async () => (await tokens.issue(loginUser.user.id, Role.Student)).refreshToken,
    calendarFeedPath: feedPath,
    revokedCalendarFeedPath,
    forumThreadId: forumThread.id,
    forumReplyId,
    newForumReply: forumReply,
    newForumReport: forumReport,
    get: async (path) => {
      const res = await http().get(path);
      return { status: res.status, body: res.body as unknown, text: res.text };
    },
  };
}
