import { DomainError, ErrorCode } from '@api/common/domain-error';

// A thread or post the caller may not see answers exactly like one that does not exist.
export const threadNotFound = (): DomainError => new DomainError(ErrorCode.ForumThreadNotFound, 'Thread not found');
export const postNotFound = (): DomainError => new DomainError(ErrorCode.ForumPostNotFound, 'Post not found');
export const replyNotInThread = (): DomainError => new DomainError(ErrorCode.ForumReplyNotInThread, 'replyId must be a visible reply of this thread');
export const notThreadAuthor = (): DomainError =>
  new DomainError(ErrorCode.ForumNotThreadAuthor, "Only the thread's author or a coordinator marks the answer");
export const threadHidden = (): DomainError => new DomainError(ErrorCode.ForumThreadHidden, 'This thread is hidden: restore it before replying');
export const alreadyReported = (): DomainError => new DomainError(ErrorCode.ForumAlreadyReported, 'You have already reported this post');
export const postingTooFast = (perMinute: number, retryAfterSeconds: number): DomainError =>
  new DomainError(ErrorCode.ForumPostingTooFast, `At most ${perMinute} posts a minute; try again shortly`, retryAfterSeconds);
