import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AdjustedEstimate, OutcomeGroup, OutcomesResponse } from '@pm/contracts';
import { renderWithProviders } from '@web/test/render';
import { drawSeed } from '@web/features/allocation/components/draw-seed';
import { AdjustedEstimatePanel } from './adjusted-estimate-panel';

const group = (n: number, preMean: number | null): OutcomeGroup => ({ n, preMean, postMean: null, meanChange: null, sdChange: null, ci95: null, cohensDz: null, tStatistic: null, pValue: null });
const estimate = (value: number | null, n: number): AdjustedEstimate => ({
  estimate: value,
  ci95: value === null ? null : [value - 1, value + 1],
  pValue: value === null ? null : 0.02,
  n,
  standardError: value === null ? null : 0.5,
  df: value === null ? null : n - 3,
});

function outcomes(overrides: Partial<OutcomesResponse>): OutcomesResponse {
  return {
    mentored: group(30, 55),
    comparison: group(30, 65),
    difference: { estimate: 6.5, ci95: [3, 10], pValue: 0.001 },
    adjusted: estimate(2.25, 60),
    adjustedByModality: { in_person: estimate(2, 40), virtual: estimate(null, 3) },
    ...overrides,
  } as OutcomesResponse;
}

describe('AdjustedEstimatePanel', () => {
  it('shows the adjusted estimate beside the unadjusted one, and says why they differ', async () => {
    await renderWithProviders(<AdjustedEstimatePanel outcomes={outcomes({})} />);
    expect((await screen.findByTestId('adjusted-observational-estimate')).textContent).toBe('+2.25');
    expect(screen.getByTestId('adjusted-observational-unadjusted').textContent).toBe('+6.50');
    expect(screen.getByTestId('adjusted-observational-why').textContent).toContain('started 10.0 points apart');
    expect(screen.queryByTestId('adjusted-randomized')).toBeNull();
  });

  it('puts the randomized comparison first after a lottery, in Persian digits', async () => {
    const randomized = { allocationId: 'a', seed: 's', offered: group(20, 60), waitlisted: group(20, 60.5), difference: { estimate: 3, ci95: [1, 5] as [number, number], pValue: 0.01 }, adjusted: estimate(3.1, 40) };
    await renderWithProviders(<AdjustedEstimatePanel outcomes={outcomes({ randomized })} />, { language: 'fa' });
    const blocks = await screen.findAllByTestId(/^adjusted-(randomized|observational)$/);
    expect(blocks.map((b) => b.getAttribute('data-testid'))).toEqual(['adjusted-randomized', 'adjusted-observational']);
    expect(screen.getByTestId('adjusted-randomized-estimate').textContent).toMatch(/۳٫۱۰/);
  });

  it('a missing estimate is a dash with words for screen readers, never NaN', async () => {
    await renderWithProviders(<AdjustedEstimatePanel outcomes={outcomes({ adjusted: estimate(null, 3) })} />);
    const cell = await screen.findByTestId('adjusted-observational-estimate');
    expect(cell.textContent).toContain('not enough data');
    expect(document.body.textContent).not.toMatch(/NaN/);
  });
});

describe('drawSeed', () => {
  it('gives 16 lowercase hex digits from 8 random bytes', () => {
    expect(drawSeed((bytes) => bytes.map((_, i) => i * 17))).toBe('0011223344556677');
    expect(drawSeed()).toMatch(/^[0-9a-f]{16}$/);
  });
});
