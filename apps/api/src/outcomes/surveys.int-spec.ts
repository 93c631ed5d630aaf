import { EnrollmentRole } from '@pm/contracts';
import { enrol, newCoordinator, newMentee, newMentor, newProgram } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

describe('perception surveys (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('asks the default items, takes each mentee’s answers once, and summarises them per item', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const [a, b] = [await newMentee(t), await newMentee(t)];
    await enrol(t, p.id, a, EnrollmentRole.Mentee);
    await enrol(t, p.id, b, EnrollmentRole.Mentee);
    const items = (await t.http().get(`/api/programs/${p.id}/survey-items`).set(a.auth).expect(200)).body as Array<{ id: string; key: string }>;
    expect(items.map((i) => i.key)).toEqual(['useful', 'supported', 'confidence', 'study_skills', 'recommend']);
    const answer = (value: number) => ({ answers: items.map((i) => ({ itemId: i.id, value })) });
    await t.http().post(`/api/programs/${p.id}/survey-responses`).set(a.auth).send(answer(4)).expect(201);
    await t.http().post(`/api/programs/${p.id}/survey-responses`).set(b.auth).send(answer(2)).expect(201);
    const twice = await t.http().post(`/api/programs/${p.id}/survey-responses`).set(a.auth).send(answer(5)).expect(409);
    expect(twice.body.code).toBe('SURVEY_ALREADY_ANSWERED');
    const summary = await t.http().get(`/api/programs/${p.id}/survey-summary`).set(c.auth).expect(200);
    expect(summary.body.respondents).toBe(2);
    expect(summary.body.items[0]).toMatchObject({ key: 'useful', n: 2, mean: 3, distribution: [0, 1, 0, 1, 0] });
    expect(summary.body.items[0].sd).toBeCloseTo(Math.SQRT2, 10);
  });

  it('writes the default statements in the language of the first reader, and keeps them for everyone after', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const first = (await t.http().get(`/api/programs/${p.id}/survey-items`).query({ lang: 'fa' }).set(c.auth).expect(200)).body as Array<{ key: string; text: string }>;
    expect(first.map((i) => i.key)).toEqual(['useful', 'supported', 'confidence', 'study_skills', 'recommend']);
    for (const item of first) expect(item.text).toMatch(/[\u0600-\u06ff]/);
    const later = (await t.http().get(`/api/programs/${p.id}/survey-items`).query({ lang: 'en' }).set(c.auth).expect(200)).body as Array<{ text: string }>;
    expect(later.map((i) => i.text)).toEqual(first.map((i) => i.text));
    await t.http().get(`/api/programs/${p.id}/survey-items`).query({ lang: 'de' }).set(c.auth).expect(400);
  });

  it('refuses incomplete, repeated, out-of-range or foreign answers with 400, and mentors and strangers', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const mentee = await newMentee(t);
    const mentor = await newMentor(t);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
    const items = (await t.http().get(`/api/programs/${p.id}/survey-items`).set(mentee.auth).expect(200)).body as Array<{ id: string }>;
    const url = `/api/programs/${p.id}/survey-responses`;
    const all = items.map((i) => ({ itemId: i.id, value: 3 }));
    for (const answers of [all.slice(1), [...all, all[0]], all.map((x) => ({ ...x, value: 6 })), all.map((x) => ({ ...x, value: 2.5 })), [...all.slice(1), { itemId: '6f1c1d5e-0000-4000-8000-000000000000', value: 3 }]]) {
      await t.http().post(url).set(mentee.auth).send({ answers }).expect(400);
    }
    await t.http().post(url).set(mentor.auth).send({ answers: all }).expect(403);
    await t.http().post(url).set((await newMentee(t)).auth).send({ answers: all }).expect(404);
  });

  it('lets coordinators edit the items; a known key keeps its answers, a dropped one is no longer asked', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c);
    const mentee = await newMentee(t);
    await enrol(t, p.id, mentee, EnrollmentRole.Mentee);
    const res = await t
      .http()
      .put(`/api/programs/${p.id}/survey-items`)
      .set(c.auth)
      .send({ items: [{ key: 'useful', text: 'Mentoring helped me.' }, { key: 'belonging', text: 'I feel part of the school.' }] })
      .expect(200);
    expect(res.body.map((i: { key: string; text: string }) => [i.key, i.text])).toEqual([['useful', 'Mentoring helped me.'], ['belonging', 'I feel part of the school.']]);
    await t.http().put(`/api/programs/${p.id}/survey-items`).set(c.auth).send({ items: [{ key: 'Bad Key', text: 'x' }] }).expect(400);
    await t.http().put(`/api/programs/${p.id}/survey-items`).set(mentee.auth).send({ items: [{ key: 'x', text: 'x' }] }).expect(403);
  });

  describe('waves', () => {
    it('ships item sets with their sources, in both languages, to coordinators only', async () => {
      const c = await newCoordinator(t);
      const en = (await t.http().get('/api/survey-item-sets').set(c.auth).expect(200)).body as Array<{ id: string; source: string; items: Array<{ key: string; baseline: boolean }> }>;
      expect(en.map((set) => set.id)).toEqual(['mentoring-perception', 'study-stress-and-support']);
      expect(en.every((set) => set.source.includes('CC0'))).toBe(true);
      // The retrospective statements are for the end only; the repeated set is asked at both waves.
      expect(en[0]?.items.every((i) => !i.baseline)).toBe(true);
      expect(en[1]?.items.every((i) => i.baseline)).toBe(true);
      const fa = (await t.http().get('/api/survey-item-sets').query({ lang: 'fa' }).set(c.auth).expect(200)).body as Array<{ name: string; items: Array<{ text: string }> }>;
      for (const set of fa) for (const text of [set.name, ...set.items.map((i) => i.text)]) expect(text).toMatch(/[\u0600-\u06ff]/);
      await t.http().get('/api/survey-item-sets').set((await newMentee(t)).auth).expect(403);
    });

    it('asks the baseline before mentoring begins, closes it once it has, and pairs each student’s change per item', async () => {
      const c = await newCoordinator(t);
      const p = await newProgram(t, c);
      const [mentored, comparison, late] = [await newMentee(t), await newMentee(t), await newMentee(t)];
      const mentor = await newMentor(t);
      for (const m of [mentored, comparison, late]) await enrol(t, p.id, m, EnrollmentRole.Mentee);
      await enrol(t, p.id, mentor, EnrollmentRole.Mentor);
      const sets = (await t.http().get('/api/survey-item-sets').set(c.auth).expect(200)).body as Array<{ id: string; source: string; items: Array<{ key: string; text: string; baseline: boolean }> }>;
      const repeated = sets.find((set) => set.id === 'study-stress-and-support');
      if (!repeated) throw new Error('no repeated set');
      const saved = await t
        .http()
        .put(`/api/programs/${p.id}/survey-items`)
        .set(c.auth)
        .send({ items: [...repeated.items.map((i) => ({ ...i, source: repeated.source })), { key: 'useful', text: 'The mentoring was useful.' }] })
        .expect(200);
      expect(saved.body[0]).toMatchObject({ key: 'study_overload', baseline: true, source: repeated.source });
      expect(saved.body[6]).toMatchObject({ key: 'useful', baseline: false, source: null });
      const items = saved.body as Array<{ id: string; key: string; baseline: boolean }>;
      const url = `/api/programs/${p.id}/survey-responses`;
      const sheet = (wave: 'baseline' | 'end', value: number) => ({ wave, answers: items.filter((i) => wave === 'end' || i.baseline).map((i) => ({ itemId: i.id, value })) });

      expect((await t.http().get(`/api/programs/${p.id}/survey-waves`).set(mentored.auth).expect(200)).body).toEqual({ baseline: { open: true, answered: false }, end: { open: true, answered: false } });
      // The end-only statement is not part of the baseline sheet.
      await t.http().post(url).set(mentored.auth).send({ wave: 'baseline', answers: items.map((i) => ({ itemId: i.id, value: 2 })) }).expect(400);
      await t.http().post(url).set(mentored.auth).send(sheet('baseline', 2)).expect(201);
      expect((await t.http().post(url).set(mentored.auth).send(sheet('baseline', 2)).expect(409)).body.code).toBe('SURVEY_ALREADY_ANSWERED');
      await t.http().post(url).set(comparison.auth).send(sheet('baseline', 3)).expect(201);

      // Matched before answering: no baseline any more (it would not be one).
      await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: late.user.id, mentorId: mentor.user.id }).expect(201);
      expect((await t.http().get(`/api/programs/${p.id}/survey-waves`).set(late.auth).expect(200)).body.baseline).toEqual({ open: false, answered: false });
      expect((await t.http().post(url).set(late.auth).send(sheet('baseline', 1)).expect(409)).body.code).toBe('SURVEY_WAVE_CLOSED');
      await t.http().post(url).set(late.auth).send({ wave: 'midterm', answers: [] }).expect(400);

      await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: mentored.user.id, mentorId: mentor.user.id }).expect(201);
      await t.http().post(url).set(mentored.auth).send(sheet('end', 4)).expect(201);
      await t.http().post(url).set(comparison.auth).send(sheet('end', 4)).expect(201);
      await t.http().post(url).set(late.auth).send({ answers: sheet('end', 5).answers }).expect(201);
      expect((await t.http().get(`/api/programs/${p.id}/survey-waves`).set(mentored.auth).expect(200)).body).toEqual({ baseline: { open: false, answered: true }, end: { open: false, answered: true } });

      const summary = await t.http().get(`/api/programs/${p.id}/survey-summary`).set(c.auth).expect(200);
      expect(summary.body).toMatchObject({ respondents: 3, baselineRespondents: 2 });
      const coping = (summary.body.items as Array<{ key: string }>).find((i) => i.key === 'coping') as unknown as Record<string, unknown> & { change: { ci95: [number, number]; pValue: number } };
      // Changes 4-2 = 2 and 4-3 = 1: mean 1.5, sd √0.5, t = 3 on 1 df (R: t.test(c(4,4), c(2,3), paired = TRUE)).
      expect(coping).toMatchObject({ n: 3, mean: 13 / 3, baselineN: 2, baselineMean: 2.5, source: repeated.source, change: { n: 2, meanChange: 1.5 } });
      expect(coping.change.ci95[0]).toBeCloseTo(-4.853102, 5);
      expect(coping.change.ci95[1]).toBeCloseTo(7.853102, 5);
      expect(coping.change.pValue).toBeCloseTo(0.2048328, 6);
      const useful = (summary.body.items as Array<{ key: string }>).find((i) => i.key === 'useful');
      expect(useful).toMatchObject({ n: 3, baselineN: 0, baselineMean: null, change: { n: 0, meanChange: null, ci95: null, pValue: null } });
    });
  });
});
