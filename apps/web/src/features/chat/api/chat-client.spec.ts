import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TYPING_TTL_MS, type ChatMessage } from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import { FakeChatServer, messageIdFor } from '@web/features/chat/test/fake-chat-server';
import { ChatClient, TYPING_IDLE_MS, type KeyValueStorage } from './chat-client';
import { outboxStorageKey, parseOutbox } from './outbox';

const ME = 'u-me';
const MENTOR = 'u-mentor';

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, read: (key) => data.get(key) ?? null, write: (key, value) => (value === null ? data.delete(key) : data.set(key, value)) };
}

function tokens(initial = 'token-1'): TokenProvider & { current: string | null; refreshed: string[] } {
  const provider = {
    current: initial as string | null,
    refreshed: [] as string[],
    getAccessToken: () => provider.current,
    refresh: (stale: string) => {
      provider.refreshed.push(stale);
      provider.current = `${stale}+`;
      return Promise.resolve(provider.current);
    },
  };
  return provider;
}

/** Lets every pending promise and zero-delay timer run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(0);
};

describe('ChatClient', () => {
  let server: FakeChatServer;
  let storage: ReturnType<typeof memoryStorage>;
  let auth: ReturnType<typeof tokens>;
  const clients: ChatClient[] = [];

  const newClient = (pageSize = 50): ChatClient => {
    const client = new ChatClient({
      userId: ME,
      transport: server.factory,
      tokens: auth,
      fetchHistory: (conversationId, query) => Promise.resolve(server.history(conversationId, query)),
      storage,
      random: () => 0,
      historyPageSize: pageSize,
    });
    clients.push(client);
    return client;
  };

  const thread = (client: ChatClient, id = 'c1') => client.getSnapshot().threads[id];
  const bodies = (client: ChatClient, id = 'c1'): string[] => (thread(client, id)?.log.messages ?? []).map((m: ChatMessage) => m.body);

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeChatServer(ME);
    storage = memoryStorage();
    auth = tokens();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.stop();
    vi.useRealTimers();
  });

  it('connects with the current token, loads the newest page and joins from its newest message', async () => {
    server.store('c1', MENTOR, 'hello');
    server.store('c1', MENTOR, 'are you there?');
    const client = newClient();
    client.start();
    await settle();
    expect(client.getSnapshot().status).toBe('connected');
    expect(server.current.handshakes).toEqual(['token-1']);
    await client.openThread('c1');
    await settle();
    expect(bodies(client)).toEqual(['hello', 'are you there?']);
    expect(server.sent('conversation:join')).toEqual([{ conversationId: 'c1', afterMessageId: messageIdFor(2) }]);
  });

  it('shows a sent message as pending until the ack, then as the stored message, once', async () => {
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    client.send('c1', 'first');
    expect(client.getSnapshot().outbox).toMatchObject([{ body: 'first', state: 'sending' }]);
    await settle();
    expect(client.getSnapshot().outbox).toEqual([]);
    expect(bodies(client)).toEqual(['first']);
    expect(storage.data.has(outboxStorageKey(ME))).toBe(false);
  });

  it('after a reconnect, resends the outbox with the same clientMessageIds first, then rejoins from the last contiguous message', async () => {
    server.store('c1', MENTOR, 'before');
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    await settle();
    server.current.drop();
    expect(client.getSnapshot().status).toBe('reconnecting');

    const a = client.send('c1', 'typed while offline 1');
    const b = client.send('c1', 'typed while offline 2');
    server.store('c1', MENTOR, 'sent while I was away');
    await settle();
    expect(server.sent('message:send')).toEqual([]);

    server.log.length = 0;
    server.current.connect();
    await settle();
    expect(server.log.map((entry) => entry.event)).toEqual(['message:send', 'message:send', 'conversation:join']);
    expect(server.sent('message:send')).toMatchObject([{ clientMessageId: a.clientMessageId }, { clientMessageId: b.clientMessageId }]);
    expect(server.sent('conversation:join')).toEqual([{ conversationId: 'c1', afterMessageId: messageIdFor(1) }]);
    expect(bodies(client)).toEqual(['before', 'sent while I was away', 'typed while offline 1', 'typed while offline 2']);
    expect(client.getSnapshot().outbox).toEqual([]);
  });

  it('keeps unacknowledged messages across a reload and sends them with their original ids', async () => {
    const first = newClient();
    server.autoAccept = false;
    first.start();
    const entry = first.send('c1', 'sent just before the reload');
    first.stop();
    expect(parseOutbox(storage.data.get(outboxStorageKey(ME)) ?? null)).toMatchObject([{ clientMessageId: entry.clientMessageId }]);

    server.autoAccept = true;
    const second = newClient();
    expect(second.getSnapshot().outbox).toMatchObject([{ clientMessageId: entry.clientMessageId, state: 'sending' }]);
    second.start();
    await settle();
    expect(server.sent('message:send')).toEqual([{ conversationId: 'c1', body: 'sent just before the reload', clientMessageId: entry.clientMessageId }]);
    expect(second.getSnapshot().outbox).toEqual([]);
  });

  it('a resend of a message the server already stored (the ack was lost) is stored once and settles the entry', async () => {
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    server.overrides['message:send'] = (payload) => {
      server.store(payload.conversationId, ME, payload.body, payload.clientMessageId);
      return 'no-ack';
    };
    client.send('c1', 'lost ack');
    await settle();
    server.current.drop();
    server.overrides = {};
    server.current.connect();
    await vi.advanceTimersByTimeAsync(20_000);
    await settle();
    expect(server.messages.get('c1')?.map((m) => m.body)).toEqual(['lost ack']);
    expect(client.getSnapshot().outbox).toEqual([]);
    expect(bodies(client)).toEqual(['lost ack']);
  });

  it('given a live message after a hole in seq, then it joins from the last contiguous message, again while hasMore', async () => {
    server.store('c1', MENTOR, 'm1');
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    await settle();
    server.log.length = 0;
    server.maxMissed = 2;
    for (let i = 2; i <= 5; i++) server.incoming('c1', MENTOR, `m${i}`, false);
    server.incoming('c1', MENTOR, 'm6');
    await settle();
    expect(server.sent('conversation:join')).toEqual([
      { conversationId: 'c1', afterMessageId: messageIdFor(1) },
      { conversationId: 'c1', afterMessageId: messageIdFor(3) },
      // m6 arrived live, so after m4 and m5 everything up to it is held: the last round starts there.
      { conversationId: 'c1', afterMessageId: messageIdFor(6) },
    ]);
    expect(bodies(client)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(thread(client)?.log.syncedSeq).toBe(6);
  });

  it('dedupes a message that arrives both live and in a catch-up', async () => {
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    const m1 = server.incoming('c1', MENTOR, 'once');
    server.current.push('message:new', m1);
    await settle();
    expect(bodies(client)).toEqual(['once']);
  });

  it('pages back through history', async () => {
    for (let i = 1; i <= 5; i++) server.store('c1', MENTOR, `h${i}`);
    const client = newClient(2);
    client.start();
    await settle();
    await client.openThread('c1');
    expect(bodies(client)).toEqual(['h4', 'h5']);
    expect(thread(client)?.hasOlder).toBe(true);
    await client.loadOlder('c1');
    await client.loadOlder('c1');
    expect(bodies(client)).toEqual(['h1', 'h2', 'h3', 'h4', 'h5']);
    expect(thread(client)?.hasOlder).toBe(false);
  });

  it('given RATE_LIMITED, then it sends again after retryAfterMs', async () => {
    const client = newClient();
    client.start();
    await settle();
    let refusals = 1;
    server.overrides['message:send'] = () => (refusals-- > 0 ? { ok: false, error: 'slow down', code: 'RATE_LIMITED', retryAfterMs: 2000 } : undefined);
    client.send('c1', 'patience');
    await settle();
    expect(client.getSnapshot().outbox).toMatchObject([{ state: 'sending', retryAt: expect.any(Number) }]);
    await vi.advanceTimersByTimeAsync(1900);
    expect(server.sent('message:send')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(server.sent('message:send')).toHaveLength(2);
    expect(client.getSnapshot().outbox).toEqual([]);
  });

  it('given a refusal that will not change, then the message fails; retry sends it again, discard drops it', async () => {
    const client = newClient();
    client.start();
    await settle();
    server.overrides['message:send'] = () => ({ ok: false, error: 'too long', code: 'MESSAGE_TOO_LONG' });
    const entry = client.send('c1', 'x');
    await settle();
    expect(client.getSnapshot().outbox).toMatchObject([{ state: 'failed', failure: { code: 'MESSAGE_TOO_LONG' } }]);
    client.retry(entry.clientMessageId);
    await settle();
    expect(server.sent('message:send')).toHaveLength(2);
    client.discard(entry.clientMessageId);
    expect(client.getSnapshot().outbox).toEqual([]);
  });

  it('on server:shutdown, leaves and reconnects after the hint', async () => {
    const client = newClient();
    client.start();
    await settle();
    server.current.push('server:shutdown', { reconnectAfterMs: 1000 });
    expect(client.getSnapshot().status).toBe('reconnecting');
    expect(server.current.connected).toBe(false);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.current.handshakes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    await settle();
    expect(server.current.handshakes).toHaveLength(2);
    expect(client.getSnapshot().status).toBe('connected');
  });

  it('given a handshake refused for an expired token, then it renews the session and reconnects with the new token', async () => {
    server.autoAccept = false;
    const client = newClient();
    client.start();
    server.current.refuse({ message: 'expired', code: 'UNAUTHENTICATED' });
    await settle();
    expect(auth.refreshed).toEqual(['token-1']);
    server.current.accept();
    expect(server.current.handshakes).toEqual(['token-1', 'token-1+']);
    expect(client.getSnapshot().status).toBe('connected');
  });

  it('given a handshake refused and no session left, then it reports signed-out', async () => {
    server.autoAccept = false;
    auth.refresh = () => Promise.resolve(null);
    const client = newClient();
    client.start();
    server.current.refuse({ message: 'expired', code: 'UNAUTHENTICATED' });
    await settle();
    expect(client.getSnapshot().status).toBe('signed-out');
  });

  it('given an event refused because the token expired, then it sends auth:refresh with a renewed token and tries again', async () => {
    const client = newClient();
    client.start();
    await settle();
    let expired = true;
    server.overrides['conversation:join'] = () => (expired ? { ok: false, error: 'expired', code: 'UNAUTHENTICATED' } : undefined);
    server.overrides['auth:refresh'] = () => {
      expired = false;
      return undefined;
    };
    await client.openThread('c1');
    await settle();
    expect(server.sent('auth:refresh')).toEqual([{ token: 'token-1+' }]);
    expect(server.sent('conversation:join')).toHaveLength(2);
  });

  it('when the app renews its token, tells the open socket with auth:refresh', async () => {
    const client = newClient();
    client.start();
    await settle();
    auth.current = 'token-2';
    client.tokenChanged('token-2');
    await settle();
    expect(server.sent('auth:refresh')).toEqual([{ token: 'token-2' }]);
    client.tokenChanged('token-2');
    await settle();
    expect(server.sent('auth:refresh')).toHaveLength(1);
  });

  it('throttles typing:set while typing and says when typing stops', async () => {
    const client = newClient();
    client.start();
    await settle();
    client.typing('c1');
    await vi.advanceTimersByTimeAsync(1000);
    client.typing('c1');
    await vi.advanceTimersByTimeAsync(1000);
    client.typing('c1');
    expect(server.typing).toEqual([{ conversationId: 'c1', typing: true }]);
    await vi.advanceTimersByTimeAsync(1500);
    client.typing('c1');
    expect(server.typing).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(TYPING_IDLE_MS);
    expect(server.typing.at(-1)).toEqual({ conversationId: 'c1', typing: false });
  });

  it("shows the other member typing for the TTL, and stops at their message", async () => {
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    server.current.push('typing:update', { conversationId: 'c1', userId: MENTOR, typing: true });
    expect(thread(client)?.typing).toEqual([MENTOR]);
    await vi.advanceTimersByTimeAsync(TYPING_TTL_MS + 1);
    expect(thread(client)?.typing).toEqual([]);
    server.current.push('typing:update', { conversationId: 'c1', userId: MENTOR, typing: true });
    server.incoming('c1', MENTOR, 'done typing');
    expect(thread(client)?.typing).toEqual([]);
  });

  it('marks read at most once per message, and keeps receipts from moving backwards', async () => {
    const m1 = server.store('c1', MENTOR, 'one');
    const m2 = server.store('c1', MENTOR, 'two');
    const client = newClient();
    client.start();
    await settle();
    await client.openThread('c1');
    client.markRead('c1', m2.id);
    client.markRead('c1', m2.id);
    client.markRead('c1', m1.id);
    await settle();
    expect(server.sent('conversation:read')).toEqual([{ conversationId: 'c1', messageId: m2.id }]);
    server.current.push('read:update', { conversationId: 'c1', userId: ME, lastReadMessageId: m1.id, readAt: 'later' });
    expect(thread(client)?.receipts[ME]?.lastReadMessageId).toBe(m2.id);
  });

  it('tracks presence from queries and updates', async () => {
    server.online = [ME, MENTOR];
    const client = newClient();
    client.start();
    await settle();
    client.watchPresence([{ id: 'c1', memberIds: [ME, MENTOR] }]);
    await settle();
    expect(client.getSnapshot().online).toEqual({ [ME]: true, [MENTOR]: true });
    server.current.push('presence:update', { userId: MENTOR, online: false });
    expect(client.getSnapshot().online[MENTOR]).toBe(false);
    server.current.drop();
    expect(client.getSnapshot().online).toEqual({});
  });
});
