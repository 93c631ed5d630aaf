import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { EnrollmentRole } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { MAX_BATCH, MessageAppender } from './message-appender';
import { messageIdSql } from './message-id';
import { APPEND, APPEND_BATCH, MessageStore, type AppendInput, type Appended } from './message.store';

// Group commit against the real database: how many statements concurrent sends cost, and what each gets back.
describe('MessageAppender (integration)', () => {
  let t: TestApp;
  let store: MessageStore;
  let appender: MessageAppender;

  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get(MessageStore);
    appender = t.app.get(MessageAppender);
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => t.close());

  interface Pair {
    conversationId: string;
    mentor: TestUser;
    mentee: TestUser;
  }

  async function newPair(): Promise<Pair> {
    const coordinator = await newCoordinator(t);
    const program = await newProgram(t, coordinator);
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const res = await t.http().post(`/api/programs/${program.id}/mentorships`).set(coordinator.auth).send({ menteeId: mentee.user.id, mentorId: mentor.user.id }).expect(201);
    // Made with the mentorship by the database (migration ChatMembershipView), not by a read.
    const rows: Array<{ id: string }> = await t.dataSource.query('SELECT id FROM conversation WHERE mentorship_id = $1', [(res.body as { id: string }).id]);
    const conversationId = rows[0]?.id;
    if (!conversationId) throw new Error('no conversation made with the mentorship');
    return { conversationId, mentor, mentee };
  }

  /** How many append statements the store runs from now on. */
  function countStatements(): () => { batches: number; singles: number; lookups?: number } {
    const batch = jest.spyOn(store, 'appendBatch');
    const single = jest.spyOn(store, 'append');
    const lookup = jest.spyOn(store, 'findByClientIds');
    return () => ({ batches: batch.mock.calls.length, singles: single.mock.calls.length, ...(lookup.mock.calls.length > 0 ? { lookups: lookup.mock.calls.length } : {}) });
  }

  const input = (p: Pair, body: string, clientMessageId: string = randomUUID(), sender: TestUser = p.mentor): AppendInput => ({
    conversationId: p.conversationId,
    senderId: sender.user.id,
    body,
    clientMessageId,
  });

  async function seqsOf(conversationId: string): Promise<{ bodies: string[]; lastSeq: number }> {
    const rows: Array<{ bodies: string[] | null; last_seq: string }> = await t.dataSource.query(
      `SELECT (SELECT array_agg(m.body ORDER BY m.seq) FROM chat_message m WHERE m.conversation_id = c.id) AS bodies, c.last_seq FROM conversation c WHERE c.id = $1`,
      [conversationId],
    );
    return { bodies: rows[0]?.bodies ?? [], lastSeq: Number(rows[0]?.last_seq) };
  }

  it('stores concurrent sends of several conversations in one statement, seqs in arrival order, announced in seq order', async () => {
    const [p, q] = await Promise.all([newPair(), newPair()]);
    const statements = countStatements();
    const announced: Appended[] = [];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => appender.append(input(i % 2 === 0 ? p : q, `m${i}`), (s) => announced.push(s))),
    );
    expect(statements()).toEqual({ batches: 1, singles: 0 });
    expect(results.every((r) => r?.created)).toBe(true);
    for (const [pair, parity] of [[p, 0], [q, 1]] as const) {
      const mine = results.filter((r) => r?.row.conversation_id === pair.conversationId);
      expect(mine.map((r) => r?.row.body)).toEqual(Array.from({ length: 50 }, (_, i) => `m${2 * i + parity}`));
      expect(mine.map((r) => Number(r?.row.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(announced.filter((s) => s.row.conversation_id === pair.conversationId).map((s) => Number(s.row.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(await seqsOf(pair.conversationId)).toEqual({ bodies: mine.map((r) => r?.row.body), lastSeq: 50 });
    }
  });

  it('caps a batch at MAX_BATCH: the rest goes as the next statement', async () => {
    const p = await newPair();
    const statements = countStatements();
    const n = MAX_BATCH + 44;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => appender.append(input(p, `b${i}`))));
    expect(statements()).toEqual({ batches: 2, singles: 0 });
    expect(results.map((r) => Number(r?.row.seq))).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect((await seqsOf(p.conversationId)).lastSeq).toBe(n);
  });

  it('within a batch, a repeated clientMessageId is stored once and a resend returns the stored row', async () => {
    const p = await newPair();
    const earlier = await appender.append(input(p, 'earlier', 'k-earlier'));
    const statements = countStatements();
    const [first, resend, copy, theirs, next] = await Promise.all([
      appender.append(input(p, 'one', 'k1')),
      appender.append(input(p, 'earlier', 'k-earlier')),
      appender.append(input(p, 'one', 'k1')),
      // Keys are per sender: the mentee's k1 is another message.
      appender.append(input(p, 'their one', 'k1', p.mentee)),
      appender.append(input(p, 'two', 'k2')),
    ]);
    expect(statements()).toEqual({ batches: 1, singles: 0, lookups: 1 });
    expect([first, resend, copy, theirs, next].map((r) => r?.created)).toEqual([true, false, false, true, true]);
    expect(resend?.row).toEqual(earlier?.row);
    expect(copy?.row).toEqual(first?.row);
    expect([first, theirs, next].map((r) => Number(r?.row.seq))).toEqual([2, 3, 4]);
    expect(await seqsOf(p.conversationId)).toEqual({ bodies: ['earlier', 'one', 'their one', 'two'], lastSeq: 4 });
  });

  it('falls back to one statement per message when the batch is refused, so a bad message fails alone', async () => {
    const p = await newPair();
    const statements = countStatements();
    const settled = await Promise.allSettled([
      appender.append(input(p, 'fine 1')),
      // Refused by the table's CHECK (the service never lets one through; here it stands for any bad row).
      appender.append(input(p, '')),
      appender.append({ ...input(p, 'nowhere'), conversationId: randomUUID() }),
      appender.append(input(p, 'fine 2')),
    ]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    const values = settled.map((s) => (s.status === 'fulfilled' ? s.value : 'refused'));
    expect(values[2]).toBeUndefined();
    expect([values[0], values[3]].map((v) => (typeof v === 'object' ? Number(v.row.seq) : v))).toEqual([1, 2]);
    expect(statements()).toEqual({ batches: 1, singles: 4 });
    expect(await seqsOf(p.conversationId)).toEqual({ bodies: ['fine 1', 'fine 2'], lastSeq: 2 });
  });

  it('a resend that another statement commits while the batch waits for the lock: no duplicate, no gap', async () => {
    const p = await newPair();
    const other = new Client({ connectionString: t.app.get(AppConfig).DATABASE_URL });
    await other.connect();
    try {
      // Another instance storing the same resend: it holds the conversation's lock until it commits.
      await other.query('BEGIN');
      await other.query(
        `WITH bump AS (UPDATE conversation SET last_seq = last_seq + 1, last_message_at = clock_timestamp() WHERE id = $1 RETURNING last_seq, last_message_at)
         INSERT INTO chat_message (id, conversation_id, seq, sender_id, body, client_message_id, created_at)
         SELECT ${messageIdSql('bump.last_seq')}, $1, bump.last_seq, $2, 'raced', 'k-raced', bump.last_message_at FROM bump`,
        [p.conversationId, p.mentor.user.id],
      );
      const statements = countStatements();
      const both = Promise.all([appender.append(input(p, 'raced', 'k-raced')), appender.append(input(p, 'after', 'k-after'))]);
      await new Promise((r) => setTimeout(r, 200));
      await other.query('COMMIT');
      const [raced, after] = await both;
      expect([raced?.created, after?.created]).toEqual([false, true]);
      expect([raced?.row.body, Number(raced?.row.seq), Number(after?.row.seq)]).toEqual(['raced', 1, 2]);
      // The batch tripped the unique index: the stored copy was looked up, the rest went again as a batch.
      expect(statements()).toEqual({ batches: 1, singles: 0, lookups: 1 });
      expect(await seqsOf(p.conversationId)).toEqual({ bodies: ['raced', 'after'], lastSeq: 2 });
    } finally {
      await other.end();
    }
  });

  it('the append statements read nothing of chat_message, whatever the statistics were when they were planned', async () => {
    // A prepared statement's generic plan is made once per connection: made on an empty table, a lookup in the
    // statement probed the conversation's seq index and filtered, or scanned the table, on every send from then on.
    const client = new Client({ connectionString: t.app.get(AppConfig).DATABASE_URL });
    await client.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      const statements = [
        { s: APPEND, types: 'uuid, uuid, text, text', args: `'${randomUUID()}', '${randomUUID()}', 'x', 'k'` },
        { s: APPEND_BATCH, types: 'uuid[], uuid[], text[], text[]', args: `'{}', '{}', '{}', '{}'` },
      ];
      for (const { s, types, args } of statements) {
        await client.query(`PREPARE plan_check(${types}) AS ${s.text}`);
        const [row] = (await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) EXECUTE plan_check(${args})`)).rows;
        await client.query('DEALLOCATE plan_check');
        const reads: string[] = [];
        const walk = (node: { 'Node Type': string; 'Relation Name'?: string; Plans?: unknown[] }): void => {
          if (node['Relation Name'] === 'chat_message' && node['Node Type'] !== 'ModifyTable') reads.push(node['Node Type']);
          for (const child of node.Plans ?? []) walk(child as typeof node);
        };
        const [plan] = row?.['QUERY PLAN'] as Array<{ Plan: Parameters<typeof walk>[0] }>;
        if (!plan) throw new Error(`no plan for ${s.name}`);
        walk(plan.Plan);
        expect({ statement: s.name, reads }).toEqual({ statement: s.name, reads: [] });
      }
    } finally {
      await client.end();
    }
  });
});
