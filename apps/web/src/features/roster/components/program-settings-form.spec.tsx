import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ProgramResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { apiError, json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { ProgramSettingsForm } from './program-settings-form';

const program: ProgramResponse = {
  id: 'p1',
  name: 'Cohort 2026',
  timezone: 'Asia/Tehran',
  startsOn: '2026-10-01',
  endsOn: '2027-06-30',
  createdAt: '2026-09-01T08:00:00.000Z',
  closedAt: null,
  myRelations: ['coordinator'],
  counts: { mentors: 0, mentees: 0, coordinators: 1 },
};

describe('ProgramSettingsForm', () => {
  it('warns before moving the start date and sends only what changed once confirmed', async () => {
    const api = stubApi(({ method, path, body }) => (method === 'PATCH' && path === '/programs/p1' ? json({ ...program, ...(body as object) }) : undefined));
    await renderWithProviders(<ProgramSettingsForm program={program} />);
    const starts = screen.getByLabelText('Mentoring starts on', { exact: false });
    fireEvent.change(starts, { target: { value: '2026-11-01' } });
    fireEvent.blur(starts);
    expect((await screen.findByTestId('starts-on-warning')).textContent).toMatch(/changes which grades count as before and after mentoring/);
    const save = screen.getByTestId('settings-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByTestId('starts-on-confirm'));
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await screen.findByText('The settings were saved.');
    expect(api.calls('PATCH', '/programs/p1').map((c) => c.body)).toEqual([{ startsOn: '2026-11-01' }]);
  });

  it('refuses an end before the start without asking the API, and shows the API’s refusal in Persian', async () => {
    const api = stubApi(({ method }) =>
      method === 'PATCH' ? apiError({ statusCode: 409, error: 'Conflict', message: 'The program is closed', code: 'PROGRAM_CLOSED' }) : undefined,
    );
    await renderWithProviders(<ProgramSettingsForm program={program} />, { language: 'fa' });
    // Typed in the Jalali calendar: 10 Shahrivar 1405 is 1 September 2026, before the start.
    const ends = screen.getByLabelText('پایان برنامه', { exact: false });
    fireEvent.change(ends, { target: { value: '۱۴۰۵/۰۶/۱۰' } });
    fireEvent.blur(ends);
    fireEvent.click(screen.getByTestId('settings-save'));
    expect(await screen.findByText('تاریخ پایان باید همان روز آغاز یا پس از آن باشد.')).toBeTruthy();
    expect(api.requests).toEqual([]);
    fireEvent.change(screen.getByLabelText('نام', { exact: true }), { target: { value: 'Cohort 2027' } });
    fireEvent.change(ends, { target: { value: '۱۴۰۶/۰۴/۰۹' } });
    fireEvent.blur(ends);
    fireEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('این برنامه پایان یافته یا بسته شده است و دیگر نمی‌توان چیزی را در آن تغییر داد.'));
    expect(api.calls('PATCH', '/programs/p1').map((c) => c.body)).toEqual([{ name: 'Cohort 2027' }]);
  });
});
