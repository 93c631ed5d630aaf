import { EnrollmentRole } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { DUE } from './unread-messages';

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  Plans?: PlanNode[];
}

/** Rows the plan took from `relation`, over all its loops. */
function rowsRead(node: PlanNode, relation: string): number {
  const own = node['Relation Name'] === relation ? (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) : 0;
  return own + (node.Plans ?? []).reduce((sum, child) => sum + rowsRead(child, relation), 0);
}

describe('the unread-message sweep’s statement (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t.close());

  it('reads a few rows of a conversation with thousands of unread messages, and counts them only for a member who is due', async () => {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t, { fullName: 'Sara Mentor' });
    const mentee = await newMentee(t, { fullName: 'Ali Mentee' });
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const match = await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    const [conversation] = await t.dataSource.query<Array<{ id: string }>>('SELECT id FROM conversation WHERE mentorship_id = $1', [(match.body as { id: string }).id]);
    const conversationId = conversation?.id as string;
    // A conversation of 3,000 messages over the last 10 minutes, the two taking turns, none of them read.
    const count = 3000;
    await t.dataSource.query(
      `INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
       SELECT gen_random_uuid(), $1, g, CASE WHEN g % 2 = 0 THEN $2::uuid ELSE $3::uuid END, 'message ' || g, 'bulk-' || g,
              now() - interval '10 minutes' + g * interval '100 milliseconds'
         FROM generate_series(1, $4::int) g`,
      [conversationId, mentor.user.id, mentee.user.id, count],
    );
    await t.dataSource.query('UPDATE conversation SET last_seq = $2, last_message_at = now() WHERE id = $1', [conversationId, count]);
    // Statistics, as autovacuum keeps them in production: without any, PostgreSQL takes a conversation for a
    // handful of rows and sorts them rather than follow the (conversation, seq) index to the first one.
    await t.dataSource.query('ANALYZE chat_message');
    const mine = (rows: Array<{ conversation_id: string }>): Array<{ conversation_id: string }> => rows.filter((r) => r.conversation_id === conversationId);

    // With the default delay (15 minutes) nothing is due yet, and finding that out reads a message or two per
    // member, not the 3,000 (before: every unread message of the week, aggregated and sorted, on every sweep).
    const [explained] = await t.dataSource.query<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(`EXPLAIN (ANALYZE, FORMAT JSON) ${DUE}`, [15]);
    const plan = explained?.['QUERY PLAN'][0]?.Plan;
    if (!plan) throw new Error('no plan');
    expect(mine(await t.dataSource.query(DUE, [15]))).toEqual([]);
    expect(rowsRead(plan, 'chat_message')).toBeLessThan(50);

    // Due (no delay): each of them, with the other's messages counted and the other's name as the last sender.
    const due = mine(await t.dataSource.query(DUE, [0]));
    expect(due).toHaveLength(2);
    expect(due).toEqual(
      expect.arrayContaining([
        { conversation_id: conversationId, program_id: program.id, user_id: mentor.user.id, n: count / 2, sender_name: 'Ali Mentee', dedupe_key: `message_unread:${conversationId}:0:0` },
        { conversation_id: conversationId, program_id: program.id, user_id: mentee.user.id, n: count / 2, sender_name: 'Sara Mentor', dedupe_key: `message_unread:${conversationId}:0:0` },
      ]),
    );
  }, 60_000);
});
