import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Notification } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { NotificationSettingsPage } from './notification-settings-page';
import { NotificationsPage } from './notifications-page';

const booked: Notification = {
  id: 'n1',
  kind: 'session_booked',
  title: 'New session with <b>Ali</b>',
  body: 'Ali booked a session for Monday 6 May 2030 at 10:00.',
  link: '/sessions/s1',
  createdAt: '2030-05-01T10:00:00.000Z',
  readAt: null,
};
const match: Notification = { ...booked, id: 'n2', kind: 'match_made', title: 'You have a new mentee: Ali', body: 'Say hello.', link: '/chat/c1', readAt: '2030-05-01T11:00:00.000Z' };

describe('NotificationsPage', () => {
  it('lists notifications as text with their links, and marks one or all read', async () => {
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/me/notifications') return json([booked, match]);
      if (method === 'POST' && path === '/me/notifications/read') return json({ unread: 0 });
      return undefined;
    });
    await renderWithProviders(<NotificationsPage />, { route: '/notifications' });
    const items = await screen.findAllByTestId('notification-item');
    expect(items).toHaveLength(2);
    const first = items[0] as HTMLElement;
    // Names are what people typed: shown as text, never as HTML.
    expect(first.textContent).toContain('New session with <b>Ali</b>');
    expect(first.querySelector('b')).toBeNull();
    expect(within(first).getAllByRole('link')[0]?.getAttribute('href')).toBe('/sessions/s1');
    expect(first.getAttribute('data-unread')).toBe('true');
    expect((items[1] as HTMLElement).getAttribute('data-unread')).toBe('false');
    expect(screen.getByTestId('notification-settings-link').getAttribute('href')).toBe('/notifications/settings');

    fireEvent.click(within(first).getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(api.calls('POST', '/me/notifications/read').map((r) => r.body)).toEqual([{ ids: ['n1'] }]));
    fireEvent.click(screen.getByTestId('mark-all-read'));
    await waitFor(() => expect(api.calls('POST', '/me/notifications/read').map((r) => r.body)).toContainEqual({ all: true }));
  });

  it('says so when there is nothing, in Persian too', async () => {
    stubApi(({ method, path }) => (method === 'GET' && path === '/me/notifications' ? json([]) : undefined));
    await renderWithProviders(<NotificationsPage />, { language: 'fa' });
    expect((await screen.findByTestId('notifications-empty')).textContent).toMatch(/[\u0600-\u06FF]/);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('اعلان‌ها');
  });
});

describe('NotificationSettingsPage', () => {
  it('shows the settings and saves e-mail and language', async () => {
    const api = stubApi(({ method, path, body }) => {
      if (method === 'GET' && path === '/me/notification-settings') return json({ email: true, language: 'en' });
      if (method === 'PUT' && path === '/me/notification-settings') return json(body);
      return undefined;
    });
    await renderWithProviders(<NotificationSettingsPage />);
    const email = await screen.findByLabelText('Also send me notifications by e-mail');
    expect((email as HTMLInputElement).checked).toBe(true);
    fireEvent.click(email);
    fireEvent.change(screen.getByLabelText('Language of notifications and e-mails'), { target: { value: 'fa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(api.calls('PUT', '/me/notification-settings').map((r) => r.body)).toEqual([{ email: false, language: 'fa' }]));
  });
});
