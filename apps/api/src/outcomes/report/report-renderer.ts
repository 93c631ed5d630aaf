import type { AdjustedEstimate, OutcomeDifference, OutcomeGroup } from '@pm/contracts';
import { escapeHtml, ReportFormat } from './report-format';
import type { ReportData, ReportLanguage } from './report-model';
import { REPORT_STRINGS, type ReportStrings } from './report-strings';
import { doseChart, flowDiagram } from './report-svg';

/** Groups smaller than this make the limitations say so. */
const SMALL_GROUP = 20;
/** A gap in mean before values (points) from which regression to the mean is worth a sentence. */
const BASELINE_GAP = 2;
/** Stands for the seed in a translated sentence until the seed itself, escaped, is put in its own element. */
const SEED_TOKEN = '\u0000seed\u0000';

const CSS = `
@page { size: A4; margin: 12mm 13mm 13mm; }
* { box-sizing: border-box; }
body { font-family: "Vazirmatn", "Noto Sans Arabic", Tahoma, "Segoe UI", Arial, sans-serif; color: #111827; font-size: 9.5pt; line-height: 1.35; margin: 0 auto; max-width: 190mm; padding: 12px; }
h1 { font-size: 15pt; margin: 0 0 2px; }
h2 { font-size: 11pt; margin: 10px 0 3px; border-bottom: 1px solid #9ca3af; padding-bottom: 2px; }
p { margin: 4px 0; }
.meta { color: #374151; margin: 0 0 6px; }
.summary { border: 1px solid #1f2937; padding: 8px 10px; background: #f9fafb; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 3px 0; }
th, td { border: 1px solid #d1d5db; padding: 2px 4px; text-align: start; vertical-align: top; }
th { background: #f3f4f6; font-weight: 700; }
td.num { text-align: end; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.headline td { font-weight: 700; }
svg.flow { display: block; max-width: 100mm; margin: 0 auto; }
svg.dose { display: block; max-width: 95mm; margin: 0 auto; }
figure { margin: 4px 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: #374151; }
ul { margin: 4px 0; padding-inline-start: 20px; }
.levels li.reached::marker { content: "✓ "; }
.levels li.not::marker { content: "– "; }
.seed { font-family: ui-monospace, "DejaVu Sans Mono", monospace; direction: ltr; unicode-bidi: embed; }
.small { font-size: 9pt; color: #374151; }
table, .summary { break-inside: avoid; }
@media print { body { padding: 0; max-width: none; } h2 { break-after: avoid; } }
`;

interface Row {
  label: string;
  group: OutcomeGroup;
}

export function renderReport(data: ReportData, lang: ReportLanguage): string {
  const t = REPORT_STRINGS[lang];
  const f = new ReportFormat(lang);
  const o = data.outcomes;
  const r = o.randomized;
  const programName = escapeHtml(data.program.name);

  const headline: AdjustedEstimate = r ? r.adjusted : o.adjusted;
  const body = [
    `<header><h1>${escapeHtml(t.title)}</h1><p class="meta">${escapeHtml(t.subtitle(data.program.name))}</p><p class="meta">${escapeHtml(t.generated(f.date(data.generatedOn)))}</p></header>`,
    section('summary', t.summaryHeading, `<p class="summary">${summary(t, f, headline, Boolean(r))}</p>`),
    section('design', t.designHeading, design(t, f, data)),
    section('flow', t.flowHeading, `<figure>${flowDiagram(data.flow, t, f)}</figure>`),
    section('groups', t.groupsHeading, groupsTable(t, f, data)),
    section('estimates', t.estimatesHeading, estimates(t, f, data)),
    section('dose', t.doseHeading, dose(t, f, data)),
    section('surveys', t.surveyHeading, surveys(t, f, data)),
    section('level', t.levelHeading, levels(t, data)),
    section('limitations', t.limitationsHeading, `<ul>${limitations(t, f, data)
      .map((l) => `<li>${escapeHtml(l)}</li>`)
      .join('')}</ul>`),
    section('reproduce', t.reproduceHeading, reproduce(t, f, data, headline)),
    `<p class="small">${escapeHtml(t.footnote)}</p>`,
  ];
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${lang === 'fa' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)} — ${programName}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`;
}

function section(id: string, heading: string, content: string): string {
  return `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${escapeHtml(heading)}</h2>${content}</section>`;
}

function summary(t: ReportStrings, f: ReportFormat, e: AdjustedEstimate, randomized: boolean): string {
  if (e.estimate === null) return escapeHtml(t.summaryNone);
  const args = [f.fixed(Math.abs(e.estimate), 1), e.estimate >= 0 ? t.higher : t.lower, f.interval(e.ci95, 1), f.pValue(e.pValue), f.integer(e.n)] as const;
  return escapeHtml(randomized ? t.summaryRandomized(...args) : t.summaryObservational(...args));
}

function design(t: ReportStrings, f: ReportFormat, data: ReportData): string {
  const a = data.allocation;
  const inLottery = data.flow.top.find((b) => b.step === 'inLottery')?.n ?? 0;
  const parts = [
    a
      ? t.designRandomized(f.integer(a.places), f.integer(inLottery), a.seed, f.date(a.drawnOn)) + (a.stratifyBy === 'year_of_study' ? ` ${t.designStratified}` : '')
      : t.designObservational,
    t.designDates(f.date(data.program.startsOn), f.date(data.program.endsOn)),
    t.designMeasures,
  ];
  return parts.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
}

function groupsTable(t: ReportStrings, f: ReportFormat, data: ReportData): string {
  const o = data.outcomes;
  const rows: Row[] = [
    ...(o.randomized
      ? [
          { label: t.arm.offered, group: o.randomized.offered },
          { label: t.arm.waitlisted, group: o.randomized.waitlisted },
        ]
      : []),
    { label: t.arm.mentored, group: o.mentored },
    { label: t.arm.comparison, group: o.comparison },
    { label: t.inPerson, group: o.byModality.in_person },
    { label: t.virtual, group: o.byModality.virtual },
  ];
  const head = [t.col.group, t.col.n, t.col.pre, t.col.post, t.col.change, t.col.ci, t.col.dz, t.col.p].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      ({ label, group: g }) =>
        `<tr><th scope="row">${escapeHtml(label)}</th><td class="num">${f.integer(g.n)}</td><td class="num">${f.fixed(g.preMean)}</td><td class="num">${f.fixed(g.postMean)}</td><td class="num">${f.signed(g.meanChange)}</td><td class="num">${f.interval(g.ci95)}</td><td class="num">${f.fixed(g.cohensDz, 2)}</td><td class="num">${f.pValue(g.pValue)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function estimates(t: ReportStrings, f: ReportFormat, data: ReportData): string {
  const o = data.outcomes;
  const r = o.randomized;
  const diffN = (a: OutcomeGroup, b: OutcomeGroup): number => a.n + b.n;
  const rows: Array<{ label: string; e: { estimate: number | null; ci95: [number, number] | null; pValue: number | null }; n: number; headline?: boolean }> = [
    ...(r
      ? [
          { label: t.estimate.randomizedAdjusted, e: r.adjusted, n: r.adjusted.n, headline: true },
          { label: t.estimate.randomizedDifference, e: r.difference, n: diffN(r.offered, r.waitlisted) },
        ]
      : []),
    { label: t.estimate.adjusted, e: o.adjusted, n: o.adjusted.n, headline: !r },
    { label: t.estimate.difference, e: o.difference, n: diffN(o.mentored, o.comparison) },
    { label: t.estimate.inPersonAdjusted, e: o.adjustedByModality.in_person, n: o.adjustedByModality.in_person.n },
    { label: t.estimate.virtualAdjusted, e: o.adjustedByModality.virtual, n: o.adjustedByModality.virtual.n },
  ];
  const head = [t.col.comparison, t.col.estimate, t.col.ci, t.col.p, t.col.n].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr${row.headline ? ' class="headline"' : ''}><th scope="row">${escapeHtml(row.label)}</th><td class="num">${f.signed(row.e.estimate, 2)}</td><td class="num">${f.interval(row.e.ci95, 2)}</td><td class="num">${f.pValue(row.e.pValue)}</td><td class="num">${f.integer(row.n)}</td></tr>`,
    )
    .join('');
  const why = whyTheyDiffer(t, f, r ? { adjusted: r.adjusted, difference: r.difference, a: r.offered, b: r.waitlisted } : { adjusted: o.adjusted, difference: o.difference, a: o.mentored, b: o.comparison });
  return `<p>${escapeHtml(t.estimatesExplain)}</p><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${why ? `<p>${escapeHtml(why)}</p>` : ''}`;
}

function whyTheyDiffer(t: ReportStrings, f: ReportFormat, x: { adjusted: AdjustedEstimate; difference: OutcomeDifference; a: OutcomeGroup; b: OutcomeGroup }): string | null {
  const gap = baselineGap(x.a, x.b);
  if (x.adjusted.estimate === null || x.difference.estimate === null || gap === null || Math.abs(gap) < BASELINE_GAP) return null;
  return t.whyDiffer(f.signed(x.difference.estimate, 2), f.signed(x.adjusted.estimate, 2), f.fixed(Math.abs(gap), 1));
}

function baselineGap(a: OutcomeGroup, b: OutcomeGroup): number | null {
  return a.preMean === null || b.preMean === null ? null : a.preMean - b.preMean;
}

function dose(t: ReportStrings, f: ReportFormat, data: ReportData): string {
  const d = data.outcomes.doseResponse;
  if (d.slope === null) return `<p>${escapeHtml(t.doseNone)}</p>`;
  return (
    `<p>${escapeHtml(t.doseText(f.signed(d.slope, 2), f.interval(d.ci95, 2), f.pValue(d.pValue), f.integer(d.n)))}</p>` +
    `<figure>${doseChart(d, t, f)}<figcaption>${escapeHtml(t.doseChartTitle)}</figcaption></figure>`
  );
}

function surveys(t: ReportStrings, f: ReportFormat, data: ReportData): string {
  const s = data.surveys;
  if (s.respondents === 0 && s.baselineRespondents === 0) return `<p>${escapeHtml(t.surveyNone)}</p>`;
  const head = [t.surveyCol.item, t.surveyCol.baseline, t.surveyCol.end, t.surveyCol.paired, t.surveyCol.change].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = s.items
    .map(
      (i) =>
        `<tr><th scope="row">${escapeHtml(i.text)}</th><td class="num">${f.fixed(i.baselineMean, 2)}</td><td class="num">${f.fixed(i.mean, 2)}</td><td class="num">${f.integer(i.pairedN)}</td><td class="num">${f.signed(i.pairedChange, 2)}</td></tr>`,
    )
    .join('');
  return `<p>${escapeHtml(t.surveyRespondents(f.integer(s.respondents), f.integer(s.baselineRespondents)))}</p><div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** Kirkpatrick's levels, each reached when the data to judge it exist (see docs/outcomes.md). */
export function levelsReached(data: ReportData): [boolean, boolean, boolean, boolean] {
  const o = data.outcomes;
  const r = o.randomized;
  const reaction = data.surveys.respondents > 0;
  const learning = r ? r.offered.n >= 2 && r.waitlisted.n >= 2 : o.mentored.n >= 2 && o.comparison.n >= 2;
  const behaviour = data.surveys.items.some((i) => i.pairedN > 0);
  const rates = o.passRates;
  const results =
    [rates.mentored.pre, rates.mentored.post, rates.comparison.pre, rates.comparison.post].every((x) => x !== null) && (r ? r.adjusted.estimate !== null : o.adjusted.estimate !== null);
  return [reaction, learning, behaviour, results];
}

function levels(t: ReportStrings, data: ReportData): string {
  const reached = levelsReached(data);
  const items = t.levels.map((l, i) => `<li class="${reached[i] ? 'reached' : 'not'}"><strong>${escapeHtml(l.name)}</strong> (${escapeHtml(l.what)}): ${escapeHtml(reached[i] ? t.reached : t.notReached)}</li>`).join('');
  const highest = reached.lastIndexOf(true);
  return `<p>${escapeHtml(t.levelIntro)}</p><ul class="levels">${items}</ul><p><strong>${escapeHtml(highest >= 0 ? t.levelReached(t.levels[highest].name) : t.levelNone)}</strong></p>`;
}

export function limitations(t: ReportStrings, f: ReportFormat, data: ReportData): string[] {
  const o = data.outcomes;
  const r = o.randomized;
  const out: string[] = [];
  if (!r) out.push(t.limits.notRandomized);
  const headline = r ? r.adjusted : o.adjusted;
  if (headline.estimate === null) out.push(t.limits.noAdjusted);
  if (r && data.allocation) {
    const offered = data.flow.columns.find((c) => c.arm === 'offered')?.boxes.find((b) => b.step === 'allocated')?.n ?? 0;
    if (data.allocation.offeredNotMatched > 0) out.push(t.limits.nonCompliance(f.integer(data.allocation.offeredNotMatched), f.integer(offered)));
    if (data.allocation.waitlistedMatched > 0) out.push(t.limits.waitlistContamination(f.integer(data.allocation.waitlistedMatched)));
    const inLottery = data.flow.top.find((b) => b.step === 'inLottery')?.n ?? 0;
    const analysed = r.offered.n + r.waitlisted.n;
    if (inLottery > 0 && analysed < inLottery) out.push(t.limits.missing(new Intl.NumberFormat(f.lang === 'fa' ? 'fa-IR' : 'en-GB', { style: 'percent' }).format((inLottery - analysed) / inLottery)));
  }
  const [a, b] = r ? [r.offered, r.waitlisted] : [o.mentored, o.comparison];
  const smallest = Math.min(a.n, b.n);
  if (smallest > 0 && smallest < SMALL_GROUP) out.push(t.limits.small(f.integer(smallest)));
  const gap = baselineGap(a, b);
  if (gap !== null && Math.abs(gap) >= BASELINE_GAP) out.push(t.limits.baselineGap(f.fixed(Math.abs(gap), 1)));
  if (o.doseResponse.slope !== null) out.push(t.limits.doseObservational);
  if (data.surveys.respondents > 0 || data.surveys.baselineRespondents > 0) out.push(t.limits.selfReport);
  out.push(t.limits.singleProgram);
  return out;
}

function reproduce(t: ReportStrings, f: ReportFormat, data: ReportData, headline: AdjustedEstimate): string {
  const label = data.outcomes.randomized ? t.estimate.randomizedAdjusted : t.estimate.adjusted;
  const lines = [
    `<p>${escapeHtml(t.reproduceText)}</p>`,
    data.allocation ? `<p>${escapeHtml(t.reproduceSeed(SEED_TOKEN)).replace(SEED_TOKEN, `<span class="seed">${escapeHtml(data.allocation.seed)}</span>`)}</p>` : '',
    headline.estimate !== null
      ? `<p>${escapeHtml(t.reproduceEstimate(label, `${f.significant(headline.estimate)} [${f.significant(headline.ci95?.[0])}, ${f.significant(headline.ci95?.[1])}], SE ${f.significant(headline.standardError)}`))}</p>`
      : '',
  ];
  return lines.join('');
}
