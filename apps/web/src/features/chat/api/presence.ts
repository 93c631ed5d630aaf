import type { PresenceUpdate } from '@pm/contracts';
import type { AckOf } from './chat-transport';
import type { ChatStore } from './chat-store';
import type { ConnectionSupervisor } from './connection-supervisor';

export interface PresenceOptions {
  store: ChatStore;
  supervisor: ConnectionSupervisor;
}

/**
 * Who is online among the members of the conversations shown: asked with `presence:query` per conversation
 * (now, and again after every connect), then kept current by `presence:update`. Unknown while disconnected.
 */
export class PresenceTracker {
  private readonly members = new Map<string, readonly string[]>();

  constructor(private readonly o: PresenceOptions) {}

  /** The conversations whose members' presence to show; only ones not watched yet are queried now. */
  watch(conversations: ReadonlyArray<{ id: string; memberIds: readonly string[] }>): void {
    const fresh = conversations.filter((c) => !this.members.has(c.id)).map((c) => c.id);
    for (const c of conversations) this.members.set(c.id, c.memberIds);
    if (fresh.length > 0 && this.o.supervisor.connected) void this.query(fresh);
  }

  /** Every watched conversation again (after a connect). */
  requery(): Promise<void> {
    return this.query([...this.members.keys()]);
  }

  readonly receive = ({ userId, online }: PresenceUpdate): void => {
    const { store } = this.o;
    if (store.getSnapshot().online[userId] !== online) store.update({ online: { ...store.getSnapshot().online, [userId]: online } });
  };

  connectionLost(): void {
    this.o.store.update({ online: {} });
  }

  private async query(conversationIds: string[]): Promise<void> {
    const { store } = this.o;
    await Promise.all(
      conversationIds.map(async (conversationId) => {
        let ack: AckOf<'presence:query'>;
        try {
          ack = await this.o.supervisor.request('presence:query', { conversationId });
        } catch {
          return;
        }
        if (!ack.ok) return;
        const online = new Set(ack.online);
        const members = this.members.get(conversationId) ?? [];
        store.update({ online: { ...store.getSnapshot().online, ...Object.fromEntries(members.map((id) => [id, online.has(id)])) } });
      }),
    );
  }
}
