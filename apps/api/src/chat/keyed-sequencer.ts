/**
 * Runs tasks one at a time per key, in the order they were submitted; different keys run concurrently.
 *
 * The chat uses it per conversation around "store, then broadcast": PostgreSQL already serialises the writers
 * of one conversation (the row lock on its counter), but two promises resolving on this instance could still
 * broadcast seq n+1 before seq n. Chaining them here makes every instance emit its own messages of a
 * conversation in storage order, at no cost in throughput, since the database would make them wait anyway.
 */
export class KeyedSequencer {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // Forget the key once nothing is queued behind this task, so the map holds only busy conversations.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
