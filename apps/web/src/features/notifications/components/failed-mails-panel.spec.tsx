import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { FailedMailsPanel } from './failed-mails-panel';

const failed = [
  { notificationId: 'n1', recipientId: 'u1', recipientEmail: 'mentor@uni.example', kind: 'session_booked', attempts: 6, error: '550 mailbox unavailable', createdAt: '2026-12-01T09:00:00.000Z' },
];

describe('FailedMailsPanel', () => {
  it('lists each undelivered mail with its recipient, subject, attempts and the server’s answer', async () => {
    stubApi(({ method, path }) => (method === 'GET' && path === '/admin/failed-mails' ? json(failed) : undefined));
    await renderWithProviders(<FailedMailsPanel />);
    const row = (await screen.findByText('mentor@uni.example')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('Session booked');
    expect(row.textContent).toContain('550 mailbox unavailable');
    expect(row.textContent).toContain('6');
  });

  it('in Persian, with Persian words and digits', async () => {
    stubApi(({ method, path }) => (method === 'GET' && path === '/admin/failed-mails' ? json(failed) : undefined));
    await renderWithProviders(<FailedMailsPanel />, { language: 'fa' });
    const row = (await screen.findByText('mentor@uni.example')).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('رزرو جلسه');
    expect(row.textContent).toContain('۶');
  });

  it('says so when every mail was delivered', async () => {
    stubApi(({ method, path }) => (method === 'GET' && path === '/admin/failed-mails' ? json([]) : undefined));
    await renderWithProviders(<FailedMailsPanel />);
    expect(await screen.findByText('Every mail was delivered.')).toBeTruthy();
  });
});
