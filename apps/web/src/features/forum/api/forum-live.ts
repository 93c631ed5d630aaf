import type { ForumPostEvent } from '@pm/contracts';
import { appConnection } from '@web/features/chat/api/app-connection';

type Listener = (event: ForumPostEvent) => void;

const listeners = new Set<Listener>();
let detach: (() => void) | null = null;

/**
 * `forum:post` arrives on the same `/chat` namespace as the chat, so it comes over the app's shared connection,
 * held while a forum page listens (from the first subscriber to the last). The connection renews a refused
 * handshake's token and reconnects by itself.
 */
export function subscribeToForumPosts(listener: Listener): () => void {
  listeners.add(listener);
  if (!detach) {
    const connection = appConnection();
    const off = connection.on('forum:post', (event) => {
      for (const l of [...listeners]) l(event);
    });
    const release = connection.retain();
    detach = () => {
      off();
      release();
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && detach) {
      detach();
      detach = null;
    }
  };
}
