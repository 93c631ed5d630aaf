import { Injectable } from '@nestjs/common';
import { ChangeFeed, type ChangeSubscriber } from '@api/database/change-feed';
import { MEMBERSHIP_CHANNEL, membershipKey } from '@api/matching/membership-channel';
import { ConversationStore, type ConversationMembership } from './conversation.store';

/** Bounds the memory: past this, the entry stored longest ago goes (a cold conversation is one query away). */
const MAX_ENTRIES = 20_000;

interface Load {
  /** The feed's generation when the read started: a load started before a change must not serve callers after it. */
  generation: number;
  promise: Promise<ConversationMembership | undefined>;
}

/**
 * Conversation memberships kept in memory, so the access check at the start of every chat event costs no
 * query. Correctness rests on ChangeFeed: the database's triggers announce every change to a mentorship or a
 * conversation on `pm_membership_changed` when it commits, to every instance, and the conversations of that
 * mentor in that program are dropped (their pairs and their group: all that one mentorship row can affect).
 * The payload names the mentor and program rather than a conversation because a mentorship row does not know
 * its group's id, and membership changes are rare: dropping a mentor's few conversations costs nothing.
 *
 * The ChangeFeed rule: memory serves only while the feed is live (while it is down a change could go unheard;
 * then every lookup reads the database), and a row read while any change arrived is not kept.
 *
 * Order: the chat relies on a socket's sends reaching the MessageAppender in arrival order (chat.service.ts).
 * Lookups of one conversation therefore resolve in the order they were asked: concurrent callers share one
 * read, and a read that must not be shared (a change arrived since it started) starts only after it.
 * Conversations that do not exist are not remembered, so creating one needs no notification.
 */
@Injectable()
export class MembershipCache implements ChangeSubscriber {
  private readonly entries = new Map<string, ConversationMembership>();
  /** Conversation ids held, by `<program id>:<mentor id>`: a notification drops its few without a scan. */
  private readonly byKey = new Map<string, Set<string>>();
  private readonly loads = new Map<string, Load>();

  constructor(
    private readonly store: ConversationStore,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe(MEMBERSHIP_CHANNEL, this);
  }

  get(conversationId: string): Promise<ConversationMembership | undefined> {
    if (this.feed.live) {
      const hit = this.entries.get(conversationId);
      if (hit) return Promise.resolve(hit);
    }
    const generation = this.feed.generation;
    const pending = this.loads.get(conversationId);
    if (pending?.generation === generation) return pending.promise;
    const read = (): Promise<ConversationMembership | undefined> => this.read(conversationId);
    const promise = pending ? pending.promise.then(read, read) : read();
    const load: Load = { generation, promise };
    this.loads.set(conversationId, load);
    const settled = (): void => {
      if (this.loads.get(conversationId) === load) this.loads.delete(conversationId);
    };
    promise.then(settled, settled);
    return promise;
  }

  changed(key: string): void {
    for (const id of this.byKey.get(key) ?? []) this.entries.delete(id);
    this.byKey.delete(key);
  }

  reset(): void {
    this.entries.clear();
    this.byKey.clear();
  }

  /** Whether the conversation is held in memory (for tests). */
  has(conversationId: string): boolean {
    return this.entries.has(conversationId);
  }

  private async read(conversationId: string): Promise<ConversationMembership | undefined> {
    const generation = this.feed.generation;
    const membership = await this.store.membership(conversationId);
    if (membership && this.feed.live && this.feed.generation === generation) this.remember(membership);
    return membership;
  }

  private remember(membership: ConversationMembership): void {
    this.forget(membership.id);
    this.entries.set(membership.id, membership);
    const key = membershipKey(membership.programId, membership.mentorId);
    const ids = this.byKey.get(key) ?? new Set<string>();
    ids.add(membership.id);
    this.byKey.set(key, ids);
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  private forget(conversationId: string): void {
    const held = this.entries.get(conversationId);
    if (!held) return;
    this.entries.delete(conversationId);
    const key = membershipKey(held.programId, held.mentorId);
    const ids = this.byKey.get(key);
    ids?.delete(conversationId);
    if (ids?.size === 0) this.byKey.delete(key);
  }
}
