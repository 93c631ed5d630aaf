import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { CHAT_CLIENT_EVENTS, CHAT_NAMESPACE, ChatErrorCode, type ChatClientEvent } from '@pm/contracts';
import { buildMatrixFixture } from './authorization-fixture';
import { admittedCaller, CALLERS, fillPath, ROUTES, type Caller, type MatrixFixture, type RouteKey, type RouteRule } from './authorization-matrix';
import { newStudent } from './factories';
import { startTestApp, type TestApp } from './test-app';

/**
 * Property-based fuzzing of every request body, query string, path parameter and chat event payload. Each
 * route is called as a caller its access check lets through (from the authorization matrix), with bodies
 * generated from its OpenAPI schema and then broken: wrong types, missing and extra fields, huge strings,
 * RTL text, emoji, NUL bytes, lone surrogates, numbers out of range, arrays where objects belong. Whatever
 * comes in, the answer is never a 5xx, an error has the contract's shape, and no row changes that the route
 * may not change (none at all when it refuses).
 *
 * Seeded: the seed is printed; `FUZZ_SEED=<seed>` replays a run, `FUZZ_RUNS=<n>` sets runs per route.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 50);
process.stdout.write(`fuzz.int-spec: seed ${SEED}, ${RUNS} runs per route (replay with FUZZ_SEED=${SEED})\n`);

// ---- what each route may write when it succeeds --------------------------------------------------------

type Table =
  | 'academic_record'
  | 'app_user'
  | 'audit_log'
  | 'availability_override'
  | 'availability_rule'
  | 'calendar_feed'
  | 'chat_message'
  | 'conversation'
  | 'conversation_read'
  | 'enrollment'
  | 'match_exclusion'
  | 'match_preference'
  | 'matching_run'
  | 'mentor_schedule'
  | 'mentoring_session'
  | 'mentorship'
  | 'program'
  | 'program_coordinator'
  | 'refresh_token'
  | 'session_attendee'
  | 'survey_answer'
  | 'survey_item'
  | 'survey_response'
  // onboarding
  | 'invitation'
  | 'join_code'
  | 'oidc_login'
  | 'user_identity'
  // relationship
  | 'mentorship_agreement'
  | 'agreement_template'
  | 'session_log'
  | 'mentorship_check_in'
  | 'referral'
  | 'pair_health_state'
  | 'notification'
  // notifications
  | 'notification_setting'
  | 'notification_conversation_seen'
  // forum
  | 'forum_thread'
  | 'forum_reply'
  | 'forum_report'
  | 'forum_watch';

const SCHEDULE: Table[] = ['mentor_schedule', 'availability_rule', 'availability_override'];
/** Tables a successful call may change; every other table must stay exactly as it was. */
const WRITES: Partial<Record<RouteKey, Table[]>> = {
  'POST /api/auth/register': ['app_user', 'refresh_token', 'audit_log'],
  'POST /api/auth/login': ['refresh_token', 'app_user'],
  'POST /api/auth/refresh': ['refresh_token'],
  'POST /api/auth/logout': ['refresh_token'],
  'POST /api/me/password': ['app_user', 'refresh_token', 'audit_log'],
  'PUT /api/me/profile': ['app_user'],
  'POST /api/users': ['app_user', 'audit_log'],
  'POST /api/users/{id}/deactivate': ['app_user', 'refresh_token', 'audit_log'],
  'POST /api/users/{id}/reactivate': ['app_user', 'audit_log'],
  'POST /api/programs': ['program', 'program_coordinator'],
  'POST /api/programs/{id}/enrollments': ['enrollment'],
  'POST /api/programs/{id}/coordinators': ['program_coordinator', 'audit_log'],
  'POST /api/programs/{id}/matching-runs': ['matching_run'],
  'POST /api/programs/{id}/matching-runs/{runId}/commit': ['mentorship', 'matching_run', 'notification', 'conversation'],
  'PATCH /api/programs/{id}/enrollments/{enrollmentId}': ['enrollment', 'audit_log'],
  'DELETE /api/programs/{id}/enrollments/{enrollmentId}': ['enrollment', 'match_preference', 'match_exclusion', 'audit_log'],
  'POST /api/programs/{id}/preferences': ['match_preference'],
  'POST /api/programs/{id}/exclusions': ['match_exclusion'],
  'DELETE /api/programs/{id}/exclusions/{menteeId}/{mentorId}': ['match_exclusion'],
  'POST /api/programs/{id}/mentorships': ['mentorship', 'notification', 'conversation'],
  'POST /api/programs/{id}/mentorships/{mentorshipId}/end': ['mentorship'],
  'POST /api/programs/{id}/academic-records/import': ['academic_record', 'audit_log'],
  'GET /api/programs/{id}/academic-records': ['audit_log'],
  'GET /api/programs/{id}/outcomes/export.csv': ['audit_log'],
  'GET /api/programs/{id}/survey-items': ['survey_item'],
  'PUT /api/programs/{id}/survey-items': ['survey_item'],
  'POST /api/programs/{id}/survey-responses': ['survey_response', 'survey_answer'],
  'GET /api/programs/{id}/survey-summary': ['survey_item'],
  'POST /api/sessions': ['mentoring_session', 'session_attendee', 'notification'],
  'PATCH /api/sessions/{id}': ['mentoring_session', 'session_attendee', 'notification'],
  'PUT /api/sessions/{id}/attendance': ['session_attendee'],
  'POST /api/sessions/{id}/join': ['session_attendee'],
  'POST /api/sessions/{id}/leave': ['session_attendee'],
  'PUT /api/me/availability': SCHEDULE,
  'DELETE /api/me/availability': SCHEDULE,
  'POST /api/me/calendar-feed': ['calendar_feed'],
  'POST /api/me/calendar-feed/replace': ['calendar_feed'],
  'DELETE /api/me/calendar-feed': ['calendar_feed'],
  'GET /api/conversations': ['conversation'],
  // onboarding
  'POST /api/programs/{id}/roster/import': ['app_user', 'enrollment', 'invitation', 'audit_log'],
  'POST /api/programs/{id}/invitations/{invitationId}/resend': ['invitation', 'audit_log'],
  'POST /api/auth/invitations/accept': ['app_user', 'invitation', 'refresh_token', 'audit_log'],
  'POST /api/programs/{id}/join-codes': ['join_code', 'audit_log'],
  'DELETE /api/programs/{id}/join-codes/{code}': ['join_code', 'audit_log'],
  'POST /api/join': ['enrollment', 'audit_log'],
  'PATCH /api/programs/{id}': ['program', 'audit_log'],
  'POST /api/programs/{id}/close': ['program', 'join_code', 'audit_log'],
  'GET /api/auth/oidc/start': ['oidc_login'],
  'POST /api/auth/oidc/exchange': ['oidc_login', 'refresh_token'],
  // relationship: a check-in or a referral may turn the pair to need attention, which records its status and notifies
  'PUT /api/mentorships/{id}/agreement': ['mentorship_agreement'],
  'POST /api/mentorships/{id}/agreement/sign': ['mentorship_agreement'],
  'PUT /api/mentorships/{id}/agreement/goals/{goalId}/achieved': ['mentorship_agreement'],
  'PUT /api/programs/{id}/agreement-template': ['agreement_template'],
  'PUT /api/sessions/{id}/log': ['session_log', 'mentorship_agreement'],
  'POST /api/mentorships/{id}/check-ins': ['mentorship_check_in', 'pair_health_state', 'notification'],
  'POST /api/programs/{id}/referrals': ['referral', 'pair_health_state', 'notification'],
  'GET /api/programs/{id}/referrals': ['audit_log'],
  'GET /api/programs/{id}/referrals/{referralId}': ['audit_log'],
  'POST /api/programs/{id}/referrals/{referralId}/close': ['referral', 'audit_log'],
  'GET /api/programs/{id}/health': ['pair_health_state', 'notification'],
  // notifications: a booking, a change or a match notifies (match_made also makes the pair's conversation)
  'POST /api/me/notifications/read': ['notification'],
  'PUT /api/me/notification-settings': ['notification_setting'],
  // forum: posting follows the thread (forum_watch) and a reply tells its followers (notification)
  'POST /api/programs/{id}/forum/threads': ['forum_thread', 'forum_watch'],
  'GET /api/forum/threads/{id}': ['forum_watch'],
  'POST /api/forum/threads/{id}/replies': ['forum_reply', 'forum_watch', 'notification'],
  'POST /api/forum/threads/{id}/accept': ['forum_thread'],
  'POST /api/forum/threads/{id}/pin': ['forum_thread'],
  'POST /api/forum/posts/{id}/hide': ['forum_thread', 'forum_reply', 'audit_log'],
  'POST /api/forum/posts/{id}/restore': ['forum_thread', 'forum_reply', 'audit_log'],
  'POST /api/forum/posts/{id}/report': ['forum_report'],
  'POST /api/forum/reports/{id}/dismiss': ['forum_report'],
};

const EVENT_WRITES: { readonly [E in ChatClientEvent]: Table[] } = {
  'conversation:join': ['notification_conversation_seen'],
  'message:send': ['chat_message', 'conversation'],
  'typing:set': [],
  'conversation:read': ['conversation_read'],
  'presence:query': [],
  'auth:refresh': [],
};

/** Fields that would matter if a body could smuggle them in. */
const SENSITIVE_FIELDS = ['role', 'userId', 'score', 'mentorId', 'programId', 'isAdmin', 'id', 'createdById', 'deactivatedAt', 'passwordHash'] as const;

// ---- schemas and generators ------------------------------------------------------------------------------

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components: { schemas: Record<string, Schema> };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const MB = 1024 * 1024;
const repeat = (s: string, n: number): string => s.repeat(n);

/** Strings that break things: encodings, sizes, formats that almost parse, injections. */
const NASTY_STRINGS: string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'سلام دنیا ۱۲۳',
  '👩‍⚕️🩺💉',
  '\u200B\u200D\uFEFF',
  repeat('x', MB),
  repeat('x', 900_000),
  repeat('ü', 100_000),
  repeat('9', 400),
  'NaN',
  'Infinity',
  '-1',
  '1.5',
  '1e308',
  '0x10',
  ' 42 ',
  'true',
  'null',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '../../etc/passwd',
  "'; DROP TABLE app_user; --",
  '<script>alert(1)</script>',
  '%00',
  '{}',
  '__proto__',
  'constructor',
  'Etc/GMT+99',
  '25:99',
  '24:00',
  'a@b',
  `${repeat('a', 300)}@example.com`,
];

/** Instants and dates just outside what PostgreSQL or a calendar accepts. */
const NASTY_TIMES: string[] = [
  '0000-01-01T00:00:00Z',
  '0000-12-31T23:59:59+01:00',
  '2030-05-06T10:00:00+18:59',
  '2030-05-06T10:00:00-16:00',
  '9999-12-31T23:59:59-18:00',
  '2030-02-30T10:00:00Z',
  '2030-05-06T24:00:00Z',
  '2030-05-06T10:00:00',
  '2030-05-06T10:00:00.123456789Z',
  '+275760-09-13T00:00:00.000Z',
  '1969-12-31T23:59:59Z',
  '0000-01-01',
  '9999-12-31',
  '2026-02-29',
  '2028-02-29',
];

/** Characters appended, prepended or inserted into an otherwise valid string. */
const INFIXES = ['\u0000', '\ud800', '\udc00', '\u202E', '\u200F', '👩‍⚕️', '\u200B', '\uFEFF', 'ـ', '\n', '\t', "'", '"', '\\', '%', ' '];

const NASTY_NUMBERS = [0, -1, -0, 0.5, 1.5, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, 5e-324, 1e21];

function protoObject(): Json {
  const o: Record<string, Json> = {};
  Object.defineProperty(o, '__proto__', { value: { isAdmin: true, role: 'admin' }, enumerable: true, configurable: true, writable: true });
  return o;
}

function deep(depth: number): Json {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Anything at all in place of a value: wrong types, arrays where objects belong, very deep or very long. */
const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS, ...NASTY_TIMES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.constantFrom<Json>(...NASTY_NUMBERS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 3, arbitrary: fc.constantFrom<Json>(null, true, false, [], [1, 'a'], {}, { a: 1 }, ['\u0000'], [[[]]]) },
  { weight: 1, arbitrary: fc.constant(0).map(protoObject) },
  { weight: 1, arbitrary: fc.constant(0).map(() => deep(3000)) },
  { weight: 1, arbitrary: fc.array(fc.uuid(), { minLength: 2000, maxLength: 6000 }) },
);

const looksLikeTime = (name: string): boolean => /At$|On$|^from$|^to$|^date$|^taken_on$/.test(name);

/** A string that keeps its type: the valid one with a nasty character in it, or a nasty string of the field's kind. */
function nastyString(valid: string, name: string): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...INFIXES), fc.constantFrom('end', 'start', 'middle')).map(([c, where]) => (where === 'end' ? valid + c : where === 'start' ? c + valid : valid.slice(0, 1) + c + valid.slice(1))) },
    { weight: looksLikeTime(name) ? 4 : 1, arbitrary: fc.constantFrom(...NASTY_TIMES) },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }) },
  );
}

/** A mutation of one value that keeps its JSON type where it has one, so it gets past type checks. */
function mutateLeaf(value: Json, name: string): fc.Arbitrary<Json> {
  if (typeof value === 'string') return fc.oneof({ weight: 4, arbitrary: nastyString(value, name) }, { weight: 1, arbitrary: nastyValue });
  if (typeof value === 'number') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom<Json>(...NASTY_NUMBERS, value + 0.5, -value) }, { weight: 1, arbitrary: fc.constantFrom<Json>(String(value), 'NaN', '1e308') }, { weight: 1, arbitrary: nastyValue });
  if (Array.isArray(value)) return fc.oneof(fc.constant<Json>([]), fc.constant<Json>([...value, ...value]), nastyValue.map((v): Json => [...value, v]), nastyValue);
  return nastyValue;
}

interface Pools {
  uuids: string[];
  emails: string[];
}

const refName = (ref: string): string => ref.replace('#/components/schemas/', '');

/** Values that mostly pass validation, so the mutations reach the services. */
function validish(schema: Schema, doc: OpenApiDocument, pools: Pools, name = ''): fc.Arbitrary<Json> {
  if (schema.$ref) return validish(doc.components.schemas[refName(schema.$ref)] as Schema, doc, pools, name);
  const base = ((): fc.Arbitrary<Json> => {
    if (schema.enum) return fc.constantFrom(...(schema.enum as Json[]));
    switch (schema.type) {
      case 'object': {
        const props = schema.properties ?? {};
        const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validish(s, doc, pools, k)]));
        return (fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<Record<string, Json>>).map(ordered);
      }
      case 'array':
        return fc.array(validish(schema.items ?? {}, doc, pools, name), { maxLength: 3 });
      case 'number':
      case 'integer':
        return fc.integer({ min: schema.minimum ?? 1, max: schema.maximum ?? 60 });
      case 'boolean':
        return fc.boolean();
      default:
        return validString(schema, pools, name);
    }
  })();
  return schema.nullable ? fc.option(base, { nil: null, freq: 5 }) : base;
}

/** Pairs of fields where the second comes after the first: made so, so that valid-ish bodies get past that rule. */
const ORDERED_PAIRS: ReadonlyArray<[string, string]> = [
  ['startsAt', 'endsAt'],
  ['startsOn', 'endsOn'],
  ['from', 'to'],
  ['start', 'end'],
];

function ordered(value: Record<string, Json>): Json {
  const out = { ...value };
  for (const [a, b] of ORDERED_PAIRS) {
    const first = out[a];
    if (typeof first !== 'string' || typeof out[b] !== 'string') continue;
    if (/T/.test(first)) out[b] = new Date(Date.parse(first) + 3_600_000).toISOString();
    else if (/^\d{4}-/.test(first)) out[b] = new Date(Date.parse(first) + 200 * 86_400_000).toISOString().slice(0, 10);
    else if (/^\d{2}:\d{2}$/.test(first)) out[b] = `${String(Math.min(Number(first.slice(0, 2)) + 1, 24)).padStart(2, '0')}:00`;
  }
  return out;
}

const futureInstant = fc.integer({ min: 1, max: 400 * 24 }).map((h) => new Date(Date.now() + h * 3_600_000).toISOString());

function validString(schema: Schema, pools: Pools, name: string): fc.Arbitrary<Json> {
  if (schema.format === 'uuid' || /Id$/.test(name) || name === 'id') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pools.uuids) }, { weight: 1, arbitrary: fc.uuid() });
  if (/At$/.test(name) || name === 'from' || name === 'to') return futureInstant;
  if (schema.format === 'date' || /On$/.test(name) || name === 'date') return fc.date({ min: new Date('2025-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (/[tT]ime[zZ]one$/.test(name)) return fc.constantFrom('Europe/Berlin', 'Asia/Tehran', 'UTC', 'America/New_York');
  if (/email$/i.test(name)) return fc.oneof(fc.constantFrom(...pools.emails), fc.emailAddress().map((e) => e.slice(0, 200)));
  if (name === 'start' || name === 'end') return fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  if (/password/i.test(name)) return fc.string({ minLength: 10, maxLength: 30 });
  if (name === 'key') return fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);
  if (name === 'clientMessageId') return fc.uuid();
  const text = fc.string({ minLength: 1, maxLength: 40 }).filter((x) => x.trim().length > 0);
  return schema.example !== undefined ? fc.oneof(fc.constant(schema.example as Json), text) : text;
}

// ---- mutations -------------------------------------------------------------------------------------------

type Path = Array<string | number>;

function pathsOf(value: Json, prefix: Path = []): Path[] {
  const here = [prefix];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

function getAt(value: Json, path: Path): Json {
  let cursor: Json = value;
  for (const key of path) cursor = (cursor as Record<string | number, Json>)[key] as Json;
  return cursor;
}

/** The nearest property name above a path (array indexes skipped): what the value is about. */
const nameAt = (path: Path): string => String([...path].reverse().find((k) => typeof k === 'string') ?? '');

function clone(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function setAt(value: Json, path: Path, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = clone(value);
  let cursor = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (replacement !== null && typeof replacement === 'object' && !Array.isArray(replacement) && Object.prototype.hasOwnProperty.call(replacement, '__proto__')) {
    Object.defineProperty(cursor, last, { value: replacement, enumerable: true, configurable: true, writable: true });
  } else cursor[last] = replacement;
  return copy;
}

function dropAt(value: Json, path: Path): Json {
  if (path.length === 0) return value;
  const copy = clone(value);
  let cursor = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(cursor)) cursor.splice(Number(last), 1);
  else delete cursor[last];
  return copy;
}

interface BodyCase {
  kind: 'valid-ish' | 'leaf' | 'replaced' | 'dropped' | 'extra' | 'raw';
  json?: Json;
  raw?: { text: string; contentType: string };
  smuggled?: string;
}

const RAW_BODIES: Array<{ text: string; contentType: string }> = [
  { text: '', contentType: 'application/json' },
  { text: 'null', contentType: 'application/json' },
  { text: '[]', contentType: 'application/json' },
  { text: '"a string"', contentType: 'application/json' },
  { text: '123', contentType: 'application/json' },
  { text: '{"a":', contentType: 'application/json' },
  { text: '{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"role": "admin"}}}', contentType: 'application/json' },
  { text: 'plain words', contentType: 'text/plain' },
  { text: 'student_email,assessment,taken_on,score,max_score\n', contentType: 'text/csv' },
  { text: '<xml/>', contentType: 'application/xml' },
  { text: 'a=1&b[c]=2', contentType: 'application/x-www-form-urlencoded' },
  { text: `{"x":"${'y'.repeat(2 * MB)}"}`, contentType: 'application/json' },
  { text: '{"a":"\\ud800"}', contentType: 'application/json; charset=utf-16' },
];

/**
 * Bodies from a schema: valid-ish ones, and ones with one thing broken: a leaf mutated keeping its type (most
 * often, as that is what gets past validation), any value replaced by anything, a field dropped, a
 * sensitive field smuggled in, or a raw body that is not what the route takes.
 */
function mutations(base: fc.Arbitrary<Json>, own: Set<string>, pools: Pools): fc.Arbitrary<BodyCase> {
  const smugglable = SENSITIVE_FIELDS.filter((f) => !own.has(f));
  return fc.oneof(
    { weight: 2, arbitrary: base.map((json): BodyCase => ({ kind: 'valid-ish', json })) },
    {
      weight: 8,
      arbitrary: base.chain((json) => {
        const leaves = pathsOf(json).filter((p) => p.length > 0);
        if (leaves.length === 0) return nastyValue.map((bad): BodyCase => ({ kind: 'replaced', json: bad }));
        return fc
          .constantFrom(...leaves)
          .chain((path) => mutateLeaf(getAt(json, path), nameAt(path)).map((bad): BodyCase => ({ kind: 'leaf', json: setAt(json, path, bad) })));
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat(), nastyValue).map(([json, i, bad]): BodyCase => {
        const paths = pathsOf(json);
        return { kind: 'replaced', json: setAt(json, paths[i % paths.length] as Path, bad) };
      }),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(base, fc.nat()).map(([json, i]): BodyCase => {
        const paths = pathsOf(json).filter((p) => p.length > 0);
        return { kind: 'dropped', json: paths.length > 0 ? dropAt(json, paths[i % paths.length] as Path) : json };
      }),
    },
    {
      weight: smugglable.length > 0 ? 2 : 0,
      arbitrary: fc
        .tuple(base, fc.constantFrom(...(smugglable.length > 0 ? smugglable : ['x'])), fc.constantFrom<Json>('admin', true, 100, pools.uuids[0] as string, 'coordinator'))
        .map(([json, field, value]): BodyCase => ({
          kind: 'extra',
          smuggled: field,
          json: json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...json, [field]: value } : { [field]: value },
        })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw): BodyCase => ({ kind: 'raw', raw })) },
  );
}

function bodyCases(schema: Schema, doc: OpenApiDocument, pools: Pools): fc.Arbitrary<BodyCase> {
  const resolved = schema.$ref ? (doc.components.schemas[refName(schema.$ref)] as Schema) : schema;
  return mutations(validish(schema, doc, pools), new Set(Object.keys(resolved.properties ?? {})), pools);
}

const CSV_HEADER = 'student_email,assessment,taken_on,score,max_score';
const CSV_COLUMNS = CSV_HEADER.split(',');

/** A grade file: valid rows, one of which may have one field broken (so the rest of the file gets through). */
function csvCases(pools: Pools): fc.Arbitrary<BodyCase> {
  const validRow = fc
    .tuple(fc.constantFrom(...pools.emails), fc.string({ minLength: 1, maxLength: 20 }).filter((a) => /^[\w ]+$/.test(a)), fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.nat(100), fc.integer({ min: 1, max: 100 }))
    .map(([e, a, d, s, m]) => [e, a, d.toISOString().slice(0, 10), String(Math.min(s, m)), String(m)]);
  const brokenCell = (row: string[]): fc.Arbitrary<string[]> =>
    fc.nat(CSV_COLUMNS.length - 1).chain((i) =>
      fc
        .oneof(
          nastyString(row[i] as string, CSV_COLUMNS[i] as string),
          fc.constantFrom('0000-01-01', '9999-12-31', '2026-02-30', '۱۴۰۵-۰۱-۰۱', '1e308', repeat('9', 400), '-5', '0', '0.0000001', '42,5', '"a\nb"', '""'),
        )
        .map((bad) => row.map((c, j) => (j === i ? String(bad) : c))),
    );
  // Score and max_score together at the edges of what a float8 holds: 100 * score / max_score must not overflow.
  const extremes = (row: string[]): fc.Arbitrary<string[]> =>
    fc
      .constantFrom<[string, string]>([repeat('9', 308), repeat('9', 308)], ['1', repeat('9', 308)], [`0.${repeat('0', 320)}1`, repeat('9', 300)], ['0', `0.${repeat('0', 320)}1`])
      .map(([score, max]) => [...row.slice(0, 3), score, max]);
  const file = fc.tuple(fc.array(validRow, { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom('valid', 'cell', 'cell', 'cell', 'extremes')).chain(([rows, i, how]) => {
    const target = rows[i % rows.length] as string[];
    return (how === 'cell' ? brokenCell(target) : how === 'extremes' ? extremes(target) : fc.constant(target)).map((bad) => [CSV_HEADER, ...rows.map((r) => (r === target ? bad : r).join(','))].join('\n'));
  });
  return fc.oneof(
    { weight: 8, arbitrary: file.map((text): BodyCase => ({ kind: 'leaf', raw: { text, contentType: 'text/csv' } })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', 'student_email;assessment;taken_on;score;max_score', `${CSV_HEADER},extra`, `\uFEFF${CSV_HEADER}`, `${CSV_HEADER}\u0000`)
        .map((h): BodyCase => ({ kind: 'leaf', raw: { text: `${h}\n${pools.emails[0]},Anatomy,2026-01-01,1,2`, contentType: 'text/csv' } })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw): BodyCase => ({ kind: 'raw', raw })) },
    { weight: 1, arbitrary: fc.constant<BodyCase>({ kind: 'raw', raw: { text: `${CSV_HEADER}\n${repeat('a@b.cd,x,2026-01-01,1,2\n', 200_000)}`, contentType: 'text/csv' } }) },
  );
}

/** Safe in a URL: a lone surrogate has no UTF-8 form, so it goes as the bytes a careless client would send. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s.replace(/[\ud800-\udfff]/g, '\u0001').split('\u0001').map(encodeURIComponent).join('%ED%A0%80');
  }
}

const NASTY_SEGMENTS: string[] = [
  '%00',
  '%',
  '%zz',
  '%ED%A0%80',
  '%C0%AF',
  enc('👩‍⚕️'),
  enc('\u202Eabc'),
  enc('سلام'),
  '..',
  enc(' '),
  repeat('x', 3000),
  '1e308',
  '-1',
  'NaN',
  enc("' OR 1=1 --"),
  'null',
  '__proto__',
  'constructor',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000001-0000-8000-8000-000000000000',
  'not-a-uuid',
  `${repeat('A', 43)}.ics`,
  `${repeat('A', 43)}`,
  '.ics',
];

/** Query strings: the valid parameters (the matrix's, or generated per name), then one thing broken, as for bodies. */
function queryCases(params: Parameter[], valid: Record<string, string>, doc: OpenApiDocument, pools: Pools): fc.Arbitrary<BodyCase> {
  const model = Object.fromEntries(params.map((p) => [p.name, valid[p.name] !== undefined ? fc.constant<Json>(valid[p.name] as string) : validish(p.schema ?? {}, doc, pools, p.name)] as const));
  const base = (fc.record(model, { requiredKeys: Object.keys(valid) }) as fc.Arbitrary<Record<string, Json>>).map(ordered);
  return fc.oneof(
    { weight: 6, arbitrary: mutations(base, new Set(params.map((p) => p.name)), pools) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%00', '%ED%A0%80', 'a[b]=1', 'a=1&a=2').map((text): BodyCase => ({ kind: 'raw', raw: { text, contentType: '' } })) },
  );
}

function toQuery(c: BodyCase): string {
  if (c.raw) return c.raw.contentType === '' ? c.raw.text : '';
  const value = c.json;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `q=${enc(String(value).slice(0, 1000))}`;
  return Object.entries(value)
    // Node itself answers a request line over 16 KB with a bare 431 before the app sees it (see the report), so
    // query values stay below that; the 1 MB strings go in bodies.
    .flatMap(([k, v]) => (Array.isArray(v) ? v.slice(0, 20) : [v]).map((x) => `${enc(k)}=${enc((typeof x === 'string' ? x : JSON.stringify(x)).slice(0, 1000))}`))
    .join('&');
}

// ---- the test --------------------------------------------------------------------------------------------

interface Outcome {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  message: expect.anything(),
};

/** The value for a failure message: long strings and arrays cut, deep nesting elided. */
function trimmed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 60)}…(${value.length} chars)` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return '…(nested deeper)';
  if (Array.isArray(value)) {
    const head = value.slice(0, 5).map((v) => trimmed(v, depth + 1));
    return value.length > 5 ? [...head, `…(${value.length} items)`] : head;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v, depth + 1)]));
}

function short(value: unknown): string {
  const text = JSON.stringify(trimmed(value)) ?? 'undefined';
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** The routes to fuzz: one per route of the matrix (which the matrix test keeps equal to the OpenAPI document). */
const fuzzRoutes: RouteRule[] = ROUTES.filter((r, i) => !r.undocumented && ROUTES.findIndex((o) => o.route === r.route) === i);

describe('fuzzing every input (integration)', () => {
  let t: TestApp;
  let f: MatrixFixture;
  let doc: OpenApiDocument;
  let pools: Pools;
  let baseUrl: string;
  let snapshotSql = '';
  let throwawayIds: string[] = [];
  const logged: string[] = [];

  beforeAll(async () => {
    // The filter and the chat runner log what became a 500 (or an INTERNAL ack); keep it for the failure message.
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      logged.push(String(message));
    });
    t = await startTestApp({ CHAT_RATE_LIMIT_PER_SECOND: '100000', CHAT_RATE_LIMIT_BURST: '100000' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    f = await buildMatrixFixture(t);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const throwaway = await Promise.all([newStudent(t), newStudent(t)]);
    throwawayIds = throwaway.map((u) => u.user.id);
    const users = Object.values(f.users).map((u) => u.user);
    pools = {
      uuids: [
        ...users.map((u) => u.id),
        ...throwawayIds,
        f.programId,
        f.otherProgramId,
        f.mentorshipId,
        f.endedMentorshipId,
        f.sessionId,
        f.conversationId,
        f.messageId,
        f.otherMessageId,
        f.runId,
        ...f.surveyItemIds,
      ],
      emails: [...users.map((u) => u.email), f.loginEmail],
    };
    // auth_rate_limit counts every sign-in attempt, refused or not: bookkeeping, not data a route writes.
    const tables = t.dataSource.entityMetadatas.map((m) => m.tableName).filter((n) => n !== 'socket_io_attachments' && n !== 'app_setting' && n !== 'auth_rate_limit');
    snapshotSql = tables.map((n) => `SELECT '${n}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${n}" x`).join(' UNION ALL ');
  }, 60_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  async function snapshot(): Promise<Map<string, string>> {
    const rows: Array<{ t: string; h: string }> = await t.dataSource.query(snapshotSql);
    return new Map(rows.map((r) => [r.t, r.h]));
  }

  const changedTables = (before: Map<string, string>, after: Map<string, string>): string[] => [...before.keys()].filter((k) => before.get(k) !== after.get(k));

  /** Runs a property and fails with a readable report: seed, path, the input (long strings cut) and what went wrong. */
  async function check<T>(what: string, arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, numRuns = RUNS): Promise<void> {
    const result = await fc.check(fc.asyncProperty(arb, predicate), { seed: SEED, numRuns, endOnFailure: true });
    if (result.failed) {
      const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
      throw new Error(
        `${what}: failed after ${result.numRuns} run(s). Replay: FUZZ_SEED=${SEED} (path ${result.counterexamplePath}).\n` +
          `input: ${short(result.counterexample?.[0])}\n${error}${logged.length > 0 ? `\nserver logged: ${logged.slice(-3).join('\n').slice(0, 3000)}` : ''}`,
      );
    }
  }

  it('fuzzes every DTO-bearing route of the OpenAPI document', () => {
    const withBody = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op?.requestBody)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    const fuzzed = new Set(fuzzRoutes.map((r) => r.route as string));
    expect(withBody.filter((r) => !fuzzed.has(r))).toEqual([]);
    for (const route of withBody) {
      const [m, p] = route.split(' ') as [string, string];
      const types = Object.keys(doc.paths[p]?.[m.toLowerCase()]?.requestBody?.content ?? {});
      expect({ route, types: types.filter((c) => c !== 'application/json' && c !== 'text/csv') }).toEqual({ route, types: [] });
    }
  });

  describe('HTTP', () => {
    it.each(fuzzRoutes.map((rule) => ({ name: rule.route, rule })))(
      '$name: never a 5xx, errors in the contract shape, no row changed that should not change',
      async ({ rule }) => {
        const [method, path] = rule.route.split(' ') as [string, string];
        const op = doc.paths[path]?.[method.toLowerCase()];
        if (!op) throw new Error(`${rule.route} is not in the OpenAPI document`);
        const admitted = admittedCaller(rule);
        const baseParams = rule.params ? await rule.params(f) : {};
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const json = op.requestBody?.content['application/json']?.schema;
        const csv = op.requestBody?.content['text/csv'] !== undefined;
        // Deactivating a caller of the fixture would end the run for every later route: only throw-away accounts here.
        const segmentPool = rule.route === 'POST /api/users/{id}/deactivate' ? throwawayIds : pools.uuids;

        const input = fc.record({
          caller: fc.oneof({ weight: 5, arbitrary: fc.constant<Caller>(admitted) }, { weight: 1, arbitrary: fc.constantFrom<Caller>(...CALLERS) }),
          body: json ? bodyCases(json, doc, pools) : csv ? csvCases(pools) : fc.constant<BodyCase | undefined>(undefined),
          query: queryParams.length > 0 ? queryCases(queryParams, rule.query?.(f) ?? {}, doc, pools) : fc.constant<BodyCase | undefined>(undefined),
          // One run in four puts something else in one path parameter; the others keep the fixture's, to reach the service.
          segment:
            pathParams.length > 0
              ? fc.oneof(
                  { weight: 3, arbitrary: fc.constant(null) },
                  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...pathParams), fc.oneof(fc.constantFrom(...NASTY_SEGMENTS), fc.constantFrom(...segmentPool))) },
                )
              : fc.constant(null),
        });

        const statuses = new Map<string, number>();
        await check(rule.route, input, async ({ caller, body, query, segment }) => {
          const rawQuery = query ? toQuery(query) : '';
          let url = fillPath(path, baseParams);
          if (segment) {
            const [name, value] = segment;
            const encoded = /^[A-Za-z0-9._~%-]*$/.test(value) ? value : enc(value);
            url = path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === name ? encoded : enc(baseParams[p] as string)));
          }
          if (rawQuery) url += `?${rawQuery}`;
          const before = await snapshot();
          logged.length = 0;
          let req = t.http()[method.toLowerCase() as 'get'](url);
          if (caller !== 'anonymous') req = req.set(f.users[caller].auth);
          if (body?.raw) req = req.set('Content-Type', body.raw.contentType).send(body.raw.text);
          else if (body?.json !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body.json));
          const res = await req.buffer(true);
          const outcome: Outcome = { status: res.status, body: res.body, headers: res.headers as Record<string, string> };
          const tally = `${res.status}${(res.body as { code?: string } | undefined)?.code ? ` ${(res.body as { code: string }).code}` : ""}`;
          statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
          const after = await snapshot();

          const context = `${method} ${url.slice(0, 300)} as ${caller} answered ${outcome.status} ${short(outcome.body)}`;
          if (outcome.status >= 500) throw new Error(`a 5xx: ${context}`);
          if (outcome.status >= 400) {
            if (!/application\/json/.test(outcome.headers['content-type'] ?? '')) throw new Error(`an error that is not JSON: ${context}`);
            expect(outcome.body).toEqual(expect.objectContaining({ ...ERROR_SHAPE, statusCode: outcome.status }));
            const message = (outcome.body as { message: unknown }).message;
            if (!(typeof message === 'string' || (Array.isArray(message) && message.every((m) => typeof m === 'string')))) throw new Error(`message is not text: ${context}`);
          }
          for (const c of [body, query]) if (c?.kind === 'extra' && outcome.status < 400) throw new Error(`a smuggled "${c.smuggled}" was accepted: ${context}`);
          const allowed = new Set<string>(outcome.status < 300 ? (WRITES[rule.route] ?? []) : []);
          const changed = changedTables(before, after).filter((n) => !allowed.has(n));
          if (changed.length > 0) throw new Error(`changed ${changed.join(', ')}: ${context}`);
        });
        // FUZZ_STATS=1 shows how the answers spread, to see whether the inputs reach past validation.
        if (process.env['FUZZ_STATS']) process.stdout.write(`${rule.route}: ${[...statuses].sort().map(([k, n]) => `${k}×${n}`).join(' ')}\n`);
      },
      120_000,
    );
  });

  /** Every input the fuzzing found answering 500 (or storing something else than was sent), pinned down. */
  describe('inputs that once answered 500', () => {
    type Case = { name: string; caller: Caller; method: 'get' | 'post' | 'put' | 'patch'; url: (f: MatrixFixture) => string; body?: (f: MatrixFixture) => unknown; csv?: string; status: number };
    const program = (f: MatrixFixture): string => `/api/programs/${f.programId}`;
    const booking = (f: MatrixFixture): Record<string, unknown> => ({ mentorshipId: f.mentorshipId, startsAt: '2030-05-06T10:00:00Z', endsAt: '2030-05-06T11:00:00Z', modality: 'in_person', location: 'Room 1' });
    const csvLine = (cells: string): string => `student_email,assessment,taken_on,score,max_score\nsomeone@test.example,${cells}\n`;
    const cases: Case[] = [
      { name: 'a NUL in a program name', caller: 'coordinator', method: 'post', url: () => '/api/programs', body: () => ({ name: 'P\u0000', timezone: 'UTC', startsOn: '2026-10-01', endsOn: '2027-01-01' }), status: 400 },
      { name: 'a lone surrogate in a program name (was stored as U+FFFD)', caller: 'coordinator', method: 'post', url: () => '/api/programs', body: () => ({ name: 'P\ud800', timezone: 'UTC', startsOn: '2026-10-01', endsOn: '2027-01-01' }), status: 400 },
      { name: 'a NUL in a registration name', caller: 'anonymous', method: 'post', url: () => '/api/auth/register', body: () => ({ email: 'nul@test.example', password: 'a-long-password', fullName: 'A\u0000', yearOfStudy: 1 }), status: 400 },
      { name: 'a NUL in a sign-in email', caller: 'anonymous', method: 'post', url: () => '/api/auth/login', body: (f) => ({ email: `${f.loginEmail}\u0000`, password: 'a-long-password' }), status: 400 },
      { name: 'a NUL in a staff account name', caller: 'admin', method: 'post', url: () => '/api/users', body: () => ({ email: 'nul2@test.example', password: 'a-long-password', fullName: 'A\u0000', role: 'coordinator' }), status: 400 },
      { name: 'a NUL in a directory search', caller: 'coordinator', method: 'get', url: () => '/api/users?q=a%00b', status: 400 },
      { name: 'a NUL in a profile', caller: 'mentee', method: 'put', url: () => '/api/me/profile', body: () => ({ yearOfStudy: 1, interests: ['a\u0000'], languages: ['English'], modalities: ['virtual'], campus: null }), status: 400 },
      { name: 'a NUL in a session title', caller: 'mentee', method: 'post', url: () => '/api/sessions', body: (f) => ({ ...booking(f), title: 'T\u0000' }), status: 400 },
      { name: 'a NUL in a session room', caller: 'mentee', method: 'post', url: () => '/api/sessions', body: (f) => ({ ...booking(f), location: 'R\u0000' }), status: 400 },
      { name: 'a NUL in the reason a mentorship ended', caller: 'coordinator', method: 'post', url: (f) => `${program(f)}/mentorships/${f.endedMentorshipId}/end`, body: () => ({ reason: 'R\u0000' }), status: 400 },
      { name: 'a NUL in a survey item', caller: 'coordinator', method: 'put', url: (f) => `${program(f)}/survey-items`, body: () => ({ items: [{ key: 'useful', text: 'T\u0000' }] }), status: 400 },
      { name: 'an array where a survey item belongs', caller: 'coordinator', method: 'put', url: (f) => `${program(f)}/survey-items`, body: () => ({ items: [[]] }), status: 400 },
      { name: 'an array where a survey answer belongs', caller: 'mentee', method: 'post', url: (f) => `${program(f)}/survey-responses`, body: () => ({ answers: [[]] }), status: 400 },
      { name: 'an array where an attendance record belongs', caller: 'mentor', method: 'put', url: (f) => `/api/sessions/${f.sessionId}/attendance`, body: () => ({ records: [[]] }), status: 400 },
      { name: 'an array where a weekly window belongs', caller: 'mentor', method: 'put', url: () => '/api/me/availability', body: () => ({ timeZone: 'UTC', bufferMinutes: 0, weekly: [[]], overrides: [[]] }), status: 400 },
      { name: 'a body 3,000 arrays deep', caller: 'mentee', method: 'post', url: () => '/api/sessions', body: (f) => ({ ...booking(f), title: deep(3000) }), status: 400 },
      { name: 'sessions from year 0000', caller: 'mentee', method: 'get', url: () => '/api/me/sessions?from=0000-01-01T00:00:00Z', status: 200 },
      { name: 'sessions from an instant with a +18:59 offset', caller: 'mentee', method: 'get', url: () => '/api/me/sessions?from=2030-01-01T00:00:00%2B18:59', status: 200 },
      { name: 'sessions up to year 10000', caller: 'mentee', method: 'get', url: () => '/api/me/sessions?to=9999-12-31T23:59:59-18:00', status: 200 },
      { name: 'a grade file with a NUL', caller: 'coordinator', method: 'post', url: (f) => `${program(f)}/academic-records/import`, csv: csvLine('Qu\u0000iz,2026-09-10,5,10'), status: 422 },
      { name: 'a grade taken in year 0000', caller: 'coordinator', method: 'post', url: (f) => `${program(f)}/academic-records/import`, csv: csvLine('Quiz,0000-01-01,5,10'), status: 422 },
      { name: 'a grade of 400 nines (was stored as Infinity)', caller: 'coordinator', method: 'post', url: (f) => `${program(f)}/academic-records/import`, csv: csvLine(`Quiz,2026-09-10,${'9'.repeat(400)},${'9'.repeat(400)}`), status: 422 },
      { name: 'a grade whose percentage overflows a float8', caller: 'coordinator', method: 'post', url: (f) => `${program(f)}/academic-records/import`, csv: csvLine(`Quiz,2026-09-10,${'9'.repeat(308)},${'9'.repeat(308)}`), status: 422 },
    ];
    it.each(cases)('$name → $status', async ({ caller, method, url, body, csv, status }) => {
      logged.length = 0;
      let req = t.http()[method](url(f));
      if (caller !== 'anonymous') req = req.set(f.users[caller].auth);
      if (csv !== undefined) req = req.set('Content-Type', 'text/csv').send(csv);
      else if (body) req = req.send(body(f) as object);
      const res = await req;
      expect({ status: res.status, logged }).toEqual({ status, logged: [] });
      if (status >= 400) expect(res.body).toEqual(expect.objectContaining({ ...ERROR_SHAPE, statusCode: status }));
    });
  });

  /**
   * Bodies the parser refuses before any route runs, on every route that takes a body: each answers its own
   * status with the contract's JSON error and a code, never the static dashboard's "404 Cannot POST" (which
   * the app as shipped once answered, since the tests booted it without the dashboard), and changes nothing.
   */
  describe('bodies the parser refuses', () => {
    type Refused = { name: string; contentType: string; body: () => string | Buffer; headers?: Record<string, string>; status: number; code: string };
    const JSON_REFUSED: Refused[] = [
      { name: 'malformed JSON', contentType: 'application/json', body: () => '{"a":', status: 400, code: 'MALFORMED_BODY' },
      { name: 'a top-level null', contentType: 'application/json', body: () => 'null', status: 400, code: 'MALFORMED_BODY' },
      { name: 'a 2 MB body', contentType: 'application/json', body: () => `{"x":"${repeat('y', 2 * MB)}"}`, status: 413, code: 'BODY_TOO_LARGE' },
      { name: 'a charset JSON does not allow', contentType: 'application/json; charset=latin1', body: () => '{}', status: 415, code: 'UNSUPPORTED_BODY_ENCODING' },
      { name: 'an unknown Content-Encoding', contentType: 'application/json', body: () => '{}', headers: { 'Content-Encoding': 'x-unknown' }, status: 415, code: 'UNSUPPORTED_BODY_ENCODING' },
      { name: 'a false Content-Encoding', contentType: 'application/json', body: () => '{}', headers: { 'Content-Encoding': 'gzip' }, status: 400, code: 'MALFORMED_BODY' },
    ];
    const CSV_REFUSED: Refused[] = [
      { name: 'a 33 MB file', contentType: 'text/csv', body: () => Buffer.alloc(33 * MB, 'a'), status: 413, code: 'BODY_TOO_LARGE' },
      { name: 'a charset nobody knows', contentType: 'text/csv; charset=x-no-such-charset', body: () => `${CSV_HEADER}\n`, status: 415, code: 'UNSUPPORTED_BODY_ENCODING' },
      { name: 'an unknown Content-Encoding', contentType: 'text/csv', body: () => `${CSV_HEADER}\n`, headers: { 'Content-Encoding': 'x-unknown' }, status: 415, code: 'UNSUPPORTED_BODY_ENCODING' },
      { name: 'a false Content-Encoding', contentType: 'text/csv', body: () => `${CSV_HEADER}\n`, headers: { 'Content-Encoding': 'gzip' }, status: 400, code: 'MALFORMED_BODY' },
    ];

    it.each(fuzzRoutes.map((rule) => ({ name: rule.route, rule })))(
      '$name: each refused body answers its status and code in the error shape, and changes nothing',
      async ({ rule }) => {
        const [method, path] = rule.route.split(' ') as [string, string];
        const content = doc.paths[path]?.[method.toLowerCase()]?.requestBody?.content ?? {};
        const cases = [...(content['application/json'] ? JSON_REFUSED : []), ...(content['text/csv'] ? CSV_REFUSED : [])];
        if (cases.length === 0) return;
        const url = fillPath(path, rule.params ? await rule.params(f) : {});
        const caller = admittedCaller(rule);
        for (const c of cases) {
          const before = await snapshot();
          let req = t.http()[method.toLowerCase() as 'post'](url).set({ 'Content-Type': c.contentType, ...c.headers });
          if (caller !== 'anonymous') req = req.set(f.users[caller].auth);
          const res = await req.send(c.body());
          const context = `${c.name} to ${method} ${url} answered ${res.status} ${short(res.body)}`;
          expect({ context, status: res.status, json: /^application\/json/.test(String(res.headers['content-type'])) }).toEqual({ context, status: c.status, json: true });
          expect(res.body).toEqual({ ...ERROR_SHAPE, statusCode: c.status, code: c.code });
          expect(changedTables(before, await snapshot())).toEqual([]);
        }
      },
      120_000,
    );
  });

  describe('chat events', () => {
    let socket: Socket;

    function connect(token: string): Promise<Socket> {
      const s = io(`${baseUrl}${CHAT_NAMESPACE}`, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
      return new Promise((resolve, reject) => {
        s.once('connect', () => resolve(s));
        s.once('connect_error', reject);
      });
    }

    beforeAll(async () => {
      socket = await connect(f.users.mentee.token);
    });
    afterAll(() => socket.close());

    const uuid: Schema = { type: 'string', format: 'uuid' };
    const str: Schema = { type: 'string' };
    /** The payload of each client event, as a schema to generate from (an event without one does not compile). */
    const PAYLOADS: { readonly [E in ChatClientEvent]: Schema } = {
      'conversation:join': { type: 'object', properties: { conversationId: uuid, afterMessageId: uuid }, required: ['conversationId'] },
      'message:send': { type: 'object', properties: { conversationId: uuid, body: str, clientMessageId: str }, required: ['conversationId', 'body', 'clientMessageId'] },
      'typing:set': { type: 'object', properties: { conversationId: uuid, typing: { type: 'boolean' } }, required: ['conversationId', 'typing'] },
      'conversation:read': { type: 'object', properties: { conversationId: uuid, messageId: uuid }, required: ['conversationId', 'messageId'] },
      'presence:query': { type: 'object', properties: { conversationId: uuid }, required: ['conversationId'] },
      'auth:refresh': { type: 'object', properties: { token: str }, required: ['token'] },
    };
    const CODES = new Set<string>(Object.values(ChatErrorCode));

    it.each(CHAT_CLIENT_EVENTS.map((event) => ({ event })))(
      '$event: every payload gets an ack (ok, or an error with a known code), the socket stays up, nothing changes that should not',
      async ({ event }) => {
        const chatPools: Pools = { ...pools, uuids: [f.conversationId, f.messageId, f.otherConversationId, f.otherMessageId, ...pools.uuids.slice(0, 4)] };
        const payload = bodyCases(PAYLOADS[event], doc, chatPools).map((c): { payload: Json | undefined; kind: BodyCase['kind'] } => {
          if (c.raw) return { payload: c.raw.text === '' ? undefined : c.raw.text, kind: c.kind };
          return { payload: c.json, kind: c.kind };
        });
        await check(event, payload, async ({ payload: p }) => {
          const size = JSON.stringify(p ?? null).length;
          // Past 64 KB engine.io closes the connection by design; that case has its own test below.
          if (size > 60_000) return;
          const before = await snapshot();
          logged.length = 0;
          const ack = (await (p === undefined ? socket.timeout(5000).emitWithAck(event) : socket.timeout(5000).emitWithAck(event, p))) as { ok?: unknown; error?: unknown; code?: unknown };
          const after = await snapshot();
          const context = `${event} ${short(p)} → ${short(ack)}`;
          if (ack.ok !== true) {
            if (ack.ok !== false || typeof ack.error !== 'string' || typeof ack.code !== 'string' || !CODES.has(ack.code)) throw new Error(`not an error ack: ${context}`);
            if (ack.code === ChatErrorCode.Internal) throw new Error(`INTERNAL: ${context}`);
          }
          if (!socket.connected) throw new Error(`the socket was dropped: ${context}`);
          const allowed = new Set<string>(ack.ok === true ? EVENT_WRITES[event] : []);
          const changed = changedTables(before, after).filter((n) => !allowed.has(n));
          if (changed.length > 0) throw new Error(`changed ${changed.join(', ')}: ${context}`);
        });
      },
      60_000,
    );

    it.each([
      ['a payload 3,000 arrays deep', 'presence:query', { conversationId: deep(3000) }],
      ['a lone surrogate in a message (was stored as U+FFFD)', 'message:send', { conversationId: '', body: 'hi \ud800', clientMessageId: 'c-lone' }],
    ] as const)('refuses %s with INVALID_PAYLOAD (it once answered INTERNAL or stored something else)', async (_label, event, payload) => {
      const p = { ...payload, ...('conversationId' in payload && payload.conversationId === '' ? { conversationId: f.conversationId } : {}) };
      const ack = (await socket.timeout(5000).emitWithAck(event, p)) as { ok: boolean; code?: string };
      expect(ack).toEqual(expect.objectContaining({ ok: false, code: ChatErrorCode.InvalidPayload }));
    });

    it('answers an event without an ack callback without dropping the socket, and survives extra arguments', async () => {
      for (const event of CHAT_CLIENT_EVENTS) {
        socket.emit(event, { conversationId: '\u0000', body: 1 } as never);
        (socket as unknown as { emit(e: string, ...args: unknown[]): void }).emit(event, 'x', 'y', 'z');
      }
      const ack = (await socket.timeout(5000).emitWithAck('presence:query', { conversationId: f.conversationId })) as { ok: boolean };
      expect(ack.ok).toBe(true);
      expect(socket.connected).toBe(true);
    });

    it('closes a connection sending a 1 MB payload, and keeps serving everyone else', async () => {
      const victim = await connect(f.users.mentor.token);
      const closed = new Promise<string>((resolve) => victim.once('disconnect', resolve));
      victim.emit('message:send', { conversationId: f.conversationId, body: 'x'.repeat(MB), clientMessageId: randomUUID() });
      expect(await closed).toEqual(expect.any(String));
      victim.close();
      const ack = (await socket.timeout(5000).emitWithAck('presence:query', { conversationId: f.conversationId })) as { ok: boolean };
      expect(ack.ok).toBe(true);
      await t.http().get('/api/health').expect(200);
    });
  });
});
