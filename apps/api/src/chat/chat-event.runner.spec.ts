import { Role } from '@pm/contracts';
import { loadConfig } from '@api/config/app-config';
import { ChatEventRunner } from './chat-event.runner';
import { conversationNotFound } from './chat.errors';
import type { ChatSocket } from './chat.types';
import { JoinConversationDto } from './dto/chat-events.dto';

const config = (env: Record<string, string> = {}) => loadConfig({ DATABASE_URL: 'postgres://localhost/x', ...env });
const socket = (tokenExpiresAt = Date.now() + 60_000): ChatSocket =>
  ({ data: { user: { id: 'u1', fullName: 'U', role: Role.Student }, tokenExpiresAt } }) as unknown as ChatSocket;
const payload = { conversationId: '6f1c1d5e-1234-4000-8000-000000000000' };

describe('ChatEventRunner', () => {
  it('acks a handler result as {ok: true, ...result}', async () => {
    const runner = new ChatEventRunner(config());
    await expect(runner.run(socket(), JoinConversationDto, payload, () => Promise.resolve({ missed: [] }))).resolves.toEqual({ ok: true, missed: [] });
  });

  it('turns a bad payload, a domain error and an unexpected error into error acks', async () => {
    const runner = new ChatEventRunner(config());
    const s = socket();
    await expect(runner.run(s, JoinConversationDto, { nope: 1 }, () => Promise.resolve({}))).resolves.toMatchObject({ ok: false, code: 'INVALID_PAYLOAD' });
    await expect(runner.run(s, JoinConversationDto, payload, () => Promise.reject(conversationNotFound()))).resolves.toEqual({
      ok: false,
      error: 'Conversation not found',
      code: 'CONVERSATION_NOT_FOUND',
    });
    const quiet = jest.spyOn(Reflect.get(runner, 'logger') as { error: (m: string) => void }, 'error').mockImplementation(() => undefined);
    await expect(runner.run(s, JoinConversationDto, payload, () => Promise.reject(new Error('db down')))).resolves.toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(quiet).toHaveBeenCalled();
  });

  it('refuses events past the per-socket burst with RATE_LIMITED and a wait', async () => {
    const runner = new ChatEventRunner(config({ CHAT_RATE_LIMIT_PER_SECOND: '1', CHAT_RATE_LIMIT_BURST: '2' }));
    const s = socket();
    const acks = await Promise.all([1, 2, 3].map(() => runner.run(s, JoinConversationDto, payload, () => Promise.resolve({}))));
    expect(acks.map((a) => a.ok)).toEqual([true, true, false]);
    expect(acks[2]).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) });
    // Another socket has its own bucket.
    await expect(runner.run(socket(), JoinConversationDto, payload, () => Promise.resolve({}))).resolves.toEqual({ ok: true });
  });

  it('refuses events once the token expired, except auth:refresh', async () => {
    const runner = new ChatEventRunner(config());
    const expired = socket(Date.now() - 1);
    await expect(runner.run(expired, JoinConversationDto, payload, () => Promise.resolve({}))).resolves.toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    await expect(runner.run(expired, JoinConversationDto, payload, () => Promise.resolve({}), { allowExpiredToken: true })).resolves.toEqual({ ok: true });
  });

  it('hands events to their handlers in arrival order, before anything is awaited', () => {
    // message:send relies on it: the appender must see a socket's sends in the order they arrived.
    const runner = new ChatEventRunner(config());
    const s = socket();
    const started: number[] = [];
    const pending = [0, 1, 2].map((i) => runner.run(s, JoinConversationDto, payload, () => (started.push(i), new Promise<object>(() => undefined))));
    expect(pending).toHaveLength(3);
    expect(started).toEqual([0, 1, 2]);
  });

  it('drains: waits for events in flight, then refuses new ones', async () => {
    const runner = new ChatEventRunner(config());
    let finished = false;
    const inFlight = runner.run(socket(), JoinConversationDto, payload, () => new Promise<object>((r) => setTimeout(() => { finished = true; r({}); }, 30)));
    await runner.drain();
    expect(finished).toBe(true);
    await expect(inFlight).resolves.toEqual({ ok: true });
    await expect(runner.run(socket(), JoinConversationDto, payload, () => Promise.resolve({}))).resolves.toMatchObject({ ok: false, code: 'SHUTTING_DOWN' });
  });
});
