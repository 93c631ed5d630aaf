/**
 * Notifications: what the platform tells people outside the page (CONTRACT.md, "Reaching people outside the
 * page"). One stored notification per recipient and event; `title` and `body` are written in the recipient's
 * language when read, from the kind's template and the event's parameters.
 */
export const NotificationKind = {
  SessionBooked: 'session_booked',
  SessionChanged: 'session_changed',
  SessionCancelled: 'session_cancelled',
  SessionReminder: 'session_reminder',
  MatchMade: 'match_made',
  MessageUnread: 'message_unread',
  Invitation: 'invitation',
  Referral: 'referral',
  PairNeedsAttention: 'pair_needs_attention',
  /** Monday's summary of the pair-health board to each coordinator (issue 14). */
  PairHealthDigest: 'pair_health_digest',
  /** A reply in a forum thread the person asked or answered in (once per thread until they open it). */
  ForumReply: 'forum_reply',
} as const;
export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

export const NOTIFICATION_LANGUAGES = ['en', 'fa'] as const;
export type NotificationLanguage = (typeof NOTIFICATION_LANGUAGES)[number];

export const DEFAULT_NOTIFICATION_LIMIT = 50;
export const MAX_NOTIFICATION_LIMIT = 200;

export interface Notification {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the dashboard (`/sessions/…`, `/chat/…`, `/programs/…`). */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationsQuery {
  limit?: number;
  /** The id of the oldest notification already shown: the page just before it. */
  before?: string;
}

export type MarkNotificationsReadRequest = { ids: string[] } | { all: true };

export interface UnreadNotificationsResponse {
  /** How many of the caller's notifications are still unread. */
  unread: number;
}

export interface NotificationSettings {
  email: boolean;
  language: NotificationLanguage;
}

/** Delivery of one notification's mail, as admins see it. */
export const MailStatus = {
  None: 'none',
  Queued: 'queued',
  Sent: 'sent',
  Failed: 'failed',
} as const;
export type MailStatus = (typeof MailStatus)[keyof typeof MailStatus];

export interface FailedMail {
  notificationId: string;
  recipientId: string;
  recipientEmail: string;
  kind: NotificationKind;
  attempts: number;
  error: string | null;
  createdAt: string;
}
