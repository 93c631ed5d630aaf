import { startTestApp, type TestApp } from '@api-test/test-app';
import { nth } from '@api-test/factories';

describe('the demo seed (integration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DEMO_SEED: 'true' });
  });
  afterAll(async () => t.close());

  const login = async (email: string): Promise<string> =>
    ((await t.http().post('/api/auth/login').send({ email, password: 'demo-password' }).expect(200)).body as { accessToken: string }).accessToken;

  it('loads a program with a coordinator, 10 mentors and 30 mentees, some already matched', async () => {
    const token = await login('coordinator@demo.example');
    const programs = await t.http().get('/api/programs').set('Authorization', `Bearer ${token}`).expect(200);
    expect(programs.body).toHaveLength(1);
    expect(programs.body[0]).toMatchObject({ name: 'Preclinical Peer Mentoring', counts: { mentors: 10, mentees: 30, coordinators: 1 } });
    const mentorships = await t.http().get(`/api/programs/${programs.body[0].id}/mentorships`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(mentorships.body.length).toBeGreaterThanOrEqual(15);
    expect(mentorships.body.length).toBeLessThan(30);
  });

  it('has grades before and after the start, so the outcomes page has both groups', async () => {
    const token = await login('coordinator@demo.example');
    const program = nth((await t.http().get('/api/programs').set('Authorization', `Bearer ${token}`).expect(200)).body as Array<{ id: string }>, 0);
    const res = await t.http().get(`/api/programs/${program.id}/outcomes`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.mentored.n).toBeGreaterThanOrEqual(15);
    expect(res.body.comparison.n).toBeGreaterThanOrEqual(40);
    expect(res.body.mentored.meanChange).toEqual(expect.any(Number));
    expect(res.body.difference.pValue).toEqual(expect.any(Number));
    const surveys = await t.http().get(`/api/programs/${program.id}/survey-summary`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(surveys.body.respondents).toBeGreaterThanOrEqual(15);
  });

  it('lets a demo mentee sign in and see their mentor and their own results', async () => {
    const token = await login('mentee1@demo.example');
    const mine = await t.http().get('/api/me/mentorships').set('Authorization', `Bearer ${token}`).expect(200);
    expect(mine.body).toEqual([expect.objectContaining({ myRole: 'mentee' })]);
    const records = await t.http().get('/api/me/academic-records').set('Authorization', `Bearer ${token}`).expect(200);
    expect(records.body.length).toBeGreaterThanOrEqual(4);
    expect(records.body.every((r: { studentEmail: string }) => r.studentEmail === 'mentee1@demo.example')).toBe(true);
  });
});
