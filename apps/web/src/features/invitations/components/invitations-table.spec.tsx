import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvitationResponse } from '@pm/contracts';
import { stubApi } from '@web/test/api-stub';
import { json } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { InvitationsTable } from './invitations-table';

const invitation = (id: string, status: InvitationResponse['status'], extra: Partial<InvitationResponse> = {}): InvitationResponse => ({
  id,
  email: `${id}@uni.example`,
  fullName: `Person ${id}`,
  role: 'mentee',
  status,
  createdAt: '2026-09-01T08:00:00.000Z',
  expiresAt: '2026-09-15T08:00:00.000Z',
  acceptedAt: status === 'accepted' ? '2026-09-02T08:00:00.000Z' : null,
  sentAt: null,
  ...(status === 'pending' ? { url: `https://app.example/invite?token=${id}` } : {}),
  ...extra,
});

describe('InvitationsTable', () => {
  it('lists invitations with copy for pending links and a new link for the others, and filters by status', async () => {
    const all = [invitation('a', 'pending'), invitation('b', 'accepted'), invitation('c', 'expired')];
    const api = stubApi(({ method, path }) => {
      if (method === 'GET' && path === '/programs/p1/invitations') return json(all);
      if (method === 'POST' && path === '/programs/p1/invitations/c/resend') return json(invitation('c', 'pending'));
      return undefined;
    });
    await renderWithProviders(<InvitationsTable programId="p1" closed={false} />);
    const rows = within(await screen.findByTestId('invitations-table')).getAllByTestId('invitation-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[0] as HTMLElement).getByTestId('invitation-copy')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByRole('button')).toBeNull();
    fireEvent.click(within(rows[2] as HTMLElement).getByRole('button', { name: 'Send a new link to Person c' }));
    await screen.findByTestId('invitations-table');
    expect(api.calls('POST', '/programs/p1/invitations/c/resend')).toHaveLength(1);

    fireEvent.change(screen.getByTestId('invitations-filter'), { target: { value: 'expired' } });
    await screen.findByTestId('invitations-table');
    expect(api.fetchMock.mock.calls.some(([url]) => String(url).includes('status=expired'))).toBe(true);
  });
});
