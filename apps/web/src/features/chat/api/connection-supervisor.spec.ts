import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '@pm/contracts';
import type { TokenProvider } from '@web/lib/api-client';
import { FakeChatServer } from '@web/features/chat/test/fake-chat-server';
import { ConnectionSupervisor } from './connection-supervisor';

const tokens: TokenProvider = { getAccessToken: () => 'token-1', refresh: () => Promise.resolve('token-1+') };

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await vi.advanceTimersByTimeAsync(0);
};

describe('ConnectionSupervisor', () => {
  let server: FakeChatServer;
  let supervisor: ConnectionSupervisor;

  beforeEach(() => {
    vi.useFakeTimers();
    server = new FakeChatServer();
    supervisor = new ConnectionSupervisor({ transport: server.factory, tokens, random: () => 0 });
  });
  afterEach(() => vi.useRealTimers());

  it('opens one connection for every holder and closes it after the last one lets go', async () => {
    const releaseChat = supervisor.retain();
    const releaseNotifications = supervisor.retain();
    await settle();
    expect(server.transports).toHaveLength(1);
    expect(supervisor.status).toBe('connected');
    releaseChat();
    releaseChat();
    expect(server.current.closed).toBe(false);
    releaseNotifications();
    expect(server.current.closed).toBe(true);
  });

  it('hands server events to every subscriber, also ones added after connecting, until they unsubscribe', async () => {
    const early: Notification[] = [];
    const late: Notification[] = [];
    supervisor.on('notification:new', (n) => early.push(n));
    supervisor.retain();
    await settle();
    const off = supervisor.on('notification:new', (n) => late.push(n));
    const notification = { id: 'n1' } as Notification;
    server.current.push('notification:new', notification);
    off();
    server.current.push('notification:new', notification);
    expect(early).toHaveLength(2);
    expect(late).toHaveLength(1);
  });

  it("aborts a connection's signal when it goes away and gives the next connection a fresh one", async () => {
    const signals: AbortSignal[] = [];
    supervisor.onConnect((signal) => signals.push(signal));
    supervisor.retain();
    await settle();
    expect(signals.map((s) => s.aborted)).toEqual([false]);
    server.current.drop();
    expect(signals.map((s) => s.aborted)).toEqual([true]);
    expect(supervisor.signal.aborted).toBe(true);
    server.current.connect();
    await settle();
    expect(signals.map((s) => s.aborted)).toEqual([true, false]);
    expect(supervisor.signal).toBe(signals[1]);
  });
});
