import type { NotificationKind } from '@pm/contracts';
import { forumReply } from './forum_reply';
import { invitation } from './invitation';
import { matchMade } from './match_made';
import { messageUnread } from './message_unread';
import { pairNeedsAttention } from './pair_needs_attention';
import { pairHealthDigest } from './pair_health_digest';
import { referral } from './referral';
import { sessionBooked } from './session_booked';
import { sessionCancelled } from './session_cancelled';
import { sessionChanged } from './session_changed';
import { sessionReminder } from './session_reminder';
import type { NotificationTemplate } from './template';

export type { NotificationTemplate, RenderContext, LocalizedTemplate } from './template';

/** Every kind's template; a kind of NotificationKind without one does not compile. Add a kind with one line. */
export const TEMPLATES: Record<NotificationKind, NotificationTemplate> = {
  session_booked: sessionBooked,
  session_changed: sessionChanged,
  session_cancelled: sessionCancelled,
  session_reminder: sessionReminder,
  match_made: matchMade,
  message_unread: messageUnread,
  invitation,
  referral,
  pair_needs_attention: pairNeedsAttention,
  pair_health_digest: pairHealthDigest,
  forum_reply: forumReply,
};
