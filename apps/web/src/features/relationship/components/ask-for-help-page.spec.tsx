import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CreateReferralRequest, MyMentorshipResponse, MyReferral } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { AskForHelpPage } from './ask-for-help-page';

const mentorship: MyMentorshipResponse = {
  id: 'm1',
  programId: 'p1',
  programName: 'Preclinical Peer Mentoring',
  myRole: 'mentee',
  status: 'active',
  other: { id: 'u2', fullName: 'Omid Mentor', email: 'omid@uni.example', yearOfStudy: 5 },
  createdAt: '2030-03-01T09:00:00.000Z',
  startedOn: '2030-03-01',
  sharedModalities: ['in_person'],
};
const other: MyMentorshipResponse = { ...mentorship, id: 'm2', programId: 'p2', programName: 'Clinical Peer Mentoring', myRole: 'mentor' };

/** A fake API that stores what the student sends, so the list read again afterwards shows it. */
function fakeApi(mentorships: MyMentorshipResponse[], initial: MyReferral[] = []) {
  let mine = initial;
  return stubApi(({ method, path, body }) => {
    if (method === 'GET' && path === '/me/mentorships') return json(mentorships);
    if (method === 'GET' && path === '/me/referrals') return json(mine);
    const post = /^\/programs\/([^/]+)\/referrals$/.exec(path);
    if (method === 'POST' && post) {
      const sent = body as CreateReferralRequest;
      const programId = post[1] as string;
      const created: MyReferral = {
        id: `r${mine.length + 1}`,
        programId,
        programName: mentorships.find((m) => m.programId === programId)?.programName ?? '',
        message: sent.message,
        urgency: sent.urgency ?? 'routine',
        createdAt: '2030-05-10T12:00:00.000Z',
        closedAt: null,
      };
      mine = [created, ...mine];
      return json(created, 201);
    }
    return undefined;
  });
}

const renderPage = (language: 'en' | 'fa' = 'en') => renderWithProviders(<AskForHelpPage />, { route: '/help', language });

const CONFIDENTIAL = 'Confidential: only the program’s coordinators read it. Your mentor is not told, and every reading is recorded.';

describe('AskForHelpPage', () => {
  it('says plainly that the mentor is not told, and how to get help in an emergency', async () => {
    fakeApi([mentorship]);
    await renderPage();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ask for help');
    expect(screen.getByText(CONFIDENTIAL)).toBeTruthy();
    expect(await screen.findByText(/In an emergency, call the emergency services/)).toBeTruthy();
    expect(await screen.findByText('You have not asked for help yet.')).toBeTruthy();
  });

  it('sends the trimmed message and the urgency to the coordinators of the program, then lists it', async () => {
    const api = fakeApi([mentorship]);
    await renderPage();
    const message = (await screen.findByLabelText('What do you need help with?')) as HTMLTextAreaElement;
    // One program: nothing to choose.
    expect(screen.queryByLabelText('Program')).toBeNull();
    const urgency = screen.getByLabelText('How soon do you need an answer?') as HTMLSelectElement;
    expect(urgency.value).toBe('routine');
    expect([...urgency.options].map((o) => o.textContent)).toEqual(['When you can', 'Within a few days', 'Urgent']);

    fireEvent.change(message, { target: { value: '  I am struggling and cannot tell my mentor.  ' } });
    fireEvent.change(urgency, { target: { value: 'urgent' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to the coordinators' }));

    await waitFor(() => expect(api.calls('POST', '/programs/p1/referrals').map((r) => r.body)).toEqual([{ message: 'I am struggling and cannot tell my mentor.', urgency: 'urgent' }]));
    expect((await screen.findByRole('status')).textContent).toBe('Sent. A coordinator will contact you.');
    // The form is emptied for a next request, and what was sent is listed below.
    await waitFor(() => expect(message.value).toBe(''));
    expect(urgency.value).toBe('routine');
    const sent = within(screen.getByRole('region', { name: 'What you have sent' }));
    expect((await sent.findByText('I am struggling and cannot tell my mentor.')).tagName).toBe('P');
    expect(sent.getByText('Open')).toBeTruthy();
  });

  it('lets a student in two programs choose which coordinators to write to', async () => {
    const api = fakeApi([mentorship, other]);
    await renderPage();
    const program = (await screen.findByLabelText('Program')) as HTMLSelectElement;
    expect([...program.options].map((o) => [o.value, o.textContent])).toEqual([
      ['p1', 'Preclinical Peer Mentoring'],
      ['p2', 'Clinical Peer Mentoring'],
    ]);
    fireEvent.change(program, { target: { value: 'p2' } });
    fireEvent.change(screen.getByLabelText('What do you need help with?'), { target: { value: 'Help' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to the coordinators' }));
    await waitFor(() => expect(api.calls('POST', '/programs/p2/referrals').map((r) => r.body)).toEqual([{ message: 'Help', urgency: 'routine' }]));
    expect(api.calls('POST', '/programs/p1/referrals')).toEqual([]);
  });

  it('refuses an empty message and sends nothing', async () => {
    const api = fakeApi([mentorship]);
    await renderPage();
    fireEvent.change(await screen.findByLabelText('What do you need help with?'), { target: { value: '    ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send to the coordinators' }));
    expect((await screen.findByText('This field is required.')).getAttribute('role')).toBe('alert');
    expect(api.requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('shows what the student sent before, with its state, as text', async () => {
    fakeApi(
      [mentorship],
      [
        { id: 'r1', programId: 'p1', programName: 'Preclinical Peer Mentoring', message: 'Please <b>help</b>', urgency: 'soon', createdAt: '2030-05-10T12:00:00.000Z', closedAt: '2030-05-11T12:00:00.000Z' },
      ],
    );
    await renderPage();
    const sent = screen.getByRole('region', { name: 'What you have sent' });
    const message = await within(sent).findByText('Please <b>help</b>');
    expect(sent.querySelector('b')).toBeNull();
    expect(message.closest('li')?.textContent).toContain('10 May 2030 · Preclinical Peer Mentoring');
    expect(within(sent).getByText('Closed')).toBeTruthy();
  });

  it('explains that asking needs a program, and offers no form', async () => {
    fakeApi([]);
    await renderPage();
    expect(await screen.findByText('You can ask once you are enrolled in a program with a mentor or mentee.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Send to the coordinators' })).toBeNull();
  });

  it('in Persian, says in Persian that the mentor is not told', async () => {
    fakeApi([mentorship]);
    await renderPage('fa');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('درخواست کمک');
    expect(screen.getByText(/منتورتان باخبر نمی‌شود/)).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'ارسال به هماهنگ‌کنندگان' })).toBeTruthy();
  });
});
