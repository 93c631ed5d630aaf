import { useEffect, useState, type RefObject } from 'react';
import { compareMessageIds } from '@web/features/chat/api/message-log';

/**
 * The id of the newest stored message actually on screen in a scrolling thread: elements marked with
 * `data-message-id` that are at least half visible. Where IntersectionObserver is missing, the newest message.
 * `revision` changes whenever the rendered messages do.
 */
export function useNewestVisible(container: RefObject<HTMLElement | null>, revision: string, newestId: string | undefined): string | undefined {
  const [newest, setNewest] = useState<string | undefined>(undefined);

  useEffect(() => {
    const root = container.current;
    if (!root) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNewest(newestId);
      return;
    }
    const visible = new Set<string>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset['messageId'];
          if (!id) continue;
          if (entry.isIntersecting) visible.add(id);
          else visible.delete(id);
        }
        setNewest([...visible].sort(compareMessageIds).at(-1));
      },
      { root, threshold: 0.5 },
    );
    root.querySelectorAll('[data-message-id]').forEach((element) => observer.observe(element));
    return () => observer.disconnect();
  }, [container, revision, newestId]);

  return newest;
}
