import { Injectable } from '@nestjs/common';
import type { Actor } from '@api/common/access.decorators';
import { isUuid } from '@api/common/uuid';
import { ProgramAccess } from '@api/programs/program-access.service';
import { threadNotFound } from './forum.errors';
import type { ForumViewer } from './forum.mapper';
import { ForumStore, type ThreadRow } from './forum.store';

/**
 * The access checks every forum use case starts with. A program's forum is for its enrolled students and its
 * coordinators; anyone else (an admin included, unless they coordinate it) gets the same 404 as for a program
 * or thread that does not exist. Hidden threads do not exist for students.
 */
@Injectable()
export class ForumAccess {
  constructor(
    private readonly programs: ProgramAccess,
    private readonly store: ForumStore,
  ) {}

  /** The caller as a member of the program's forum, or undefined when they are not one. */
  async viewerIn(actor: Actor, programId: string): Promise<ForumViewer | undefined> {
    const relations = await this.programs.relationsOf(actor, programId);
    if (!relations || relations.length === 0) return undefined;
    return { id: actor.id, coordinator: relations.includes('coordinator') };
  }

  /** The thread and the caller's view of it; 404 for a thread that is not theirs to read. */
  async thread(actor: Actor, threadId: string): Promise<{ thread: ThreadRow; viewer: ForumViewer }> {
    if (!isUuid(threadId)) throw threadNotFound();
    const located = await this.store.locatePost(threadId);
    if (located?.kind !== 'thread') throw threadNotFound();
    const viewer = await this.viewerIn(actor, located.programId);
    if (!viewer || (located.hidden && !viewer.coordinator)) throw threadNotFound();
    const thread = await this.store.thread(threadId, viewer.coordinator);
    if (!thread) throw threadNotFound();
    return { thread, viewer };
  }
}
