const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An id from a path is checked before it reaches PostgreSQL, which would reject a malformed uuid with an
 * error (a 500). Callers answer a malformed id exactly like an unknown one: 404.
 */
export const isUuid = (value: string): boolean => UUID.test(value);
