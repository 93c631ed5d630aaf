import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_LENGTH, type ConversationSummary, type UserResponse } from '@pm/contracts';
import { SignedInUserContext } from '@web/features/auth/hooks/use-signed-in-user';
import type { HandshakeAuth } from '@web/features/chat/api/chat-transport';
import { FakeChatServer, messageIdFor } from '@web/features/chat/test/fake-chat-server';
import { stubApi } from '@web/test/api-stub';
import { json, urlOf } from '@web/test/http';
import { renderWithProviders } from '@web/test/render';
import { ChatPage } from './chat-page';

// The page talks to the fake server instead of socket.io; everything above the transport is the real code.
const fake = vi.hoisted(() => ({ server: null as FakeChatServer | null }));
vi.mock('@web/features/chat/api/chat-transport', () => ({
  createSocketTransport: (auth: HandshakeAuth) => {
    if (!fake.server) throw new Error('no fake chat server');
    return fake.server.factory(auth);
  },
}));

const me: UserResponse = { id: 'u-me', email: 'mentee1@demo.example', fullName: 'Zahra Karimi', role: 'student', yearOfStudy: 1 } as UserResponse;

const conversation = (id: string, extra: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  kind: 'mentorship',
  programId: 'p1',
  programName: 'Preclinical Peer Mentoring',
  mentorshipId: `ms-${id}`,
  mentorId: 'u-mentor',
  participants: [{ id: 'u-mentor', fullName: 'Sara Ahmadi', role: 'mentor' }],
  lastMessage: null,
  unreadCount: 0,
  lastReadMessageId: null,
  readReceipts: [],
  readOnly: false,
  ...extra,
});

let server: FakeChatServer;

function fakeApi(list: () => ConversationSummary[]) {
  const api = stubApi(({ method, path }) => {
    if (method === 'GET' && path === '/conversations') return json(list());
    const history = /^\/conversations\/([^/]+)\/messages$/.exec(path);
    if (method === 'GET' && history) {
      // The stub passes the path only; the query is on the call just made.
      const url = new URL(urlOf(api.fetchMock.mock.lastCall?.[0] ?? ''), 'http://localhost');
      const before = url.searchParams.get('before') ?? undefined;
      return json(server.history(history[1] as string, { before, limit: Number(url.searchParams.get('limit') ?? 50) }));
    }
    return undefined;
  });
  return api;
}

async function renderChat(route = '/chat/c1', language: 'en' | 'fa' = 'en') {
  return renderWithProviders(
    <SignedInUserContext value={me}>
      <Routes>
        <Route path="/chat/:conversationId?" element={<ChatPage />} />
      </Routes>
    </SignedInUserContext>,
    { route, language },
  );
}

const messages = (): HTMLElement[] => within(screen.getByTestId('message-list')).getAllByTestId('chat-message');
const bodies = (): string[] => messages().map((m) => within(m).getByTestId('message-body').textContent ?? '');

describe('ChatPage', () => {
  beforeEach(() => {
    server = new FakeChatServer('u-me');
    fake.server = server;
  });

  it('lists conversations with presence and unread counts, and shows the thread as text with its line breaks', async () => {
    server.online = ['u-mentor'];
    server.store('c1', 'u-mentor', 'Hello <b>there</b>\nsecond line');
    fakeApi(() => [
      conversation('c1', { lastMessage: server.messages.get('c1')?.[0] ?? null, unreadCount: 1 }),
      conversation('c2', { participants: [{ id: 'u-other', fullName: 'Omid Jafari', role: 'mentee' }], unreadCount: 3, programName: 'Other program' }),
    ]);
    await renderChat();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    const list = await screen.findByTestId('conversation-list');
    const links = within(list).getAllByTestId('conversation-link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/chat/c1', '/chat/c2']);
    expect(links[1]?.textContent).toContain('3 unread messages');
    expect(await within(links[0] as HTMLElement).findByRole('img', { name: 'Online' })).toBeTruthy();

    await waitFor(() => expect(bodies()).toEqual(['Hello <b>there</b>\nsecond line']));
    const body = within(messages()[0] as HTMLElement).getByTestId('message-body');
    expect(body.querySelector('b')).toBeNull();
    expect(body.getAttribute('dir')).toBe('auto');
    expect(screen.getByRole('heading', { level: 2, name: 'Sara Ahmadi' })).toBeTruthy();
    // The newest message on screen is marked read.
    await waitFor(() => expect(server.sent('conversation:read')).toEqual([{ conversationId: 'c1', messageId: messageIdFor(1, 'c1') }]));
  });

  it('opens the first conversation when none is chosen, and says so when there are none', async () => {
    fakeApi(() => [conversation('c1')]);
    const first = await renderChat('/chat');
    expect(await screen.findByTestId('conversation-panel')).toBeTruthy();
    expect(screen.getByTestId('conversation-panel').dataset['conversationId']).toBe('c1');
    first.unmount();

    fakeApi(() => []);
    await renderChat('/chat');
    expect(await screen.findByTestId('no-conversations')).toBeTruthy();
  });

  it('sends with Enter (Shift+Enter is a new line), shows the message while sending, then as sent', async () => {
    fakeApi(() => [conversation('c1')]);
    let release: () => void = () => undefined;
    server.overrides['message:send'] = () =>
      new Promise((resolve) => {
        release = () => resolve(undefined);
      });
    await renderChat();
    const input = await screen.findByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'line one' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(server.sent('message:send')).toEqual([]);
    fireEvent.change(input, { target: { value: 'line one\nline two' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(server.sent('message:send')).toHaveLength(1));
    expect(server.sent('message:send')[0]).toMatchObject({ conversationId: 'c1', body: 'line one\nline two', clientMessageId: expect.any(String) });
    expect((input as HTMLTextAreaElement).value).toBe('');
    expect(messages()[0]?.dataset['state']).toBe('sending');
    expect(messages()[0]?.textContent).toContain('Sending…');

    await act(async () => release());
    await waitFor(() => expect(messages()[0]?.dataset['state']).toBe('sent'));
    expect(messages()).toHaveLength(1);
    expect(bodies()).toEqual(['line one\nline two']);
  });

  it('counts characters against the 4,000 limit and refuses to send more', async () => {
    fakeApi(() => [conversation('c1')]);
    await renderChat();
    const input = await screen.findByTestId('composer-input');
    fireEvent.change(input, { target: { value: '😀'.repeat(10) } });
    expect(screen.getByTestId('composer-count').textContent).toBe('10 / 4,000 characters');
    fireEvent.change(input, { target: { value: 'a'.repeat(MAX_MESSAGE_LENGTH + 1) } });
    expect((await screen.findByRole('alert')).textContent).toBe('A message can have at most 4,000 characters.');
    fireEvent.click(screen.getByTestId('composer-send'));
    await new Promise((r) => setTimeout(r, 20));
    expect(server.sent('message:send')).toEqual([]);
  });

  it('shows live messages and the other member typing, and keeps the list current', async () => {
    fakeApi(() => [conversation('c1'), conversation('c2', { participants: [{ id: 'u-other', fullName: 'Omid Jafari', role: 'mentee' }] })]);
    await renderChat();
    await screen.findByTestId('no-messages');
    await waitFor(() => expect(server.current.connected).toBe(true));

    act(() => server.current.push('typing:update', { conversationId: 'c1', userId: 'u-mentor', typing: true }));
    expect(screen.getByTestId('typing-indicator').textContent).toBe('Sara Ahmadi is typing…');

    act(() => {
      server.incoming('c1', 'u-mentor', 'Are you free on Monday?');
    });
    await waitFor(() => expect(bodies()).toEqual(['Are you free on Monday?']));
    expect(screen.getByTestId('typing-indicator').textContent).toBe('');
    expect(screen.getByTestId('message-announcer').textContent).toBe('New message from Sara Ahmadi: Are you free on Monday?');

    act(() => {
      server.incoming('c2', 'u-other', 'Hi from the other conversation');
    });
    const links = screen.getAllByTestId('conversation-link');
    await waitFor(() => expect(links[1]?.textContent).toContain('1 unread message'));
    expect(links[1]?.textContent).toContain('Hi from the other conversation');
  });

  it('shows "seen" under my newest message the other member has read', async () => {
    const mine = server.store('c1', 'u-me', 'Did you get the notes?');
    fakeApi(() => [conversation('c1', { lastMessage: mine })]);
    await renderChat();
    await waitFor(() => expect(bodies()).toEqual(['Did you get the notes?']));
    expect(screen.queryByTestId('seen')).toBeNull();
    act(() => server.current.push('read:update', { conversationId: 'c1', userId: 'u-mentor', lastReadMessageId: mine.id, readAt: '2030-01-01T10:00:00.000Z' }));
    expect(within(messages()[0] as HTMLElement).getByTestId('seen').textContent).toBe('Seen');
  });

  it('while disconnected, says it is reconnecting, keeps what is typed, and sends it after the reconnect', async () => {
    fakeApi(() => [conversation('c1')]);
    await renderChat();
    await screen.findByTestId('no-messages');
    await waitFor(() => expect(screen.queryByTestId('chat-connection-banner')).toBeNull());

    act(() => server.current.drop());
    const banner = await screen.findByTestId('chat-connection-banner');
    expect(banner.closest('[role="status"]')).toBeTruthy();
    expect(banner.textContent).toContain('Reconnecting');

    const input = screen.getByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'typed offline' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(messages()[0]?.dataset['state']).toBe('sending'));
    expect(server.sent('message:send')).toEqual([]);

    act(() => server.current.connect());
    await waitFor(() => expect(screen.queryByTestId('chat-connection-banner')).toBeNull());
    await waitFor(() => expect(messages()[0]?.dataset['state']).toBe('sent'));
    expect(server.sent('message:send')).toHaveLength(1);
  });

  it('marks a refused message as failed, with retry and discard', async () => {
    fakeApi(() => [conversation('c1')]);
    server.overrides['message:send'] = () => ({ ok: false, error: 'read only', code: 'CONVERSATION_READ_ONLY' });
    await renderChat();
    const input = await screen.findByTestId('composer-input');
    fireEvent.change(input, { target: { value: 'too late' } });
    fireEvent.click(screen.getByTestId('composer-send'));
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('Not sent: this mentorship has ended');
    fireEvent.click(screen.getByTestId('retry-message'));
    await waitFor(() => expect(server.sent('message:send')).toHaveLength(2));
    await screen.findByTestId('discard-message');
    fireEvent.click(screen.getByTestId('discard-message'));
    expect(await screen.findByTestId('no-messages')).toBeTruthy();
  });

  it('pages back through history with the "load older" button', async () => {
    for (let i = 1; i <= 60; i++) server.store('c1', 'u-mentor', `m${i}`);
    const api = fakeApi(() => [conversation('c1')]);
    await renderChat();
    await waitFor(() => expect(messages()).toHaveLength(50));
    fireEvent.click(screen.getByTestId('load-older'));
    await waitFor(() => expect(messages()).toHaveLength(60));
    expect(bodies().slice(0, 2)).toEqual(['m1', 'm2']);
    expect(screen.queryByTestId('load-older')).toBeNull();
    expect(screen.getByText('This is the start of the conversation.')).toBeTruthy();
    const calls = api.fetchMock.mock.calls.map(([input]) => urlOf(input)).filter((url) => url.includes('/messages'));
    expect(calls.at(-1)).toContain(`before=${messageIdFor(11, 'c1')}`);
  });

  it('shows an ended mentorship read-only, without a composer', async () => {
    fakeApi(() => [conversation('c1', { readOnly: true })]);
    await renderChat();
    expect((await screen.findByTestId('read-only')).textContent).toContain('This mentorship has ended');
    expect(screen.queryByTestId('composer')).toBeNull();
  });

  it('in Persian, is translated and lays out right to left', async () => {
    fakeApi(() => [conversation('c1')]);
    await renderChat('/chat/c1', 'fa');
    expect(await screen.findByRole('heading', { level: 1, name: 'گفتگو' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(await screen.findByLabelText('پیام')).toBe(screen.getByTestId('composer-input'));
    expect(screen.getByTestId('composer-count').textContent).toBe('۰ / ۴٬۰۰۰ نویسه');
  });
});
