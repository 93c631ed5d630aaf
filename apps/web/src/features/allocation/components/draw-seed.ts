/** A seed drawn in the browser: 64 random bits as 16 hex digits, short enough to read aloud and type again. */
export function drawSeed(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}
