/**
 * Message ids are UUIDs (the contract's rule for every id) that sort in storage order within a conversation:
 * the first 48 bits hold the message's per-conversation sequence number, the version nibble is 8 (RFC 9562's
 * custom layout) and the remaining 74 bits are random, so ids of different conversations never collide.
 * Compared as strings (lower-case hex) or as PostgreSQL `uuid`s, two ids of one conversation order exactly as
 * their sequence numbers, and a cursor (`afterMessageId`, `before`) is turned back into a seq without a lookup,
 * which keeps working even if the message it names was erased.
 */
const MESSAGE_ID = /^([0-9a-f]{8})-([0-9a-f]{4})-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** 2^48 - 1: the largest seq the id can carry, far beyond any conversation (and below 2^53, so a JS number). */
export const MAX_SEQ = 0xffff_ffff_ffff;

/** The sequence number a message id carries, or undefined when the string is not one of our message ids. */
export function seqOfMessageId(id: string): number | undefined {
  const match = MESSAGE_ID.exec(id);
  if (!match) return undefined;
  const seq = Number.parseInt(`${match[1]}${match[2]}`, 16);
  return seq >= 1 ? seq : undefined;
}

/**
 * SQL computing the id of the message with sequence number `seqSql` (a bigint expression), evaluated inside the
 * statement that takes the seq, so the id exists only once the seq is fixed. gen_random_uuid() supplies the
 * random tail and the RFC 4122 variant bits; the seq and the version nibble overwrite its first 15 characters.
 */
export function messageIdSql(seqSql: string): string {
  const hex = `lpad(to_hex(${seqSql}), 12, '0')`;
  return `overlay(gen_random_uuid()::text placing (substr(${hex}, 1, 8) || '-' || substr(${hex}, 9, 4) || '-8') from 1 for 15)::uuid`;
}
