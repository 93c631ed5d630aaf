import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MyMentorshipResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { MyMentorshipsCard } from './my-mentorships-card';

const mine = (id: string, myRole: 'mentor' | 'mentee', fullName: string, email: string, yearOfStudy: number | null, status: 'active' | 'ended' = 'active'): MyMentorshipResponse => ({
  id,
  programId: 'p1',
  programName: 'Preclinical Peer Mentoring',
  myRole,
  status,
  other: { id: `u-${id}`, fullName, email, yearOfStudy },
  createdAt: '2026-03-01T10:00:00.000Z',
  startedOn: '2026-03-01',
  sharedModalities: ['virtual'],
});

describe('MyMentorshipsCard', () => {
  it('for a mentee, shows their mentor with a mailto link and year', async () => {
    stubApi(({ path }) => (path === '/me/mentorships' ? json([mine('a', 'mentee', 'Sara Ahmadi', 'mentor1@demo.example', 4)]) : undefined));
    await renderWithProviders(<MyMentorshipsCard />);

    const card = await screen.findByTestId('my-mentor');
    expect(screen.getByRole('heading', { name: 'My mentor' })).toBeTruthy();
    expect(within(card).getByRole('heading', { name: 'Sara Ahmadi' })).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'mentor1@demo.example' }).getAttribute('href')).toBe('mailto:mentor1@demo.example');
    expect(card.textContent).toContain('Year 4');
    expect(screen.queryByTestId('my-mentees')).toBeNull();
  });

  it('for a mentor, lists their active mentees only', async () => {
    stubApi(({ path }) =>
      path === '/me/mentorships'
        ? json([mine('a', 'mentor', 'Zahra Karimi', 'mentee1@demo.example', 1), mine('b', 'mentor', 'Arash Novak', 'mentee2@demo.example', null), mine('c', 'mentor', 'Old Match', 'x@demo.example', 2, 'ended')])
        : undefined,
    );
    await renderWithProviders(<MyMentorshipsCard />);
    const list = await screen.findByTestId('my-mentees');
    expect(screen.getByRole('heading', { name: 'My mentees' })).toBeTruthy();
    expect(within(list).getAllByRole('listitem').map((item) => within(item).getByRole('heading').textContent)).toEqual(['Zahra Karimi', 'Arash Novak']);
    expect(list.textContent).toContain('Not set');
  });

  it('given no mentorship, then it says the student has not been matched yet', async () => {
    stubApi(({ path }) => (path === '/me/mentorships' ? json([]) : undefined));
    await renderWithProviders(<MyMentorshipsCard />, { language: 'fa' });
    expect((await screen.findByTestId('my-mentorships')).textContent).toContain('هنوز جفت نشده‌اید');
  });
});
