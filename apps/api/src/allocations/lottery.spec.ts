import { execFileSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { lotteryHash, runLottery, type LotteryMentee } from './lottery';

const uuid = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** An independent SHA-256 (WebCrypto), so the check does not reuse the code under test. */
async function webSha256(text: string): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

describe('lotteryHash', () => {
  it('is the lowercase hex SHA-256 of seed + ":" + userId, as sha256sum prints it', () => {
    // echo -n "dean-2026:00000000-0000-4000-8000-000000000001" | sha256sum
    expect(lotteryHash('dean-2026', uuid(1))).toBe('100fa74cb24cc44f1946a2620e6fdd46bca13036c623d4d15b71b097a777eaf0');
  });

  it('agrees with the system sha256sum on a Persian seed (UTF-8)', () => {
    let expected: string;
    try {
      expected = execFileSync('sha256sum', { input: `قرعه ۱۴۰۵:${uuid(7)}` }).toString().split(' ')[0];
    } catch {
      return; // no coreutils: the WebCrypto check below covers it
    }
    expect(lotteryHash('قرعه ۱۴۰۵', uuid(7))).toBe(expected);
  });
});

describe('runLottery: the order against a brute recomputation', () => {
  const mentees: LotteryMentee[] = Array.from({ length: 120 }, (_, i) => ({ id: uuid(i + 1), yearOfStudy: 1 + (i % 2) }));

  it('120 applicants, 60 places: the 60 smallest hashes are offered', async () => {
    const seed = 'dean-2026';
    const result = runLottery(seed, 60, mentees, 'none');
    const brute = await Promise.all(mentees.map(async (m) => ({ id: m.id, h: await webSha256(`${seed}:${m.id}`) })));
    brute.sort((a, b) => (a.h < b.h ? -1 : 1));
    expect(result.offered).toEqual(brute.slice(0, 60).map((x) => x.id));
    expect(result.waitlisted).toEqual(brute.slice(60).map((x) => x.id));
    expect(result.entries.map((e) => e.rank)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('the same seed gives the same split; another seed another one', () => {
    expect(runLottery('a', 10, mentees, 'none')).toEqual(runLottery('a', 10, [...mentees].reverse(), 'none'));
    expect(runLottery('b', 10, mentees, 'none').offered).not.toEqual(runLottery('a', 10, mentees, 'none').offered);
  });

  it('property: offered = the `places` smallest hashes, whatever the input order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (seed, n, places) => {
        const list = mentees.slice(0, n);
        const result = runLottery(seed, places, list, 'none');
        const brute = list.map((m) => ({ id: m.id, h: lotteryHash(seed, m.id) })).sort((a, b) => (a.h < b.h ? -1 : 1));
        expect(result.offered).toEqual(brute.slice(0, places).map((x) => x.id));
        expect(result.offered.length + result.waitlisted.length).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('runLottery: stratified by year of study', () => {
  it('largest-remainder quotas, lowest hashes within each year', () => {
    // 7 in year 1, 4 in year 2, 2 with no year (N = 13); 6 places: exact shares 3.23, 1.85, 0.92.
    const list: LotteryMentee[] = [
      ...Array.from({ length: 7 }, (_, i) => ({ id: uuid(100 + i), yearOfStudy: 1 })),
      ...Array.from({ length: 4 }, (_, i) => ({ id: uuid(200 + i), yearOfStudy: 2 })),
      ...Array.from({ length: 2 }, (_, i) => ({ id: uuid(300 + i), yearOfStudy: null })),
    ];
    const result = runLottery('strata', 6, list, 'year_of_study');
    const offeredIn = (year: number | null): number => list.filter((m) => m.yearOfStudy === year && result.offered.includes(m.id)).length;
    // 6*7 = 42 = 3*13 + 3; 6*4 = 24 = 1*13 + 11; 6*2 = 12 = 0*13 + 12: remainders 3, 11, 12, so no year and year 2 get the extra places.
    expect([offeredIn(1), offeredIn(2), offeredIn(null)]).toEqual([3, 2, 1]);
    for (const year of [1, 2, null]) {
      const members = list.filter((m) => m.yearOfStudy === year).map((m) => ({ id: m.id, h: lotteryHash('strata', m.id) }));
      members.sort((a, b) => (a.h < b.h ? -1 : 1));
      const quota = offeredIn(year);
      expect(members.slice(0, quota).every((m) => result.offered.includes(m.id))).toBe(true);
      expect(members.slice(quota).every((m) => result.waitlisted.includes(m.id))).toBe(true);
    }
  });

  it('property: each year gets floor or ceiling of its share, and the places add up', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }), { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), fc.string({ maxLength: 8 }), (years, places, seed) => {
        const list = years.map((y, i) => ({ id: uuid(i), yearOfStudy: y }));
        const result = runLottery(seed, places, list, 'year_of_study');
        expect(result.offered.length).toBe(Math.min(places, list.length));
        for (const year of new Set(years)) {
          const n = years.filter((y) => y === year).length;
          const got = list.filter((m) => m.yearOfStudy === year && result.offered.includes(m.id)).length;
          const share = (Math.min(places, list.length) * n) / list.length;
          expect(got).toBeGreaterThanOrEqual(Math.floor(share));
          expect(got).toBeLessThanOrEqual(Math.ceil(share));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a negative or fractional number of places', () => {
    expect(() => runLottery('s', -1, [], 'none')).toThrow(RangeError);
    expect(() => runLottery('s', 1.5, [], 'none')).toThrow(RangeError);
  });
});
