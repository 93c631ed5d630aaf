import { Client } from 'pg';
import { EnrollmentRole, MAX_SERIES_OCCURRENCES, MentorshipStatus, Modality } from '@pm/contracts';
import { AppConfig } from '@api/config/app-config';
import { MentorshipEntity } from '@api/matching/mentorship.entity';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';
import { MINE } from './session.store';

const DAY = 86_400_000;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

describe('the session list statement and the plan PostgreSQL caches for it (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(async () => t.close());

  async function pair(): Promise<{ mentor: TestUser; mentee: TestUser; mentorshipId: string }> {
    const program = await newProgram(t, await newCoordinator(t));
    const mentor = await newMentor(t);
    const mentee = await newMentee(t);
    await enrol(t, program.id, mentor, EnrollmentRole.Mentor);
    await enrol(t, program.id, mentee, EnrollmentRole.Mentee);
    const repo = t.dataSource.getRepository(MentorshipEntity);
    const m = await repo.save(repo.create({ programId: program.id, mentorId: mentor.user.id, menteeId: mentee.user.id, status: MentorshipStatus.Active }));
    return { mentor, mentee, mentorshipId: m.id };
  }

  async function book(by: TestUser, mentorshipId: string, startsAt: number, weeklyOccurrences = 1): Promise<void> {
    const res = await t
      .http()
      .post('/api/sessions')
      .set(by.auth)
      .send({ mentorshipId, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 3_600_000).toISOString(), modality: Modality.Virtual, weeklyOccurrences });
    expect(res.status).toBe(201);
  }

  it('reads the viewer’s own sessions, not every session in the database, in the generic plan', async () => {
    // PostgreSQL plans a prepared statement once for any parameters from its sixth call on a connection on. That
    // plan took the optional filters ($2-$4 IS NULL OR …) for selective and scanned every session to probe each
    // one's attendee row; forced here, so the test does not depend on when the cache switches.
    const base = Math.ceil((Date.now() + 7 * DAY) / DAY) * DAY;
    const crowd = await pair();
    const series = 8;
    for (let k = 0; k < series; k++) await book(crowd.mentor, crowd.mentorshipId, base + (8 + k) * 3_600_000, MAX_SERIES_OCCURRENCES);
    const viewer = await pair();
    for (let k = 0; k < 3; k++) await book(viewer.mentor, viewer.mentorshipId, base + k * DAY + 12 * 3_600_000);
    const total = series * MAX_SERIES_OCCURRENCES + 3;

    const client = new Client({ connectionString: t.app.get(AppConfig).DATABASE_URL });
    await client.connect();
    try {
      await client.query('SET plan_cache_mode = force_generic_plan');
      await client.query(`PREPARE plan_check(uuid, timestamptz, timestamptz, text) AS ${MINE.text}`);
      // EXECUTE takes no bind parameters; the id is a UUID this test made.
      const execute = `EXECUTE plan_check('${viewer.mentee.user.id}', NULL, NULL, NULL)`;
      const listed = await client.query(execute);
      expect(listed.rows).toHaveLength(3);
      const [row] = (await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${execute}`)).rows;
      const plan = row?.['QUERY PLAN'][0]?.Plan;
      if (!plan) throw new Error('no plan');
      const blocks = (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
      // Probing every session's attendee row costs two or more blocks per session in the database (2,118 for
      // 1,012 in the load benchmark); the viewer's three, found by the user index, take a few dozen. Measured: 875
      // blocks before, 33 after.
      expect(blocks).toBeLessThan(total / 4);
      // And neither table is read but through an index, whatever their size.
      const scans: string[] = [];
      const walk = (node: PlanNode): void => {
        if (node['Node Type'] === 'Seq Scan' && ['mentoring_session', 'session_attendee'].includes(node['Relation Name'] ?? '')) scans.push(node['Relation Name'] ?? '');
        for (const child of node.Plans ?? []) walk(child);
      };
      walk(plan);
      expect(scans).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
