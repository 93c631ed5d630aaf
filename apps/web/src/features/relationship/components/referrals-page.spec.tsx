import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { CloseReferralRequest, ReferralResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { apiError, json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { ReferralsPage } from './referrals-page';

const urgent: ReferralResponse = {
  id: 'r1',
  studentId: 'u1',
  studentName: 'Ali <b>x</b>',
  studentEmail: 'ali@uni.example',
  message: 'I cannot sleep before exams.',
  urgency: 'urgent',
  createdAt: '2030-05-10T12:00:00.000Z',
  closedAt: null,
  closedByName: null,
  closeNote: null,
};
const routine: ReferralResponse = {
  ...urgent,
  id: 'r2',
  studentId: 'u2',
  studentName: 'Sara Ahmadi',
  studentEmail: 'sara@uni.example',
  message: 'My mentor has not answered for weeks.',
  urgency: 'routine',
  closedAt: '2030-05-12T12:00:00.000Z',
  closedByName: 'Coordinator Kaveh',
  closeNote: 'Talked to the mentor.',
};
const soon: ReferralResponse = { ...urgent, id: 'r 3', studentName: 'Mina', urgency: 'soon' };

/** A fake API that closes a referral for real, so the list read again afterwards shows it closed. */
function fakeApi(initial: ReferralResponse[]) {
  let list = initial;
  return stubApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/programs/p1/referrals') return json(list);
    const close = /^\/programs\/p1\/referrals\/([^/]+)\/close$/.exec(path);
    if (method === 'POST' && close) {
      const id = decodeURIComponent(close[1] as string);
      const closed = list.find((r) => r.id === id);
      if (!closed) return apiError({ statusCode: 404, error: 'Not Found', message: 'No such referral' });
      const updated: ReferralResponse = { ...closed, closedAt: '2030-05-13T12:00:00.000Z', closedByName: 'Coordinator Kaveh', closeNote: (body as CloseReferralRequest).note };
      list = list.map((r) => (r.id === id ? updated : r));
      return json(updated);
    }
    return undefined;
  });
}

const renderPage = (language: 'en' | 'fa' = 'en') =>
  renderWithProviders(
    <Routes>
      <Route path="/programs/:programId/referrals" element={<ReferralsPage />} />
    </Routes>,
    { route: '/programs/p1/referrals', language },
  );

const badges = (item: HTMLElement): string[] => [...item.querySelectorAll('.badge')].map((b) => b.textContent ?? '');

describe('ReferralsPage', () => {
  it('lists the requests with urgency and state in words, names as text', async () => {
    fakeApi([urgent, routine, soon]);
    await renderPage();
    const items = await screen.findAllByTestId('referral');
    expect(items).toHaveLength(3);
    const [first, second, third] = items as [HTMLElement, HTMLElement, HTMLElement];

    expect(badges(first)).toEqual(['Urgent', 'Open']);
    expect(badges(second)).toEqual(['When you can', 'Closed']);
    expect(badges(third)).toEqual(['Within a few days', 'Open']);
    expect(document.body.textContent).not.toMatch(/relationship\.urgency|\burgent\b|\broutine\b/);

    expect(within(first).getByRole('heading', { level: 3 }).textContent).toContain('Ali <b>x</b>');
    expect(first.querySelector('b')).toBeNull();
    expect(first.textContent).toContain('I cannot sleep before exams.');
    expect(within(first).getByRole('link', { name: 'ali@uni.example' }).getAttribute('href')).toBe('mailto:ali@uni.example');

    // A closed request says who closed it and what was done, and cannot be closed again.
    expect(second.textContent).toMatch(/Closed by Coordinator Kaveh on .+: Talked to the mentor\./);
    expect(within(second).queryByRole('button', { name: 'Close with a note' })).toBeNull();
    expect(within(first).getByRole('button', { name: 'Close with a note' })).toBeTruthy();
  });

  it('closes a request with the trimmed note, then shows it closed', async () => {
    const api = fakeApi([urgent, routine, soon]);
    await renderPage();
    const third = (await screen.findAllByTestId('referral'))[2] as HTMLElement;
    fireEvent.click(within(third).getByRole('button', { name: 'Close with a note' }));
    fireEvent.change(within(third).getByLabelText('What was done'), { target: { value: '  Booked her with the counselling service.  ' } });
    fireEvent.click(within(third).getByRole('button', { name: 'Close the request' }));

    // The id is encoded in the path.
    await waitFor(() => expect(api.calls('POST', '/programs/p1/referrals/r%203/close').map((r) => r.body)).toEqual([{ note: 'Booked her with the counselling service.' }]));
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    await waitFor(() => expect(badges(screen.getAllByTestId('referral')[2] as HTMLElement)).toEqual(['Within a few days', 'Closed']));
    const closed = screen.getAllByTestId('referral')[2] as HTMLElement;
    expect(closed.textContent).toContain('Booked her with the counselling service.');
    expect(within(closed).queryByLabelText('What was done')).toBeNull();
  });

  it('asks for a note before closing, and cancelling sends nothing', async () => {
    const api = fakeApi([urgent]);
    await renderPage();
    const item = await screen.findByTestId('referral');
    fireEvent.click(within(item).getByRole('button', { name: 'Close with a note' }));
    fireEvent.change(within(item).getByLabelText('What was done'), { target: { value: '   ' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Close the request' }));
    expect((await within(item).findByText('This field is required.')).getAttribute('role')).toBe('alert');

    fireEvent.click(within(item).getByRole('button', { name: 'Cancel' }));
    expect(within(item).queryByLabelText('What was done')).toBeNull();
    expect(api.requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('shows the error when closing fails, and keeps the note', async () => {
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1/referrals') return json([urgent]);
      if (method === 'POST' && path === '/programs/p1/referrals/r1/close') return apiError({ statusCode: 403, error: 'Forbidden', message: 'Only coordinators can close requests' });
      return undefined;
    });
    await renderPage();
    const item = await screen.findByTestId('referral');
    fireEvent.click(within(item).getByRole('button', { name: 'Close with a note' }));
    fireEvent.change(within(item).getByLabelText('What was done'), { target: { value: 'Called.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Close the request' }));
    await waitFor(() => expect(api.calls('POST', '/programs/p1/referrals/r1/close')).toHaveLength(1));
    expect(await within(item).findByRole('alert')).toBeTruthy();
    expect((within(item).getByLabelText('What was done') as HTMLTextAreaElement).value).toBe('Called.');
    expect(badges(item)).toEqual(['Urgent', 'Open']);
  });

  it('says so when no student has asked, in Persian too', async () => {
    fakeApi([]);
    await renderPage('fa');
    expect(await screen.findByText('هیچ دانشجویی درخواست کمک نکرده است.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('درخواست‌های کمک');
    expect(screen.queryByTestId('referral')).toBeNull();
  });

  it('in Persian, writes the urgency in Persian', async () => {
    fakeApi([urgent, routine]);
    await renderPage('fa');
    const items = await screen.findAllByTestId('referral');
    expect(badges(items[0] as HTMLElement)).toEqual(['فوری', 'باز']);
    expect(badges(items[1] as HTMLElement)).toEqual(['هر وقت فرصت شد', 'بسته‌شده']);
  });
});
