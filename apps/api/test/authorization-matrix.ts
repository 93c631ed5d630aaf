import { randomUUID } from 'node:crypto';
import { Role, type ChatClientEvent } from '@pm/contracts';
import { DEFAULT_SURVEY_ITEMS } from '@api/outcomes/survey-defaults';
import { TEST_PASSWORD, type TestUser } from './factories';

/**
 * Who may call what: every route of the OpenAPI document and every client event of the chat namespace, with
 * the answer each kind of caller gets. `authorization-matrix.int-spec.ts` runs every cell against the real
 * app and fails when a route or event exists without a row here (or a row names one that no longer exists);
 * `fuzz.int-spec.ts` reuses the rows to reach each route as a caller who gets past its access check.
 *
 * The fixture (built once per suite): program A with its coordinator, a mentor and a mentee matched in it
 * (with a session, a conversation, grade records, rankings), a second mentee whose mentorship with the mentor
 * ended, and a committed matching run; program B with its own coordinator and its own matched pair.
 */

/** The kinds of caller, each of them checked against every row. */
export const CALLERS = ['anonymous', 'mentee', 'mentor', 'otherMentee', 'otherMentor', 'coordinator', 'otherCoordinator', 'admin'] as const;
export type Caller = (typeof CALLERS)[number];
export type SignedIn = Exclude<Caller, 'anonymous'>;

/**
 * - mentee, mentor: the pair of program A (the mentor is "the mentee's own mentor");
 * - otherMentee, otherMentor: the pair of program B: unrelated to everything of program A;
 * - coordinator: coordinates program A; otherCoordinator: coordinates program B only;
 * - admin: an administrator, coordinator of nothing.
 */
export const ROLE_OF: Record<SignedIn, Role> = {
  mentee: Role.Student,
  mentor: Role.Student,
  otherMentee: Role.Student,
  otherMentor: Role.Student,
  coordinator: Role.Coordinator,
  otherCoordinator: Role.Coordinator,
  admin: Role.Admin,
};

export interface MatrixFixture {
  users: Record<SignedIn, TestUser>;
  /** A student who is no caller: the account `POST /api/auth/login` signs in with. */
  loginEmail: string;
  programId: string;
  otherProgramId: string;
  /** Program A: the enrolments of the pair (the mentor has capacity 3). */
  mentorEnrollmentId: string;
  menteeEnrollmentId: string;
  /** Program A: mentor and mentee, active. */
  mentorshipId: string;
  /** Program A: the mentor and a former mentee, ended. */
  endedMentorshipId: string;
  /** Program A: the pair's upcoming virtual session. */
  sessionId: string;
  conversationId: string;
  messageId: string;
  otherConversationId: string;
  otherMessageId: string;
  /** Program A: a matching run, already committed. */
  runId: string;
  surveyItemIds: string[];
  /** Program A's grade file, as imported. */
  csv: string;
  /** A refresh token of a throw-away account, unused. */
  freshRefreshToken: () => Promise<string>;
  /** A new calendar feed of the mentee: the path part of its address. */
  calendarFeedPath: () => Promise<string>;
  /** The path of a feed address the mentee revoked. */
  revokedCalendarFeedPath: string;
  /** Program A's forum: the mentee's question, and the mentor's answer to it. */
  forumThreadId: string;
  forumReplyId: string;
  /** A new answer of the mentor's to that question (for hiding and reporting). */
  newForumReply: () => Promise<string>;
  /** A new report of the mentee's, on a new answer (for dismissing). */
  newForumReport: () => Promise<string>;
  /** An anonymous GET, for checks that look at something else than the answer. */
  get: (path: string) => Promise<ResponseLike>;
}

/** The status a caller gets, with the domain error code when there is one (a 404 must be the service's, not a missing route's). */
export interface Expect {
  status: number;
  code?: string;
}

export const ok = (status = 200): Expect => ({ status });
const refused = (status: number, code: string): Expect => ({ status, code });
const notFound = (code: string): Expect => refused(404, code);
export const UNAUTHENTICATED = refused(401, 'UNAUTHENTICATED');
export const FORBIDDEN = refused(403, 'FORBIDDEN');

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteKey = `${Method} /api/${string}`;

/** What the role guard lets through: anyone (`public`), any signed-in caller, or only these roles. */
export type Access = 'public' | 'signed-in' | readonly Role[];

export interface ResponseLike {
  status: number;
  body: unknown;
  text: string;
}

export interface RouteRule {
  /** Method and path exactly as in the OpenAPI document. */
  route: RouteKey;
  /** For a second row of the same route: which object-level case it checks. */
  label?: string;
  access: Access;
  /**
   * Of the callers the guard lets through, those the service lets through too (default: all of them); the
   * others get `denied`, the same answer as for an object that does not exist.
   */
  who?: readonly SignedIn[];
  /** The answer of a caller who is let through: the route's success, or a business-rule answer past the access check. */
  ok: Expect | Partial<Record<Caller, Expect>>;
  denied?: Expect;
  params?: (f: MatrixFixture) => Record<string, string> | Promise<Record<string, string>>;
  query?: (f: MatrixFixture) => Record<string, string>;
  body?: (f: MatrixFixture, caller: Caller) => unknown;
  contentType?: 'text/csv';
  /** Served outside the OpenAPI document (the document itself). */
  undocumented?: true;
  /** Run before the request; what it returns is handed to `check`. */
  arrange?: (f: MatrixFixture) => Promise<string>;
  /** Object-level checks of a successful answer: what the caller sees (or changes) is theirs. */
  check?: (res: ResponseLike, caller: Caller, f: MatrixFixture, arranged: string) => void | Promise<void>;
}

const STAFF = [Role.Coordinator, Role.Admin] as const;
const STUDENTS = [Role.Student] as const;
const ADMIN = [Role.Admin] as const;

/** Signed-in callers related to program A. */
const PROGRAM_A_MEMBERS: readonly SignedIn[] = ['mentee', 'mentor', 'coordinator', 'admin'];
const PAIR: readonly SignedIn[] = ['mentee', 'mentor'];
/** Who may read and write program A's forum: its students and its coordinator. */
const FORUM_MEMBERS: readonly SignedIn[] = ['mentee', 'mentor', 'coordinator'];

const program = (f: MatrixFixture): Record<string, string> => ({ id: f.programId });
const session = (f: MatrixFixture): Record<string, string> => ({ id: f.sessionId });
const inTwoDays = (hours: number): string => new Date(Date.now() + 2 * 86_400_000 + hours * 3_600_000).toISOString();

function ids<T extends { id: string }>(body: unknown): string[] {
  return (body as T[]).map((x) => x.id);
}

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** True for callers who should see program A's objects in their own lists. */
const seesProgramA = (caller: Caller): boolean => PROGRAM_A_MEMBERS.includes(caller as SignedIn);

export const ROUTES: readonly RouteRule[] = [
  // ---- public -----------------------------------------------------------------------------------------
  { route: 'GET /api/health', access: 'public', ok: ok(200) },
  { route: 'GET /api/docs', access: 'public', ok: ok(200), undocumented: true },
  { route: 'GET /api/docs-json', access: 'public', ok: ok(200), undocumented: true },
  {
    route: 'POST /api/auth/register',
    access: 'public',
    ok: ok(201),
    body: () => ({ email: `matrix-${randomUUID()}@test.example`, password: 'a-long-password-1', fullName: 'New Student', yearOfStudy: 1 }),
  },
  { route: 'POST /api/auth/login', access: 'public', ok: ok(200), body: (f) => ({ email: f.loginEmail, password: TEST_PASSWORD }) },
  { route: 'POST /api/auth/refresh', access: 'public', ok: ok(200), body: async (f) => ({ refreshToken: await f.freshRefreshToken() }) },
  { route: 'POST /api/auth/logout', access: 'public', ok: ok(204), body: async (f) => ({ refreshToken: await f.freshRefreshToken() }) },
  {
    route: 'GET /api/calendar/{file}',
    label: "the mentee's feed, by its secret address",
    access: 'public',
    ok: ok(200),
    params: async (f) => ({ file: (await f.calendarFeedPath()).split('/').pop() as string }),
    check: (res, _caller, f) => expectThat(res.text.includes(f.sessionId), 'the feed lists the mentee’s session'),
  },
  {
    route: 'GET /api/calendar/{file}',
    label: 'a revoked feed address',
    access: 'public',
    ok: notFound('CALENDAR_FEED_NOT_FOUND'),
    params: (f) => ({ file: f.revokedCalendarFeedPath.split('/').pop() as string }),
  },
  {
    route: 'GET /api/calendar/{file}',
    label: 'an address nobody was given',
    access: 'public',
    ok: notFound('CALENDAR_FEED_NOT_FOUND'),
    params: () => ({ file: `${'A'.repeat(43)}.ics` }),
  },

  // ---- accounts -----------------------------------------------------------------------------------------
  { route: 'GET /api/me', access: 'signed-in', ok: ok(200), check: (res, caller, f) => expectThat((res.body as { id: string }).id === f.users[caller as SignedIn].user.id, 'me is me') },
  { route: 'GET /api/me/profile', access: 'signed-in', ok: ok(200) },
  {
    route: 'PUT /api/me/profile',
    access: STUDENTS,
    ok: ok(200),
    // The caller's own profile as it is, so the fixture's eligibility stays as built.
    body: (f, caller) => {
      const u = caller === 'anonymous' ? f.users.mentee.user : f.users[caller].user;
      return { yearOfStudy: u.yearOfStudy ?? 1, interests: u.interests, languages: u.languages, modalities: u.modalities, campus: u.campus };
    },
  },
  {
    route: 'POST /api/me/password',
    access: 'signed-in',
    // A wrong current password: the answer of a caller who got past the guard, and nothing changes.
    ok: refused(403, 'CURRENT_PASSWORD_INCORRECT'),
    body: () => ({ currentPassword: 'not-the-password', newPassword: 'another-long-password' }),
  },
  { route: 'POST /api/users', access: ADMIN, ok: ok(201), body: () => ({ email: `staff-${randomUUID()}@test.example`, password: 'a-long-password-1', fullName: 'Staff', role: 'coordinator' }) },
  { route: 'GET /api/users', access: STAFF, ok: ok(200) },
  // The admin's own account: refused past the guard, so nobody is locked out by the matrix.
  { route: 'POST /api/users/{id}/deactivate', access: ADMIN, ok: refused(400, 'CANNOT_DEACTIVATE_SELF'), params: (f) => ({ id: f.users.admin.user.id }) },
  // An active account: reactivating it changes nothing.
  { route: 'POST /api/users/{id}/reactivate', access: ADMIN, ok: ok(200), params: (f) => ({ id: f.users.mentee.user.id }) },

  // ---- programs -----------------------------------------------------------------------------------------
  { route: 'POST /api/programs', access: STAFF, ok: ok(201), body: () => ({ name: 'Matrix program', timezone: 'Europe/Berlin', startsOn: '2026-10-01', endsOn: '2027-06-30' }) },
  {
    route: 'GET /api/programs',
    access: 'signed-in',
    ok: ok(200),
    check: (res, caller, f) => expectThat(ids(res.body).includes(f.programId) === seesProgramA(caller), `program A listed for ${caller}: ${String(seesProgramA(caller))}`),
  },
  { route: 'GET /api/programs/{id}', access: 'signed-in', who: PROGRAM_A_MEMBERS, ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/programs/{id}/enrollments',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(409, 'ALREADY_ENROLLED'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: (f) => ({ userId: f.users.mentee.user.id, role: 'mentee' }),
  },
  { route: 'GET /api/programs/{id}/enrollments', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  // The mentor's capacity as it is: nothing changes.
  {
    route: 'PATCH /api/programs/{id}/enrollments/{enrollmentId}',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, enrollmentId: f.mentorEnrollmentId }),
    body: () => ({ capacity: 3 }),
  },
  // The matched mentee: refused past the access check, so the fixture keeps its pair.
  {
    route: 'DELETE /api/programs/{id}/enrollments/{enrollmentId}',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(409, 'ENROLLMENT_HAS_ACTIVE_MENTORSHIP'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, enrollmentId: f.menteeEnrollmentId }),
  },
  {
    route: 'POST /api/programs/{id}/coordinators',
    access: STAFF,
    who: ['coordinator', 'admin'],
    ok: refused(409, 'ALREADY_COORDINATOR'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: (f) => ({ userId: f.users.coordinator.user.id }),
  },
  { route: 'GET /api/programs/{id}/coordinators', access: STAFF, who: ['coordinator', 'admin'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },

  // ---- matching -----------------------------------------------------------------------------------------
  { route: 'POST /api/programs/{id}/matching-runs', access: STAFF, who: ['coordinator'], ok: ok(201), denied: notFound('PROGRAM_NOT_FOUND'), params: program, body: () => ({ algorithm: 'optimal' }) },
  { route: 'GET /api/programs/{id}/matching-runs', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'GET /api/programs/{id}/matching-runs/{runId}',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, runId: f.runId }),
  },
  {
    route: 'GET /api/programs/{id}/matching-runs/{runId}',
    label: "program A's run asked for through program B",
    access: STAFF,
    who: ['otherCoordinator'],
    ok: notFound('MATCHING_RUN_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.otherProgramId, runId: f.runId }),
  },
  {
    route: 'POST /api/programs/{id}/matching-runs/{runId}/commit',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(409, 'RUN_ALREADY_COMMITTED'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, runId: f.runId }),
  },
  {
    route: 'POST /api/programs/{id}/matching-runs/{runId}/commit',
    label: "program A's run committed through program B",
    access: STAFF,
    who: ['otherCoordinator'],
    ok: notFound('MATCHING_RUN_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.otherProgramId, runId: f.runId }),
  },
  {
    route: 'POST /api/programs/{id}/preferences',
    access: STUDENTS,
    who: PAIR,
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: (f, caller) => ({ rankedUserIds: caller === 'mentee' ? [f.users.mentor.user.id] : caller === 'mentor' ? [f.users.mentee.user.id] : [] }),
  },
  {
    route: 'GET /api/programs/{id}/preferences/me',
    access: STUDENTS,
    who: PAIR,
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    // Each side sees their own ranking, never the other's.
    check: (res, caller, f) => {
      const ranked = (res.body as { rankedUserIds: string[] }).rankedUserIds;
      const own = caller === 'mentee' ? f.users.mentor.user.id : f.users.mentee.user.id;
      expectThat(ranked.every((id) => id === own), `${caller} sees only their own ranking`);
    },
  },
  { route: 'GET /api/programs/{id}/ranking-candidates', access: STUDENTS, who: PAIR, ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/programs/{id}/exclusions',
    access: STAFF,
    who: ['coordinator'],
    // Program B's mentee is not enrolled in A: refused past the access check, nothing stored.
    ok: refused(400, 'NOT_ENROLLED_AS'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: (f) => ({ menteeId: f.users.otherMentee.user.id, mentorId: f.users.mentor.user.id }),
  },
  { route: 'GET /api/programs/{id}/exclusions', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'DELETE /api/programs/{id}/exclusions/{menteeId}/{mentorId}',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('EXCLUSION_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, menteeId: f.users.mentee.user.id, mentorId: f.users.mentor.user.id }),
  },
  {
    route: 'POST /api/programs/{id}/mentorships',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(409, 'MENTEE_ALREADY_MATCHED'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: (f) => ({ menteeId: f.users.mentee.user.id, mentorId: f.users.mentor.user.id }),
  },
  {
    route: 'POST /api/programs/{id}/mentorships',
    label: "program A's pair matched through program B",
    access: STAFF,
    who: ['otherCoordinator'],
    ok: refused(400, 'NOT_ENROLLED_AS'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.otherProgramId }),
    body: (f) => ({ menteeId: f.users.mentee.user.id, mentorId: f.users.mentor.user.id }),
  },
  { route: 'GET /api/programs/{id}/mentorships', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/programs/{id}/mentorships/{mentorshipId}/end',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(409, 'MENTORSHIP_ENDED'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, mentorshipId: f.endedMentorshipId }),
    body: () => ({ reason: 'Checked by the authorization matrix' }),
  },
  {
    route: 'POST /api/programs/{id}/mentorships/{mentorshipId}/end',
    label: "program A's mentorship ended through program B",
    access: STAFF,
    who: ['otherCoordinator'],
    ok: notFound('MENTORSHIP_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.otherProgramId, mentorshipId: f.mentorshipId }),
    body: () => ({ reason: 'Checked by the authorization matrix' }),
  },
  {
    route: 'GET /api/me/mentorships',
    access: STUDENTS,
    ok: ok(200),
    check: (res, caller, f) => expectThat(ids(res.body).includes(f.mentorshipId) === PAIR.includes(caller as SignedIn), `the A mentorship listed for ${caller} only if theirs`),
  },

  // ---- outcomes -----------------------------------------------------------------------------------------
  {
    route: 'POST /api/programs/{id}/academic-records/import',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    contentType: 'text/csv',
    body: (f) => f.csv,
  },
  {
    route: 'GET /api/programs/{id}/academic-records',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    query: (f) => ({ email: f.users.mentee.user.email }),
    check: (res, _caller, f) => expectThat((res.body as Array<{ studentEmail: string }>).every((r) => r.studentEmail === f.users.mentee.user.email), 'only the student asked for'),
  },
  {
    route: 'GET /api/programs/{id}/academic-records',
    label: "program A's mentee's grades asked for through program B",
    access: STAFF,
    who: ['otherCoordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.otherProgramId }),
    query: (f) => ({ email: f.users.mentee.user.email }),
    check: (res) => expectThat((res.body as unknown[]).length === 0, 'records belong to the program they were imported into'),
  },
  {
    route: 'GET /api/me/academic-records',
    access: STUDENTS,
    ok: ok(200),
    check: (res, caller, f) => {
      const records = res.body as Array<{ studentEmail: string }>;
      const me = f.users[caller as SignedIn].user.email;
      expectThat(records.every((r) => r.studentEmail === me), `${caller} sees only their own grades`);
      if (caller === 'mentee') expectThat(records.length > 0, 'the mentee sees their grades');
    },
  },
  {
    route: 'DELETE /api/programs/{id}/academic-records/{recordId}',
    access: STAFF,
    who: ['coordinator'],
    // A record id that is not there: the coordinator gets past the access check and the fixture keeps its grades.
    ok: notFound('ACADEMIC_RECORD_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, recordId: randomUUID() }),
  },
  { route: 'GET /api/programs/{id}/outcomes', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/outcomes/export.csv', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  // ---- evaluation: randomized allocation, the report (issue 15) ------------------------------------------
  {
    route: 'GET /api/programs/{id}/outcomes/report',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    query: () => ({ lang: 'fa' }),
    check: (res) => expectThat(res.text.includes('dir="rtl"'), 'the Persian report is right to left'),
  },
  {
    route: 'POST /api/programs/{id}/allocations',
    access: STAFF,
    who: ['coordinator'],
    // Program A already has mentorships: the lottery must come before matching.
    ok: refused(409, 'ALLOCATION_AFTER_MATCHING'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ places: 1, seed: 'matrix' }),
  },
  { route: 'GET /api/programs/{id}/allocations', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/programs/{id}/allocations/{allocationId}/follow-on',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('ALLOCATION_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, allocationId: randomUUID() }),
    body: (f) => ({ targetProgramId: f.otherProgramId }),
  },
  { route: 'GET /api/programs/{id}/audit-log', access: STAFF, who: ['coordinator', 'admin'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/survey-items', access: 'signed-in', who: PROGRAM_A_MEMBERS, ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'PUT /api/programs/{id}/survey-items',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ items: DEFAULT_SURVEY_ITEMS.map((i) => ({ key: i.key, text: i.text })) }),
  },
  {
    route: 'POST /api/programs/{id}/survey-responses',
    access: STUDENTS,
    who: PAIR,
    // An incomplete answer sheet: refused past the access check. The mentor is in the program but not a mentee.
    ok: { mentee: refused(400, 'INVALID_SURVEY_ANSWERS'), mentor: FORBIDDEN },
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ answers: [] }),
  },
  { route: 'GET /api/programs/{id}/survey-summary', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/survey-item-sets', access: STAFF, ok: ok(200) },
  {
    route: 'GET /api/programs/{id}/survey-waves',
    access: STUDENTS,
    who: PAIR,
    ok: { mentee: ok(200), mentor: FORBIDDEN },
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
  },

  // ---- sessions and calendars ----------------------------------------------------------------------------
  {
    route: 'POST /api/sessions',
    access: 'signed-in',
    who: PAIR,
    // A start in the past: refused past the access check, nothing booked.
    ok: refused(400, 'SESSION_IN_PAST'),
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    body: (f) => ({ mentorshipId: f.mentorshipId, startsAt: '2020-01-01T10:00:00Z', endsAt: '2020-01-01T11:00:00Z', modality: 'virtual' }),
  },
  {
    route: 'GET /api/me/sessions',
    access: 'signed-in',
    ok: ok(200),
    check: (res, caller, f) => expectThat(ids(res.body).includes(f.sessionId) === PAIR.includes(caller as SignedIn), `the pair's session listed for ${caller} only if theirs`),
  },
  { route: 'GET /api/me/open-group-sessions', access: 'signed-in', ok: ok(200) },
  // Coordinators of its program see it too, in their own shape (log without a note, no meeting link).
  { route: 'GET /api/sessions/{id}', access: 'signed-in', who: [...PAIR, 'coordinator'], ok: ok(200), denied: notFound('SESSION_NOT_FOUND'), params: session },
  {
    route: 'PATCH /api/sessions/{id}',
    access: 'signed-in',
    who: PAIR,
    // A room for a virtual session: refused past the access check.
    ok: refused(400, 'INVALID_SESSION_UPDATE'),
    denied: notFound('SESSION_NOT_FOUND'),
    params: session,
    body: () => ({ location: 'Room 1' }),
  },
  {
    route: 'PUT /api/sessions/{id}/attendance',
    access: 'signed-in',
    who: PAIR,
    ok: { mentor: refused(409, 'SESSION_NOT_STARTED'), mentee: FORBIDDEN },
    denied: notFound('SESSION_NOT_FOUND'),
    params: session,
    body: (f) => ({ records: [{ menteeId: f.users.mentee.user.id, attendance: 'attended' }] }),
  },
  // Only a mentee of the session's mentor may take a seat; this one is not a group session.
  { route: 'POST /api/sessions/{id}/join', access: 'signed-in', who: ['mentee'], ok: refused(400, 'NOT_A_GROUP_SESSION'), denied: notFound('SESSION_NOT_FOUND'), params: session },
  {
    route: 'POST /api/sessions/{id}/leave',
    access: 'signed-in',
    who: PAIR,
    ok: { mentee: refused(400, 'NOT_A_GROUP_SESSION'), mentor: FORBIDDEN },
    denied: notFound('SESSION_NOT_FOUND'),
    params: session,
  },
  { route: 'GET /api/sessions/{id}/calendar.ics', access: 'signed-in', who: PAIR, ok: ok(200), denied: notFound('SESSION_NOT_FOUND'), params: session },
  { route: 'GET /api/me/availability', access: 'signed-in', ok: ok(200) },
  { route: 'PUT /api/me/availability', access: 'signed-in', ok: ok(200), body: () => ({ timeZone: 'Europe/Berlin', bufferMinutes: 0, weekly: [], overrides: [] }) },
  { route: 'DELETE /api/me/availability', access: 'signed-in', ok: ok(204) },
  {
    route: 'GET /api/mentorships/{id}/slots',
    access: 'signed-in',
    who: PAIR,
    ok: ok(200),
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId }),
    query: () => ({ from: inTwoDays(0), to: inTwoDays(24) }),
  },
  // Each caller's feed is their own: asking for it again changes nothing, replacing or revoking kills only the caller's own address.
  {
    route: 'POST /api/me/calendar-feed',
    access: 'signed-in',
    ok: ok(201),
    arrange: (f) => f.calendarFeedPath(),
    check: async (_res, caller, f, menteeFeed) => expectThat((await f.get(menteeFeed)).status === 200, `asking ${caller}'s feed again leaves the mentee's address working`),
  },
  {
    route: 'POST /api/me/calendar-feed/replace',
    access: 'signed-in',
    ok: ok(201),
    arrange: (f) => f.calendarFeedPath(),
    check: async (_res, caller, f, menteeFeed) => expectThat((await f.get(menteeFeed)).status === (caller === 'mentee' ? 404 : 200), `replacing ${caller}'s feed leaves only their own older address dead`),
  },
  { route: 'GET /api/me/calendar-feed', access: 'signed-in', ok: ok(200) },
  {
    route: 'DELETE /api/me/calendar-feed',
    access: 'signed-in',
    ok: ok(204),
    arrange: (f) => f.calendarFeedPath(),
    check: async (_res, caller, f, menteeFeed) => expectThat((await f.get(menteeFeed)).status === (caller === 'mentee' ? 404 : 200), `${caller} revokes only their own feed`),
  },

  // ---- chat (REST side) ---------------------------------------------------------------------------------
  {
    route: 'GET /api/conversations',
    access: 'signed-in',
    ok: ok(200),
    check: (res, caller, f) => expectThat(ids(res.body).includes(f.conversationId) === PAIR.includes(caller as SignedIn), `the pair's conversation listed for ${caller} only if theirs`),
  },
  {
    route: 'GET /api/conversations/{id}/messages',
    access: 'signed-in',
    who: PAIR,
    ok: ok(200),
    denied: notFound('CONVERSATION_NOT_FOUND'),
    params: (f) => ({ id: f.conversationId }),
  },

  // ---- notifications: each caller's own; failed mails for admins --------------------------------------
  { route: 'GET /api/me/notifications', access: 'signed-in', ok: ok(200) },
  { route: 'GET /api/me/notifications/unread', access: 'signed-in', ok: ok(200) },
  { route: 'POST /api/me/notifications/read', access: 'signed-in', ok: ok(200), body: () => ({ all: true }) },
  { route: 'GET /api/me/notification-settings', access: 'signed-in', ok: ok(200) },
  { route: 'PUT /api/me/notification-settings', access: 'signed-in', ok: ok(200), body: () => ({ email: true, language: 'en' }) },
  { route: 'GET /api/admin/failed-mails', access: ADMIN, ok: ok(200) },

  // ---- onboarding: roster import, invitations, join codes, program settings, school sign-in -------------
  {
    route: 'POST /api/programs/{id}/roster/import',
    access: STAFF,
    who: ['coordinator'],
    // The program's own mentee as enrolled: the import changes nothing.
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    contentType: 'text/csv',
    body: (f) => `email,full_name,year_of_study,role,capacity\n${f.users.mentee.user.email},Mentee A,${f.users.mentee.user.yearOfStudy ?? 1},mentee,\n`,
    check: (res) => expectThat((res.body as { unchanged: number }).unchanged === 1, 'a row identical to the enrolment is unchanged'),
  },
  { route: 'GET /api/programs/{id}/invitations', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/programs/{id}/invitations/{invitationId}/resend',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('INVITATION_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, invitationId: randomUUID() }),
  },
  { route: 'GET /api/auth/invitations/{token}', access: 'public', ok: notFound('INVITATION_NOT_FOUND'), params: () => ({ token: 'A'.repeat(43) }) },
  { route: 'POST /api/auth/invitations/accept', access: 'public', ok: notFound('INVITATION_NOT_FOUND'), body: () => ({ token: 'A'.repeat(43), password: 'a-long-password-1' }) },
  { route: 'POST /api/programs/{id}/join-codes', access: STAFF, who: ['coordinator'], ok: ok(201), denied: notFound('PROGRAM_NOT_FOUND'), params: program, body: () => ({ role: 'mentee' }) },
  { route: 'GET /api/programs/{id}/join-codes', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'DELETE /api/programs/{id}/join-codes/{code}',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('JOIN_CODE_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, code: 'ZZZZZZZZ' }),
  },
  { route: 'GET /api/join-codes/{code}', access: 'signed-in', ok: notFound('JOIN_CODE_NOT_FOUND'), params: () => ({ code: 'ZZZZZZZZ' }) },
  { route: 'POST /api/join', access: STUDENTS, ok: notFound('JOIN_CODE_NOT_FOUND'), body: () => ({ code: 'ZZZZZZZZ' }) },
  // The program's own name: a PATCH that changes nothing.
  { route: 'PATCH /api/programs/{id}', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program, body: () => ({ name: 'Program A' }) },
  // A wrong confirmation: refused past the access check, so the matrix never closes program A.
  {
    route: 'POST /api/programs/{id}/close',
    access: STAFF,
    who: ['coordinator'],
    ok: refused(400, 'CLOSE_CONFIRMATION_MISMATCH'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ confirmName: 'Not the program name' }),
  },
  { route: 'GET /api/auth/oidc', access: 'public', ok: ok(200) },
  // The matrix app has no OIDC_ISSUER: starting answers 404 and the callback sends the browser back with the code.
  { route: 'GET /api/auth/oidc/start', access: 'public', ok: notFound('OIDC_NOT_CONFIGURED') },
  { route: 'GET /api/auth/oidc/callback', access: 'public', ok: ok(302) },
  { route: 'POST /api/auth/oidc/exchange', access: 'public', ok: refused(401, 'OIDC_SIGN_IN_FAILED'), body: () => ({ code: 'A'.repeat(43) }) },

  // ---- running the relationship: agreements, session logs, check-ins, referrals, pair health, mentor hours ----
  {
    route: 'GET /api/mentorships/{id}/agreement',
    access: 'signed-in',
    who: [...PAIR, 'coordinator'],
    ok: ok(200),
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId }),
  },
  // Before the sign row: the pair saves the text both then sign.
  {
    route: 'PUT /api/mentorships/{id}/agreement',
    access: STUDENTS,
    who: PAIR,
    ok: ok(200),
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId }),
    body: () => ({ goals: ['Pass the anatomy block'], meetingsPerMonth: 2 }),
  },
  { route: 'POST /api/mentorships/{id}/agreement/sign', access: STUDENTS, who: PAIR, ok: ok(200), denied: notFound('MENTORSHIP_NOT_FOUND'), params: (f) => ({ id: f.mentorshipId }), body: () => ({}) },
  {
    route: 'PUT /api/mentorships/{id}/agreement/goals/{goalId}/achieved',
    access: STUDENTS,
    who: PAIR,
    ok: notFound('GOAL_NOT_FOUND'),
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId, goalId: randomUUID() }),
    body: () => ({ achieved: true }),
  },
  { route: 'GET /api/programs/{id}/agreement-template', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'PUT /api/programs/{id}/agreement-template',
    access: STAFF,
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ goals: { en: ['Pass the first block'], fa: ['قبولی در بلوک اول'] }, meetingsPerMonth: 2, confidentiality: { en: 'Between us.', fa: 'میان ما.' } }),
  },
  // The fixture's session is upcoming: the mentor is refused past the access check (409), the mentee is not the one who logs.
  {
    route: 'PUT /api/sessions/{id}/log',
    access: STUDENTS,
    who: PAIR,
    ok: { mentor: refused(409, 'SESSION_NOT_STARTED'), mentee: FORBIDDEN },
    denied: notFound('SESSION_NOT_FOUND'),
    params: session,
    body: () => ({ topics: ['exams'], minutes: 30 }),
  },
  { route: 'GET /api/mentorships/{id}/session-logs', access: 'signed-in', who: [...PAIR, 'coordinator'], ok: ok(200), denied: notFound('MENTORSHIP_NOT_FOUND'), params: (f) => ({ id: f.mentorshipId }) },
  { route: 'GET /api/programs/{id}/session-logs', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/session-logs/export.csv', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'POST /api/mentorships/{id}/check-ins',
    access: STUDENTS,
    who: PAIR,
    ok: { mentee: ok(201), mentor: FORBIDDEN },
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId }),
    body: () => ({ rating: 4 }),
  },
  // The mentee's answers are never the mentor's to read.
  {
    route: 'GET /api/mentorships/{id}/check-ins',
    access: 'signed-in',
    who: [...PAIR, 'coordinator'],
    ok: { mentee: ok(200), mentor: FORBIDDEN, coordinator: ok(200) },
    denied: notFound('MENTORSHIP_NOT_FOUND'),
    params: (f) => ({ id: f.mentorshipId }),
  },
  { route: 'GET /api/me/check-ins/due', access: STUDENTS, ok: ok(200) },
  { route: 'POST /api/programs/{id}/referrals', access: STUDENTS, who: PAIR, ok: ok(201), denied: notFound('PROGRAM_NOT_FOUND'), params: program, body: () => ({ message: 'I would like to talk to someone' }) },
  { route: 'GET /api/programs/{id}/referrals', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'GET /api/programs/{id}/referrals/{referralId}',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('REFERRAL_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, referralId: randomUUID() }),
  },
  {
    route: 'POST /api/programs/{id}/referrals/{referralId}/close',
    access: STAFF,
    who: ['coordinator'],
    ok: notFound('REFERRAL_NOT_FOUND'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, referralId: randomUUID() }),
    body: () => ({ note: 'Talked to the student' }),
  },
  {
    route: 'GET /api/me/referrals',
    access: STUDENTS,
    ok: ok(200),
    // Program A's requests come from its pair: nobody else is shown one.
    check: (res, caller, f) =>
      expectThat(PAIR.includes(caller as SignedIn) || (res.body as Array<{ programId: string }>).every((r) => r.programId !== f.programId), 'only the caller’s own requests'),
  },
  { route: 'GET /api/programs/{id}/health', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/mentor-hours', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/mentor-hours.csv', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  // Program A has not ended: refused past the access check.
  {
    route: 'GET /api/programs/{id}/mentor-hours/{mentorId}/certificate',
    access: 'signed-in',
    who: ['coordinator', 'mentor'],
    ok: refused(409, 'CERTIFICATE_NOT_AVAILABLE'),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: (f) => ({ id: f.programId, mentorId: f.users.mentor.user.id }),
  },

  // ---- forum ----------------------------------------------------------------------------------------------
  // Program A's students and its coordinator; an admin who does not coordinate it is no member either.
  {
    route: 'POST /api/programs/{id}/forum/threads',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    ok: ok(201),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    body: () => ({ title: 'Checked by the authorization matrix', body: 'Question' }),
  },
  {
    route: 'GET /api/programs/{id}/forum/threads',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    ok: ok(200),
    denied: notFound('PROGRAM_NOT_FOUND'),
    params: program,
    check: (res, _caller, f) => expectThat(ids(res.body).includes(f.forumThreadId), 'the question is listed'),
  },
  { route: 'GET /api/programs/{id}/forum/reports', access: 'signed-in', who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  {
    route: 'GET /api/forum/threads/{id}',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    ok: ok(200),
    denied: notFound('FORUM_THREAD_NOT_FOUND'),
    params: (f) => ({ id: f.forumThreadId }),
  },
  {
    route: 'POST /api/forum/threads/{id}/replies',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    ok: ok(201),
    denied: notFound('FORUM_THREAD_NOT_FOUND'),
    params: (f) => ({ id: f.forumThreadId }),
    body: () => ({ body: 'An answer from the matrix' }),
  },
  {
    route: 'POST /api/forum/threads/{id}/accept',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    // The asker and the coordinator mark the answer; the mentor may read but not choose.
    ok: { mentee: ok(200), coordinator: ok(200), mentor: refused(403, 'FORUM_NOT_THREAD_AUTHOR') },
    denied: notFound('FORUM_THREAD_NOT_FOUND'),
    params: (f) => ({ id: f.forumThreadId }),
    body: (f) => ({ replyId: f.forumReplyId }),
  },
  {
    route: 'POST /api/forum/threads/{id}/pin',
    access: 'signed-in',
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('FORUM_THREAD_NOT_FOUND'),
    params: (f) => ({ id: f.forumThreadId }),
    body: () => ({ pinned: false }),
  },
  {
    route: 'POST /api/forum/posts/{id}/hide',
    access: 'signed-in',
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('FORUM_POST_NOT_FOUND'),
    params: async (f) => ({ id: await f.newForumReply() }),
  },
  {
    route: 'POST /api/forum/posts/{id}/restore',
    access: 'signed-in',
    who: ['coordinator'],
    ok: ok(200),
    denied: notFound('FORUM_POST_NOT_FOUND'),
    params: async (f) => ({ id: await f.newForumReply() }),
  },
  {
    route: 'POST /api/forum/posts/{id}/report',
    access: 'signed-in',
    who: FORUM_MEMBERS,
    ok: ok(201),
    denied: notFound('FORUM_POST_NOT_FOUND'),
    params: async (f) => ({ id: await f.newForumReply() }),
    body: () => ({ reason: 'Checked by the matrix' }),
  },
  {
    route: 'POST /api/forum/reports/{id}/dismiss',
    access: 'signed-in',
    who: ['coordinator'],
    ok: ok(204),
    denied: notFound('FORUM_POST_NOT_FOUND'),
    params: async (f) => ({ id: await f.newForumReport() }),
  },
];

/** The answer `caller` should get from a row. */
export function expectedFor(rule: RouteRule, caller: Caller): Expect {
  const success = (): Expect => {
    if ('status' in rule.ok) return rule.ok as Expect;
    const own = (rule.ok as Partial<Record<Caller, Expect>>)[caller];
    if (!own) throw new Error(`${rule.route}: no answer given for ${caller}`);
    return own;
  };
  if (rule.access === 'public') return success();
  if (caller === 'anonymous') return UNAUTHENTICATED;
  if (rule.access !== 'signed-in' && !rule.access.includes(ROLE_OF[caller])) return FORBIDDEN;
  if (!rule.who || rule.who.includes(caller)) return success();
  if (!rule.denied) throw new Error(`${rule.route}: no answer given for callers the service refuses`);
  return rule.denied;
}

/** A caller the row lets through to the service (the fuzz test calls each route as this caller). */
export function admittedCaller(rule: RouteRule): Caller {
  const refusals = new Set([UNAUTHENTICATED, FORBIDDEN, rule.denied]);
  const passes = CALLERS.filter((c) => !refusals.has(expectedFor(rule, c)));
  // Prefer a signed-in caller on public routes too: a token must not change their answer either.
  return passes.find((c) => c !== 'anonymous') ?? passes[0] ?? 'anonymous';
}

export function rowName(rule: RouteRule): string {
  return rule.label ? `${rule.route} (${rule.label})` : rule.route;
}

/** Fills `{param}` placeholders; each value is one path segment. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

// ---- socket events ------------------------------------------------------------------------------------

export interface EventRule {
  label?: string;
  /** Signed-in callers whose event succeeds (`{ok: true}`); the others get `{ok: false, code: denied}`. */
  who: readonly SignedIn[] | 'all';
  denied?: string;
  /** A different error code for some callers. */
  deniedFor?: Partial<Record<SignedIn, string>>;
  payload: (f: MatrixFixture, caller: SignedIn) => unknown;
}

const members: readonly SignedIn[] = PAIR;
const conversationOf = (f: MatrixFixture): { conversationId: string } => ({ conversationId: f.conversationId });

/** One row per client event (a missing event does not compile), all about program A's pair's conversation. */
export const EVENTS: { readonly [E in ChatClientEvent]: EventRule } = {
  'conversation:join': { who: members, denied: 'CONVERSATION_NOT_FOUND', payload: (f) => ({ ...conversationOf(f), afterMessageId: f.messageId }) },
  'message:send': { who: members, denied: 'CONVERSATION_NOT_FOUND', payload: (f) => ({ ...conversationOf(f), body: 'Checked by the authorization matrix', clientMessageId: randomUUID() }) },
  'typing:set': { who: members, denied: 'CONVERSATION_NOT_FOUND', payload: (f) => ({ ...conversationOf(f), typing: true }) },
  'conversation:read': { who: members, denied: 'CONVERSATION_NOT_FOUND', payload: (f) => ({ ...conversationOf(f), messageId: f.messageId }) },
  'presence:query': { who: members, denied: 'CONVERSATION_NOT_FOUND', payload: (f) => conversationOf(f) },
  'auth:refresh': { who: 'all', payload: (f, caller) => ({ token: f.users[caller].token }) },
};

/** What an event answers `caller`: true for `{ok: true}`, else the error code. */
export function expectedAck(rule: EventRule, caller: SignedIn): true | string {
  if (rule.who === 'all' || rule.who.includes(caller)) return true;
  const code = rule.deniedFor?.[caller] ?? rule.denied;
  if (!code) throw new Error('an event rule refusing callers must name the code');
  return code;
}

/** Object-level variants of events. */
export const EVENT_VARIANTS: ReadonlyArray<EventRule & { event: ChatClientEvent; label: string }> = [
  {
    event: 'auth:refresh',
    label: "another account's token",
    who: [],
    denied: 'UNAUTHENTICATED',
    payload: (f, caller) => ({ token: (caller === 'mentee' ? f.users.mentor : f.users.mentee).token }),
  },
  {
    event: 'conversation:read',
    label: "a message of program B's conversation, read in the pair's",
    who: [],
    denied: 'CONVERSATION_NOT_FOUND',
    deniedFor: { mentee: 'MESSAGE_NOT_FOUND', mentor: 'MESSAGE_NOT_FOUND' },
    payload: (f) => ({ conversationId: f.conversationId, messageId: f.otherMessageId }),
  },
  {
    event: 'message:send',
    label: "program B's conversation",
    who: ['otherMentee', 'otherMentor'],
    denied: 'CONVERSATION_NOT_FOUND',
    payload: (f) => ({ conversationId: f.otherConversationId, body: 'hello', clientMessageId: randomUUID() }),
  },
];
