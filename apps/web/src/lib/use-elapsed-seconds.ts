import { useEffect, useState } from 'react';

/** Whole seconds since `active` turned true; 0 while inactive. For long requests, so a wait visibly moves. */
export function useElapsedSeconds(active: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const started = Date.now();
    setElapsed(0);
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return active ? elapsed : 0;
}
