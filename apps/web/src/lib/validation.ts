/**
 * Deliberately loose: the API has the final word on what an email is; this only catches obvious typos
 * before a round trip.
 */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "a, b ,, c" → ["a", "b", "c"]: how free-text lists are typed into the profile form. Accepts the Persian comma too. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,،]/).map((item) => item.trim()).filter((item) => item.length > 0))];
}
