/**
 * localStorage that never throws: it is missing or refuses writes in some private-browsing modes and
 * sandboxed frames, and the app must still work there, only without remembering anything.
 */
const backing = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};

export function readStored(key: string): string | null {
  try {
    return backing()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) backing()?.removeItem(key);
    else backing()?.setItem(key, value);
  } catch {
    // Storage full or refused: the session still works for this page's lifetime.
  }
}
