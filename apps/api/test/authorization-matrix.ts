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
  { route: 'GET /api/programs/{id}/outcomes', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
  { route: 'GET /api/programs/{id}/outcomes/export.csv', access: STAFF, who: ['coordinator'], ok: ok(200), denied: notFound('PROGRAM_NOT_FOUND'), params: program },
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
  { route: 'GET /api/sessions/{id}', access: 'signed-in', who: PAIR, ok: ok(200), denied: notFound('SESSION_NOT_FOUND'), params: session },
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
  // Each caller's feed is their own: making or revoking one leaves the mentee's address working (unless it is the mentee's).
  {
    route: 'POST /api/me/calendar-feed',
    access: 'signed-in',
    ok: ok(201),
    arrange: (f) => f.calendarFeedPath(),
    check: async (_res, caller, f, menteeFeed) => expectThat((await f.get(menteeFeed)).status === (caller === 'mentee' ? 404 : 200), `a new feed of ${caller} leaves only their own older address dead`),
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
