import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProgramResponse } from '@pm/contracts';
import { renderWithProviders } from '@web/test/render';
import { ProgramList } from './program-list';

const program: ProgramResponse = {
  id: '5d1f6c1e-7d55-4b8e-9d0b-0c7c1b1a2f10',
  name: 'Preclinical Peer Mentoring',
  timezone: 'Asia/Tehran',
  startsOn: '2026-03-21',
  endsOn: '2026-06-21',
  createdAt: '2026-02-01T09:00:00.000Z',
  myRelations: ['mentee'],
  counts: { mentors: 10, mentees: 30, coordinators: 1 },
};

describe('ProgramList', () => {
  it('lists each program by name with the student\'s role in it', async () => {
    await renderWithProviders(<ProgramList programs={[program]} role="student" />);
    const list = screen.getByTestId('program-list');
    expect(within(list).getByRole('link', { name: 'Preclinical Peer Mentoring' }).getAttribute('href')).toBe(`/programs/${program.id}`);
    expect(list.textContent).toContain('Mentee');
    expect(list.textContent).toContain('21 Mar 2026 – 21 Jun 2026');
    // Students are not shown head counts; coordinators are.
    expect(list.textContent).not.toContain('30 mentees');
  });

  it('shows coordinators how many mentors and mentees are enrolled', async () => {
    await renderWithProviders(<ProgramList programs={[{ ...program, myRelations: ['coordinator'] }]} role="coordinator" />);
    expect(screen.getByTestId('program-list').textContent).toContain('10 mentors, 30 mentees');
  });

  it('in Persian, shows the dates in the Solar Hijri calendar and counts in Persian digits', async () => {
    await renderWithProviders(<ProgramList programs={[{ ...program, myRelations: ['coordinator'] }]} role="coordinator" />, { language: 'fa' });
    const text = screen.getByTestId('program-list').textContent ?? '';
    expect(text).toContain('۱ فروردین ۱۴۰۵');
    expect(text).toContain('۳۱ خرداد ۱۴۰۵');
    expect(text).toContain('۱۰ منتور');
    expect(text).toContain('هماهنگ‌کننده');
  });
});
