import type { ForumReply, ForumThread } from '@pm/contracts';
import type { ReplyRow, ThreadRow } from './forum.store';

/** Who is reading: their id, and whether they coordinate the program (who sees authors and hidden posts). */
export interface ForumViewer {
  id: string;
  coordinator: boolean;
}

/**
 * The one place a thread becomes a response. An anonymous thread's author is left out for every student, its
 * author included (the author learns the thread is theirs from `mine` alone, which no one else is told), so no
 * student-facing answer carries the author's id.
 */
export function toThread(row: ThreadRow, viewer: ForumViewer): ForumThread {
  const mine = row.author_id === viewer.id;
  const showAuthor = !row.anonymous || viewer.coordinator;
  const acceptedVisible = row.accepted_reply_id !== null && (viewer.coordinator || row.accepted_hidden === false);
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    body: row.body,
    tags: row.tags,
    author: showAuthor ? { id: row.author_id, fullName: row.author_name, role: row.author_role } : null,
    anonymous: row.anonymous,
    createdAt: row.created_at.toISOString(),
    replyCount: row.reply_count,
    acceptedReplyId: acceptedVisible ? row.accepted_reply_id : null,
    pinned: row.pinned,
    ...(viewer.coordinator ? { hiddenAt: row.hidden_at?.toISOString() ?? null } : {}),
    canAccept: mine || viewer.coordinator,
    mine,
  };
}

export function toReply(row: ReplyRow, viewer: ForumViewer): ForumReply {
  return {
    id: row.id,
    threadId: row.thread_id,
    body: row.body,
    author: { id: row.author_id, fullName: row.author_name, role: row.author_role },
    createdAt: row.created_at.toISOString(),
    ...(viewer.coordinator ? { hiddenAt: row.hidden_at?.toISOString() ?? null } : {}),
  };
}
