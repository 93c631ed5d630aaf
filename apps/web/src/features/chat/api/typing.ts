import { TYPING_TTL_MS, type TypingUpdate } from '@pm/contracts';
import type { ChatStore } from './chat-store';
import type { ConnectionSupervisor } from './connection-supervisor';

/** While someone types, `typing:set {typing: true}` is renewed this often, well inside the server's TTL. */
export const TYPING_RENEW_MS = 3_000;
/** Typing stops counting after this long without a keystroke. */
export const TYPING_IDLE_MS = 4_000;

export interface TypingOptions {
  userId: string;
  store: ChatStore;
  supervisor: ConnectionSupervisor;
  now: () => number;
}

/**
 * "Typing…" both ways: the caller's keystrokes become throttled `typing:set` events, and the other members'
 * `typing:update`s show in their thread until they stop, send, or their TTL runs out unrenewed.
 */
export class TypingIndicator {
  /** Per `${conversationId} ${userId}`: hides another member's typing once the server's TTL passes unrenewed. */
  private readonly others = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly own = new Map<string, { sentAt: number; idle: ReturnType<typeof setTimeout> }>();

  constructor(private readonly o: TypingOptions) {}

  /** A keystroke in the composer: tells the others at most every TYPING_RENEW_MS, and stops after a pause. */
  typing(conversationId: string): void {
    if (!this.o.supervisor.connected) return;
    const now = this.o.now();
    const own = this.own.get(conversationId);
    if (own) clearTimeout(own.idle);
    const sentAt = own && now - own.sentAt < TYPING_RENEW_MS ? own.sentAt : now;
    if (sentAt === now) this.o.supervisor.notifyTyping({ conversationId, typing: true });
    const idle = setTimeout(() => this.stopTyping(conversationId), TYPING_IDLE_MS);
    this.own.set(conversationId, { sentAt, idle });
  }

  /** Sent, cleared, or left: the others stop seeing "typing" at once. */
  stopTyping(conversationId: string): void {
    const own = this.own.get(conversationId);
    if (!own) return;
    clearTimeout(own.idle);
    this.own.delete(conversationId);
    this.o.supervisor.notifyTyping({ conversationId, typing: false });
  }

  readonly receive = ({ conversationId, userId, typing }: TypingUpdate): void => {
    const { store } = this.o;
    if (userId === this.o.userId || !store.thread(conversationId)) return;
    const key = `${conversationId} ${userId}`;
    const timer = this.others.get(key);
    if (timer) clearTimeout(timer);
    this.others.delete(key);
    if (typing) {
      this.others.set(
        key,
        setTimeout(() => {
          this.others.delete(key);
          store.setThread(conversationId, (t) => ({ ...t, typing: t.typing.filter((id) => id !== userId) }));
        }, TYPING_TTL_MS),
      );
    }
    store.setThread(conversationId, (t) => ({ ...t, typing: typing ? [...t.typing.filter((id) => id !== userId), userId] : t.typing.filter((id) => id !== userId) }));
  };

  /** Disconnected: nobody's typing can be known, and the server forgets the caller's. */
  connectionLost(): void {
    for (const timer of this.others.values()) clearTimeout(timer);
    this.others.clear();
    this.o.store.mapThreads((t) => (t.typing.length > 0 ? { ...t, typing: [] } : t));
  }

  stop(): void {
    this.connectionLost();
    for (const own of this.own.values()) clearTimeout(own.idle);
    this.own.clear();
  }
}
