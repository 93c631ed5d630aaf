import { Injectable, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '@api/database/database-errors';
import { chatRateLimited } from './chat.errors';
import { MessageStore, type AppendInput, type Appended } from './message.store';

/** The most messages one statement carries; the rest wait for the next batch. */
export const MAX_BATCH = 256;
/** Messages waiting for a batch on this instance; past this the database is not keeping up and sends are refused. */
const MAX_QUEUED = 8_192;

/**
 * Called once the message's batch has committed, before its promise resolves and before anything of a later
 * batch: the place to broadcast, so that broadcasts leave this instance in seq order per conversation.
 */
export type OnStored = (stored: Appended) => void;

interface Pending {
  input: AppendInput;
  onStored?: OnStored;
  resolve: (stored: Appended | undefined) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for chat messages. Each message stored on its own costs a transaction and a WAL flush, which
 * capped the chat near 1,000 messages a second on two cores (BENCHMARKS.md, "Chat"). Here, while one batch
 * statement is in flight, newly arriving messages queue; when it commits, the whole queue (up to MAX_BATCH)
 * goes out as ONE statement (MessageStore.appendBatch: one transaction, one commit). A lone message takes the
 * one-message statement. Each caller's promise resolves only after its batch has committed, so an ack still
 * means "stored".
 *
 * Order: one batch at a time per instance, and within a batch seqs follow arrival order per conversation, so
 * on this instance a conversation's messages are stored, and `onStored` is called, in the order `append` was
 * called. That is the chat's only ordering mechanism on an instance (see ChatService.send).
 *
 * Failure: a batch the database refuses (a resend racing another instance trips the unique index; a row the
 * table refuses) is stored again one message at a time with the one-message statement, so one bad message
 * never fails the others. A database that is unavailable fails the whole batch at once: each caller gets the
 * error (an UNAVAILABLE ack) and resends.
 */
@Injectable()
export class MessageAppender {
  private readonly logger = new Logger('Chat');
  private queue: Pending[] = [];
  private writing = false;
  private scheduled = false;

  constructor(private readonly store: MessageStore) {}

  append(input: AppendInput, onStored?: OnStored): Promise<Appended | undefined> {
    if (this.queue.length >= MAX_QUEUED) return Promise.reject(chatRateLimited(1000));
    return new Promise<Appended | undefined>((resolve, reject) => {
      this.queue.push({ input, onStored, resolve, reject });
      this.schedule();
    });
  }

  /**
   * The first message after a quiet spell waits for setImmediate, not for a timer: sends that arrived in the
   * same turn of the event loop (socket.io hands over several frames of one read at once) share its batch.
   */
  private schedule(): void {
    if (this.writing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    let committed: Array<Appended | undefined> | undefined;
    try {
      committed = await this.write(batch);
    } catch (e) {
      // write() settles every caller itself on failure; this is a bug guard, so no caller is left hanging.
      this.logger.error(`chat append batch failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      for (const p of batch) p.reject(e);
    }
    this.writing = false;
    // What arrived meanwhile goes now, as the next batch, and before this one is announced: the database works
    // on it while this instance writes the acks and broadcasts. This batch has committed, so the next one's
    // seqs come after its seqs; and the next one's results arrive in a later turn, after the loop below.
    if (this.queue.length > 0) void this.flush();
    if (committed) batch.forEach((p, i) => this.settle(p, committed[i]));
  }

  /**
   * Stores the batch. Returns the results to announce when it went out as one statement; undefined when it
   * had to be stored (and announced) one by one, or failed, and every caller has been settled already.
   */
  private async write(batch: Pending[]): Promise<Array<Appended | undefined> | undefined> {
    try {
      const [only] = batch;
      return batch.length === 1 && only ? [await this.store.append(only.input)] : await this.store.appendBatch(batch.map((p) => p.input));
    } catch (e) {
      if (batch.length === 1 || isDatabaseUnavailable(e)) {
        for (const p of batch) p.reject(e);
        return undefined;
      }
      await this.oneByOne(batch);
      return undefined;
    }
  }

  /** In arrival order, each stored (or refused) and announced before the next is tried. */
  private async oneByOne(batch: Pending[]): Promise<void> {
    for (const p of batch) {
      let stored: Appended | undefined;
      try {
        stored = await this.store.append(p.input);
      } catch (e) {
        p.reject(e);
        continue;
      }
      this.settle(p, stored);
    }
  }

  private settle(p: Pending, stored: Appended | undefined): void {
    if (stored && p.onStored) {
      try {
        p.onStored(stored);
      } catch (e) {
        // The message is stored: the ack still says so. A failed broadcast is covered by clients catching up.
        this.logger.error(`after storing a chat message: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }
    p.resolve(stored);
  }
}
