import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnrollmentRole, type AllocationResponse, type OutcomesResponse } from '@pm/contracts';
import { ancova, prePostByStudent, summarizeGroup, type AssessmentRecord } from '@pm/stats';
import { enrol, newCoordinator, newMentee, newMentor, newProgram, nth, type TestUser } from '@api-test/factories';
import { startTestApp, type TestApp } from '@api-test/test-app';

const HEADER = 'student_email,assessment,taken_on,score,max_score';

interface AncovaCase {
  label: string;
  pre: number[];
  post: number[];
  treated: number[];
  treatedCoefficient: { estimate: number; standardError: number; pValue: number; ci95: number[] };
}

/** Printed by R's lm() (libs/stats/src/lib/reference/regression.R); read as data, not imported across projects. */
const reference = JSON.parse(readFileSync(join(__dirname, '../../../../libs/stats/src/lib/reference/regression-reference.json'), 'utf8')) as { ancova: AncovaCase[] };
const anorexia = nth(reference.ancova, 0); // MASS::anorexia, CBT vs control: Postwt ~ Prewt + CBT

/** Agreement to six significant digits or better. */
function expectSixDigits(actual: number | null | undefined, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? NaN) - expected) / Math.abs(expected)).toBeLessThan(5e-7);
}

describe('evaluation: adjusted, randomized, report (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const importCsv = (programId: string, who: TestUser, csv: string) =>
    t.http().post(`/api/programs/${programId}/academic-records/import`).set(who.auth).set('Content-Type', 'text/csv').send(csv).expect(200);

  /**
   * The "done when" of issue 15 on a published data set: a lottery among the anorexia trial's 55 patients (29
   * places), the winners matched, each winner given a CBT patient's weights and each waitlisted mentee a control
   * patient's, as before and after results. The randomized and the mentored-vs-comparison ANCOVA must then both
   * reproduce R's lm(Postwt ~ Prewt + CBT) to six digits, and the Persian report must state it.
   */
  it('a lottery, matching, an import and a report reproduce R on MASS::anorexia', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { name: 'Anatomy <peer> mentoring', startsOn: '2026-02-01', endsOn: '2026-11-30' });
    const treatedRows = anorexia.pre.map((pre, i) => ({ pre, post: nth(anorexia.post, i) })).filter((_, i) => anorexia.treated[i] === 1);
    const controlRows = anorexia.pre.map((pre, i) => ({ pre, post: nth(anorexia.post, i) })).filter((_, i) => anorexia.treated[i] === 0);
    expect([treatedRows.length, controlRows.length]).toEqual([29, 26]);

    const mentees: TestUser[] = [];
    for (let i = 0; i < 55; i++) {
      const m = await newMentee(t, { email: `patient${i}@uni.example`, fullName: `Mentee ${i}` });
      await enrol(t, p.id, m, EnrollmentRole.Mentee);
      mentees.push(m);
    }
    const mentors: TestUser[] = [];
    for (let i = 0; i < 10; i++) {
      const mentor = await newMentor(t, { fullName: `Mentor ${i}` });
      await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 3);
      mentors.push(mentor);
    }

    const allocation = (await t.http().post(`/api/programs/${p.id}/allocations`).set(c.auth).send({ places: 29, seed: 'MASS::anorexia' }).expect(201)).body as AllocationResponse;
    // The term is in the past for this test's clock: each winner's mentorship is recorded as begun before it.
    for (const [i, menteeId] of allocation.offered.entries()) {
      await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId, mentorId: nth(mentors, i % 10).user.id, startedOn: '2026-01-20' }).expect(201);
    }

    const emailOf = new Map(mentees.map((m) => [m.user.id, m.user.email]));
    const lines = [HEADER];
    const add = (userId: string, row: { pre: number; post: number }): void => {
      const email = emailOf.get(userId) ?? '';
      // Out of 200 (some weights pass 100 lb): every value is half the weight, exactly (a power of two).
      lines.push(`${email},Weight before,2026-01-15,${row.pre},200`, `${email},Weight after,2026-11-20,${row.post},200`);
    };
    allocation.offered.forEach((id, i) => add(id, nth(treatedRows, i)));
    allocation.waitlisted.forEach((id, i) => add(id, nth(controlRows, i)));
    await importCsv(p.id, c, lines.join('\n'));

    const res = await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200);
    const o = res.body as OutcomesResponse;
    // Values are weight / 2, so the coefficient, its standard error and interval are R's halved; p is unchanged.
    const r = anorexia.treatedCoefficient;
    const expected = { estimate: r.estimate / 2, standardError: r.standardError / 2, pValue: r.pValue, ci95: r.ci95.map((x) => x / 2) };
    expect(o.randomized?.seed).toBe('MASS::anorexia');
    expect(o.randomized?.adjusted.n).toBe(55);
    expectSixDigits(o.randomized?.adjusted.estimate, expected.estimate);
    expectSixDigits(o.randomized?.adjusted.standardError, expected.standardError);
    expectSixDigits(o.randomized?.adjusted.pValue, expected.pValue);
    expectSixDigits(o.randomized?.adjusted.ci95?.[0], nth(expected.ci95, 0));
    expectSixDigits(o.randomized?.adjusted.ci95?.[1], nth(expected.ci95, 1));
    expect(o.randomized?.adjusted.df).toBe(52);
    // Every winner was matched, so mentored = offered and the observational ANCOVA is the same model.
    expect(o.mentored.n).toBe(29);
    expectSixDigits(o.adjusted.estimate, expected.estimate);
    expect(o.randomized?.offered.n).toBe(29);
    expect(o.randomized?.waitlisted.n).toBe(26);
    // Nobody has held a session: x is constant, so no slope, and no NaN anywhere.
    expect(o.doseResponse).toMatchObject({ n: 29, slope: null, ci95: null, pValue: null });
    expect(JSON.stringify(o)).not.toMatch(/NaN|Infinity/);

    const fa = await t.http().get(`/api/programs/${p.id}/outcomes/report`).query({ lang: 'fa' }).set(c.auth).expect(200).expect('Content-Type', /text\/html/);
    expect(fa.text).toContain('<html lang="fa" dir="rtl">');
    expect(fa.text).toContain('Anatomy &lt;peer&gt; mentoring');
    expect(fa.text).toContain('۲٫۱۲۲۰۶'); // 2.12206: R's 4.244112 / 2 to six significant digits, in Persian digits
    expect(fa.text).toContain('۲٫۱ نمره بیشتر');
    expect(fa.text).toContain('<span class="seed">MASS::anorexia</span>');
    expect(fa.headers['content-security-policy']).toContain("default-src 'none'");
    const en = await t.http().get(`/api/programs/${p.id}/outcomes/report`).query({ lang: 'en' }).set(c.auth).expect(200);
    expect(en.text).toContain('<html lang="en" dir="ltr">');
    expect(en.text).toContain('2.12206');
    expect(en.text).toContain('on average 2.1 points higher');
    expect(en.text).toContain('n = 55'); // in the lottery
    await t.http().get(`/api/programs/${p.id}/outcomes/report`).query({ lang: 'de' }).set(c.auth).expect(400);
    await t.http().get(`/api/programs/${p.id}/outcomes/report`).set((await newCoordinator(t)).auth).expect(404);
    await t.http().get(`/api/programs/${p.id}/outcomes/report`).set(nth(mentees, 0).auth).expect(403);
  }, 120_000);

  it('the SQL aggregates and libs/stats agree on the same records', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { startsOn: '2026-03-01', endsOn: '2026-11-30' });
    const mentor = await newMentor(t);
    await enrol(t, p.id, mentor, EnrollmentRole.Mentor, 15);
    // Awkward values on purpose: scores out of odd maxima, several records per window, a record exactly on startsOn.
    const records: AssessmentRecord[] = [];
    const mentored = new Set<string>();
    for (let s = 0; s < 24; s++) {
      const email = `agree${s}@uni.example`;
      for (let k = 0; k < 3; k++) {
        records.push({ studentKey: email, assessment: `Before ${k}`, takenOn: `2026-01-1${k}`, score: (s * 7 + k * 3) % 37, maxScore: 37 });
        records.push({ studentKey: email, assessment: `After ${k}`, takenOn: k === 0 ? '2026-03-01' : `2026-0${5 + k}-0${k}`, score: ((s * 11 + k * 5) % 23) + 0.5, maxScore: 23.5 });
      }
      if (s % 2 === 0) {
        const m = await newMentee(t, { email });
        await enrol(t, p.id, m, EnrollmentRole.Mentee);
        await t.http().post(`/api/programs/${p.id}/mentorships`).set(c.auth).send({ menteeId: m.user.id, mentorId: mentor.user.id, startedOn: '2026-02-15' }).expect(201);
        mentored.add(email);
      }
    }
    await importCsv(p.id, c, [HEADER, ...records.map((r) => `${r.studentKey},${r.assessment},${r.takenOn},${r.score},${r.maxScore}`)].join('\n'));
    const o = (await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200)).body as OutcomesResponse;

    const students = prePostByStudent(records, '2026-03-01');
    const inGroup = (m: boolean) => students.filter((s) => mentored.has(s.studentKey) === m);
    const close = (a: number | null, b: number | null) => {
      if (a === null || b === null) return expect(a).toBe(b);
      return expect(Math.abs(a - b)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b)));
    };
    const fromStats = summarizeGroup(inGroup(true));
    close(o.mentored.preMean, fromStats.preMean);
    close(o.mentored.postMean, fromStats.postMean);
    close(o.mentored.sdChange, fromStats.sdChange);
    close(o.comparison.meanChange, summarizeGroup(inGroup(false)).meanChange);
    const a = ancova(students.map((s) => ({ pre: s.pre, post: s.post, treated: mentored.has(s.studentKey) })));
    close(o.adjusted.estimate, a.estimate);
    close(o.adjusted.standardError, a.standardError);
    close(o.adjusted.pValue, a.pValue);
    expect(o.adjusted.n).toBe(24);
  }, 60_000);

  it('degenerate data: n < 4 and an empty group give nulls, never NaN', async () => {
    const c = await newCoordinator(t);
    const p = await newProgram(t, c, { startsOn: '2026-03-01', endsOn: '2026-11-30' });
    await importCsv(p.id, c, [HEADER, 'a@uni.example,Q,2026-01-01,50,100', 'a@uni.example,Q,2026-05-01,60,100', 'b@uni.example,Q,2026-01-01,70,100', 'b@uni.example,Q,2026-05-01,65,100'].join('\n'));
    const o = (await t.http().get(`/api/programs/${p.id}/outcomes`).set(c.auth).expect(200)).body as OutcomesResponse;
    expect(o.adjusted).toEqual({ estimate: null, ci95: null, pValue: null, n: 2, standardError: null, df: null });
    expect(o.randomized).toBeUndefined();
    expect(o.doseResponse).toMatchObject({ n: 0, slope: null });
    const report = await t.http().get(`/api/programs/${p.id}/outcomes/report`).set(c.auth).expect(200);
    expect(report.text).not.toMatch(/NaN|undefined|Infinity/);
    expect(report.text).toContain('The comparison group was not randomized');
  });
});
