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
});
