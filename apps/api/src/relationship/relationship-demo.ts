import type { EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { DEFAULT_AGREEMENT_TEMPLATE } from './agreements/agreement-defaults';

/**
 * Demo data of the relationship (called by the demo seed): a board with something to say on the first Monday.
 * mentor1's pairs had a session three days ago, not yet logged (what a mentor does first in the demo); a few
 * pairs met last week and signed their agreement (on track); one pair has two no-shows and one a low check-in
 * (at risk); the rest have neither met nor signed (needs a check-in).
 */
export async function seedRelationshipDemo(manager: EntityManager, programId: string): Promise<void> {
  const pairs: Array<{ id: string; mentor_id: string; mentee_id: string; mentor_email: string }> = await manager.query(
    `SELECT m.id, m.mentor_id, m.mentee_id, mo.email AS mentor_email
       FROM mentorship m JOIN app_user mo ON mo.id = m.mentor_id JOIN app_user me ON me.id = m.mentee_id
      WHERE m.program_id = $1 AND m.status = 'active' ORDER BY me.email`,
    [programId],
  );
  let slot = 0;
  const session = async (pair: (typeof pairs)[number], daysAgo: number, attendance: 'attended' | 'no_show' | null): Promise<void> => {
    slot += 1;
    const start = new Date(Date.now() - daysAgo * 86_400_000);
    start.setUTCHours(5 + (slot % 10), 0, 0, 0);
    const end = new Date(start.getTime() + 60 * 60_000);
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO mentoring_session (program_id, mentorship_id, mentor_id, starts_at, ends_at, modality, meeting_url)
       VALUES ($1, $2, $3, $4, $5, 'virtual', $6) RETURNING id`,
      [programId, pair.id, pair.mentor_id, start, end, `https://meet.jit.si/demo-${randomUUID()}`],
    );
    const id = (rows[0] as { id: string }).id;
    await manager.query(
      `INSERT INTO session_attendee (session_id, user_id, role, mentorship_id, starts_at, ends_at, attendance, attendance_marked_at)
       VALUES ($1, $2, 'mentor', NULL, $4, $5, NULL, NULL), ($1, $3, 'mentee', $6, $4, $5, $7::session_attendance, CASE WHEN $7::text IS NULL THEN NULL ELSE now() END)`,
      [id, pair.mentor_id, pair.mentee_id, start, end, pair.id, attendance],
    );
  };
  const signed = (pair: (typeof pairs)[number]): Promise<unknown> =>
    manager.query(
      `INSERT INTO mentorship_agreement (mentorship_id, goals, meetings_per_month, confidentiality_en, confidentiality_fa, signed_by_mentor_at, signed_by_mentee_at)
       VALUES ($1, $2::jsonb, 2, $3, $4, now() - interval '20 days', now() - interval '19 days')`,
      [
        pair.id,
        JSON.stringify(DEFAULT_AGREEMENT_TEMPLATE.goals.fa.slice(0, 2).map((text) => ({ id: randomUUID(), text, achievedAt: null }))),
        DEFAULT_AGREEMENT_TEMPLATE.confidentiality.en,
        DEFAULT_AGREEMENT_TEMPLATE.confidentiality.fa,
      ],
    );

  const mentor1 = pairs.filter((p) => p.mentor_email === 'mentor1@demo.example');
  const others = pairs.filter((p) => p.mentor_email !== 'mentor1@demo.example');
  for (const pair of mentor1) {
    await signed(pair);
    await session(pair, 3, 'attended');
  }
  const [noShows, lowCheckIn, ...rest] = others;
  if (noShows) {
    await signed(noShows);
    await session(noShows, 12, 'no_show');
    await session(noShows, 5, 'no_show');
  }
  if (lowCheckIn) {
    await signed(lowCheckIn);
    await session(lowCheckIn, 6, 'attended');
    await manager.query(`INSERT INTO mentorship_check_in (mentorship_id, mentee_id, rating, comment) VALUES ($1, $2, 2, NULL)`, [lowCheckIn.id, lowCheckIn.mentee_id]);
  }
  for (const pair of rest.slice(0, Math.ceil(rest.length / 2))) {
    await signed(pair);
    await session(pair, 7, 'attended');
  }
}
