import type { OutcomeGroup, OutcomesResponse } from '@pm/contracts';
import { escapeHtml } from './report-format';
import type { ReportData } from './report-model';
import { levelsReached, limitations, renderReport } from './report-renderer';
import { REPORT_STRINGS } from './report-strings';
import { ReportFormat } from './report-format';

const group = (n: number, preMean: number | null, meanChange: number | null): OutcomeGroup => ({
  n,
  preMean,
  postMean: preMean !== null && meanChange !== null ? preMean + meanChange : null,
  meanChange,
  sdChange: n > 1 ? 5 : null,
  ci95: n > 1 && meanChange !== null ? [meanChange - 2, meanChange + 2] : null,
  cohensDz: n > 1 && meanChange !== null ? meanChange / 5 : null,
  tStatistic: null,
  pValue: n > 1 ? 0.0312 : null,
});

const adjusted = (estimate: number | null, n: number) => ({
  estimate,
  ci95: estimate === null ? null : ([estimate - 1.5, estimate + 1.5] as [number, number]),
  pValue: estimate === null ? null : 0.0004,
  n,
  standardError: estimate === null ? null : 0.75,
  df: estimate === null ? null : n - 3,
});

function outcomes(overrides: Partial<OutcomesResponse> = {}): OutcomesResponse {
  return {
    mentored: group(58, 61.5, 6.2),
    comparison: group(55, 66.1, 1.1),
    difference: { estimate: 5.1, ci95: [2, 8.2], pValue: 0.001 },
    byModality: { in_person: group(30, 60, 7), virtual: group(20, 62, 5) },
    changes: { mentored: [], comparison: [] },
    effectSize: { cohensDz: 1.24, reading: 'large' },
    passRates: { passMarkPercent: 60, mentored: { pre: 0.5, post: 0.7 }, comparison: { pre: 0.6, post: 0.62 } },
    sessionsVsChange: { n: 58, r: 0.3, pValue: 0.02, ci95: [0.05, 0.52] },
    health: { enrolledMentees: 120, matchedMentees: 58, matchRate: 58 / 120, sessionsPerWeek: [], pairsWithoutRecentSession: [] },
    startsOn: '2026-09-20',
    records: 480,
    adjusted: adjusted(4.244112265475052, 113),
    adjustedByModality: { in_person: adjusted(4.9, 85), virtual: adjusted(null, 2) },
    doseResponse: { slope: 0.8123, ci95: [0.2, 1.4], pValue: 0.01, n: 58, intercept: 1, points: [{ sessions: 0, change: -2 }, { sessions: 3, change: 4 }, { sessions: 8, change: 9 }] },
    randomized: {
      allocationId: 'a',
      seed: 'dean-2026',
      offered: group(58, 62, 6),
      waitlisted: group(57, 63, 1),
      difference: { estimate: 5, ci95: [2, 8], pValue: 0.002 },
      adjusted: adjusted(4.61234567, 115),
    },
    ...overrides,
  } as OutcomesResponse;
}

function data(overrides: Partial<ReportData> = {}): ReportData {
  return {
    program: { name: 'Anatomy <script>alert(1)</script> & "friends"', startsOn: '2026-09-20', endsOn: '2027-01-20' },
    generatedOn: '2027-02-01',
    outcomes: outcomes(),
    allocation: { seed: 'dean-2026', places: 60, stratifyBy: 'none', drawnOn: '2026-09-10', offeredNotMatched: 2, waitlistedMatched: 0 },
    flow: {
      top: [
        { step: 'enrolled', n: 120 },
        { step: 'inLottery', n: 120 },
      ],
      columns: [
        { arm: 'offered', boxes: [{ step: 'allocated', n: 60 }, { step: 'matched', n: 58 }, { step: 'withPrePost', n: 58 }, { step: 'analysed', n: 58 }] },
        { arm: 'waitlisted', boxes: [{ step: 'allocated', n: 60 }, { step: 'matched', n: 0 }, { step: 'withPrePost', n: 57 }, { step: 'analysed', n: 57 }] },
      ],
    },
    surveys: {
      respondents: 40,
      baselineRespondents: 50,
      items: [{ key: 'k', text: 'I <b>plan</b> my study', n: 40, mean: 4.1, baselineN: 50, baselineMean: 3.2, pairedN: 35, pairedChange: 0.9 }],
    },
    ...overrides,
  };
}

describe('renderReport', () => {
  it('escapes every user string: no markup from a program name or a survey item reaches the page', () => {
    const html = renderReport(data(), 'en');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>plan</b>');
    expect(html).toContain('Anatomy &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;');
    expect(html).toContain('I &lt;b&gt;plan&lt;/b&gt; my study');
  });

  it('English: ltr, the randomized adjusted estimate in the summary and to six digits for R', () => {
    const html = renderReport(data(), 'en');
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('on average 4.6 points higher');
    expect(html).toContain('4.61235'); // six significant digits
    expect(html).toContain('<span class="seed">dean-2026</span>');
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/<svg class="flow" role="img"/);
    expect(html).toMatch(/<svg class="dose" role="img"/);
    expect(html).toContain('class="fit"');
  });

  it('Persian: rtl, Persian digits, Jalali dates', () => {
    const html = renderReport(data(), 'fa');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('۴٫۶ نمره بیشتر');
    expect(html).toContain('۴٫۶۱۲۳۵');
    expect(html).toContain('۱۴۰۵'); // the Jalali year of 2026-09-20
    expect(html).toContain('n = ۱۲۰');
    // No Latin digits in the tables (class="num" cells).
    const cells = [...html.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.filter((c) => /[0-9]/.test(c))).toEqual([]);
  });

  it('says so when the adjusted estimate cannot be computed, without NaN', () => {
    const o = outcomes({ adjusted: adjusted(null, 3), randomized: undefined });
    const html = renderReport(data({ outcomes: o, allocation: null }), 'en');
    expect(html).toContain(REPORT_STRINGS.en.summaryNone);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('limitations follow the data', () => {
    const f = new ReportFormat('en');
    const t = REPORT_STRINGS.en;
    const randomized = limitations(t, f, data());
    expect(randomized).not.toContain(t.limits.notRandomized);
    expect(randomized).toContain(t.limits.nonCompliance('2', '60'));
    expect(randomized.some((l) => l.includes('of the students in the lottery have no results'))).toBe(true);
    const observational = limitations(t, f, data({ outcomes: outcomes({ randomized: undefined }), allocation: null }));
    expect(observational).toContain(t.limits.notRandomized);
    expect(observational).toContain(t.limits.baselineGap('4.6'));
  });

  it('evaluation levels: reaction, learning, behaviour, results', () => {
    expect(levelsReached(data())).toEqual([true, true, true, true]);
    const noSurvey = data({ surveys: { respondents: 0, baselineRespondents: 0, items: [] } });
    expect(levelsReached(noSurvey)).toEqual([false, true, false, true]);
  });

  it('escapeHtml covers the five characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});
