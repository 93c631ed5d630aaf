import type { DoseResponse } from '@pm/contracts';
import { escapeHtml, type ReportFormat } from './report-format';
import type { FlowBox, ReportFlow } from './report-model';
import type { ReportStrings } from './report-strings';

/**
 * Inline SVG drawn from the data: the participant flow and the dose-response scatter. Plain shapes and text,
 * labelled for screen readers (role="img" with a title), readable in print (black on white).
 */

const BOX_W = 230;
const BOX_H = 34;
const GAP_Y = 12;
const WIDTH = 560;

function box(x: number, y: number, label: string, n: string): string {
  return (
    `<rect x="${x}" y="${y}" width="${BOX_W}" height="${BOX_H}" rx="4" fill="#ffffff" stroke="#1f2937" stroke-width="1"/>` +
    `<text x="${x + BOX_W / 2}" y="${y + 14}" text-anchor="middle" font-size="10.5" fill="#111827">${escapeHtml(label)}</text>` +
    `<text x="${x + BOX_W / 2}" y="${y + 28}" text-anchor="middle" font-size="11.5" font-weight="700" fill="#111827">n = ${n}</text>`
  );
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#1f2937" stroke-width="1" marker-end="url(#flow-arrow)"/>`;
}

export function flowDiagram(flow: ReportFlow, t: ReportStrings, f: ReportFormat): string {
  const rtl = f.lang === 'fa';
  const label = (b: FlowBox): string => t.flowStep[b.step];
  const centreX = (WIDTH - BOX_W) / 2;
  const parts: string[] = [];
  let y = 8;
  flow.top.forEach((b, i) => {
    if (i > 0) parts.push(arrow(WIDTH / 2, y - GAP_Y, WIDTH / 2, y - 2));
    parts.push(box(centreX, y, label(b), f.integer(b.n)));
    y += BOX_H + GAP_Y;
  });
  const splitY = y - GAP_Y;
  // The first column is the treated group: on the left in English, on the right in Persian.
  const columnX = (i: number): number => {
    const left = 20 + i * (WIDTH - 40 - BOX_W);
    return rtl ? WIDTH - left - BOX_W : left;
  };
  let bottom = y;
  flow.columns.forEach((column, i) => {
    const x = columnX(i);
    let cy = y + 22;
    parts.push(
      `<text x="${x + BOX_W / 2}" y="${cy - 6}" text-anchor="middle" font-size="12" font-weight="700" fill="#111827">${escapeHtml(t.arm[column.arm])}</text>`,
    );
    parts.push(arrow(WIDTH / 2, splitY, x + BOX_W / 2, cy - 20));
    column.boxes.forEach((b, j) => {
      if (j > 0) parts.push(arrow(x + BOX_W / 2, cy - GAP_Y, x + BOX_W / 2, cy - 2));
      parts.push(box(x, cy, label(b), f.integer(b.n)));
      cy += BOX_H + GAP_Y;
    });
    bottom = Math.max(bottom, cy);
  });
  const height = bottom;
  return (
    `<svg class="flow" role="img" aria-labelledby="flow-title" viewBox="0 0 ${WIDTH} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="flow-title">${escapeHtml(t.flowTitle)}</title>` +
    `<defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1f2937"/></marker></defs>` +
    parts.join('') +
    '</svg>'
  );
}

/** A "nice" step (1, 2 or 5 times a power of ten) giving about `count` ticks over the range. */
function niceStep(range: number, count: number): number {
  const raw = range / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

export function doseChart(dose: DoseResponse, t: ReportStrings, f: ReportFormat): string {
  const W = 520;
  const H = 220;
  const m = { left: 52, right: 14, top: 12, bottom: 42 };
  const pw = W - m.left - m.right;
  const ph = H - m.top - m.bottom;
  const xs = dose.points.map((p) => p.sessions);
  const ys = dose.points.map((p) => p.change);
  const xMax = Math.max(1, ...xs);
  const yStep = niceStep(Math.max(1, Math.max(0, ...ys) - Math.min(0, ...ys)), 5);
  const yMin = Math.floor(Math.min(0, ...ys) / yStep) * yStep;
  const yMax = Math.ceil(Math.max(0, ...ys) / yStep) * yStep || yStep;
  const xStep = niceStep(xMax, 8);
  const sx = (x: number): number => m.left + (x / (Math.ceil(xMax / xStep) * xStep)) * pw;
  const sy = (y: number): number => m.top + ph - ((y - yMin) / (yMax - yMin)) * ph;
  const xEnd = Math.ceil(xMax / xStep) * xStep;
  const parts: string[] = [];
  for (let y = yMin; y <= yMax + 1e-9; y += yStep) {
    parts.push(`<line x1="${m.left}" y1="${sy(y)}" x2="${W - m.right}" y2="${sy(y)}" stroke="${Math.abs(y) < 1e-9 ? '#4b5563' : '#e5e7eb'}" stroke-width="1"/>`);
    parts.push(`<text x="${m.left - 6}" y="${sy(y) + 4}" text-anchor="end" font-size="10" fill="#374151">${f.fixed(y, yStep < 1 ? 1 : 0)}</text>`);
  }
  for (let x = 0; x <= xEnd + 1e-9; x += xStep) {
    parts.push(`<text x="${sx(x)}" y="${H - m.bottom + 14}" text-anchor="middle" font-size="10" fill="#374151">${f.integer(x)}</text>`);
  }
  parts.push(`<line x1="${m.left}" y1="${m.top}" x2="${m.left}" y2="${m.top + ph}" stroke="#4b5563" stroke-width="1"/>`);
  for (const p of dose.points) {
    parts.push(`<circle cx="${sx(p.sessions).toFixed(1)}" cy="${sy(p.change).toFixed(1)}" r="3" fill="#1d4ed8" fill-opacity="0.55"/>`);
  }
  if (dose.slope !== null && dose.intercept !== null) {
    const clampY = (y: number): number => Math.min(yMax, Math.max(yMin, y));
    const x0 = Math.min(...xs);
    const x1 = Math.max(...xs);
    parts.push(
      `<line class="fit" x1="${sx(x0).toFixed(1)}" y1="${sy(clampY(dose.intercept + dose.slope * x0)).toFixed(1)}" x2="${sx(x1).toFixed(1)}" y2="${sy(clampY(dose.intercept + dose.slope * x1)).toFixed(1)}" stroke="#b91c1c" stroke-width="2"/>`,
    );
  }
  parts.push(`<text x="${m.left + pw / 2}" y="${H - 6}" text-anchor="middle" font-size="11" fill="#111827">${escapeHtml(t.doseAxisX)}</text>`);
  parts.push(`<text transform="translate(12 ${m.top + ph / 2}) rotate(-90)" text-anchor="middle" font-size="11" fill="#111827">${escapeHtml(t.doseAxisY)}</text>`);
  return (
    `<svg class="dose" role="img" aria-labelledby="dose-title" viewBox="0 0 ${W} ${H}" width="100%" direction="ltr" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="dose-title">${escapeHtml(t.doseChartTitle)}</title>` +
    parts.join('') +
    '</svg>'
  );
}
