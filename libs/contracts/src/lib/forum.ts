/**
 * The cohort forum: a question-and-answer space per program (contract, "The cohort forum").
 */

/** Tags a thread may carry: the preclinical courses and the program's own themes. Anything else is refused. */
export const FORUM_TAGS = [
  'anatomy',
  'physiology',
  'biochemistry',
  'histology',
  'embryology',
  'neuroscience',
  'pathology',
  'pharmacology',
  'microbiology',
  'immunology',
  'genetics',
  'exams',
  'study_skills',
  'wellbeing',
  'resources',
  'other',
] as const;
export type ForumTag = (typeof FORUM_TAGS)[number];

export const FORUM_TITLE_MAX = 200;
export const FORUM_BODY_MAX = 10_000;
export const FORUM_REPLY_MAX = 5_000;
export const FORUM_REPORT_REASON_MAX = 500;
export const FORUM_MAX_TAGS = 5;
/** Threads and replies one person may post in a minute; past it 429 with Retry-After. */
export const FORUM_POSTS_PER_MINUTE = 10;
export const FORUM_PAGE_DEFAULT = 20;
export const FORUM_PAGE_MAX = 100;

/** Who wrote a post, with their place in the program (not their account role): mentors and coordinators are marked. */
export interface ForumAuthor {
  id: string;
  fullName: string;
  role: 'mentee' | 'mentor' | 'coordinator';
}

export interface ForumThread {
  id: string;
  programId: string;
  title: string;
  body: string;
  tags: ForumTag[];
  /** Null for an anonymous thread shown to a student, its author included; coordinators see the author. */
  author: ForumAuthor | null;
  anonymous: boolean;
  createdAt: string;
  replyCount: number;
  acceptedReplyId: string | null;
  pinned: boolean;
  /** Set for coordinators only, on a hidden thread (students never see hidden posts). */
  hiddenAt?: string | null;
  /** The caller may mark an answer: the thread's author or a coordinator. */
  canAccept: boolean;
  /** The caller wrote it (told to the author alone, so an anonymous author knows their own thread). */
  mine: boolean;
}

export interface ForumReply {
  id: string;
  threadId: string;
  body: string;
  author: ForumAuthor;
  createdAt: string;
  hiddenAt?: string | null;
}

export interface ForumThreadDetail extends ForumThread {
  /** Oldest first (the dashboard shows the accepted answer, `acceptedReplyId`, at the top). */
  replies: ForumReply[];
}

export interface CreateForumThreadRequest {
  title: string;
  body: string;
  anonymous?: boolean;
  tags?: ForumTag[];
}

export interface CreateForumReplyRequest {
  body: string;
}

export interface AcceptForumReplyRequest {
  replyId: string;
}

export interface PinForumThreadRequest {
  pinned: boolean;
}

export interface ReportForumPostRequest {
  reason: string;
}

export interface ForumReport {
  id: string;
  postId: string;
  threadId: string;
  postKind: 'thread' | 'reply';
  /** The reported text, so a coordinator can judge it without opening the thread. */
  excerpt: string;
  reason: string;
  reporter: { id: string; fullName: string };
  createdAt: string;
  postHiddenAt: string | null;
}

export interface ForumPostEvent {
  threadId: string;
  replyId?: string;
}
