/**
 * The ChangeFeed channel on which the database announces, at commit, every change to a mentorship (and to a
 * conversation's owner), with `<program id>:<mentor id>` as the payload: triggers of migration
 * ChatMembershipView send it. Whoever keeps memberships in memory (chat/membership-cache.ts) listens; whoever
 * revokes one may wait for it to be heard (ChangeFeed.echo) before answering.
 */
export const MEMBERSHIP_CHANNEL = 'pm_membership_changed';

export const membershipKey = (programId: string, mentorId: string): string => `${programId}:${mentorId}`;
