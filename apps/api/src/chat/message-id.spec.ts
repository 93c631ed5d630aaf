import fc from 'fast-check';
import { MAX_SEQ, messageIdSql, seqOfMessageId } from './message-id';

/** The layout messageIdSql builds in SQL, rebuilt here to state its properties: seq in the first 48 bits, version 8. */
const idOf = (seq: number, tail: string): string => {
  const hex = seq.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8)}-8${tail.slice(0, 3)}-${'89ab'[Number.parseInt(tail[3] ?? '0', 16) % 4]}${tail.slice(4, 7)}-${tail.slice(7, 19)}`;
};
const tail = fc.stringMatching(/^[0-9a-f]{19}$/);
const seq = fc.integer({ min: 1, max: MAX_SEQ });

describe('message ids', () => {
  it('carry their sequence number', () => {
    expect(seqOfMessageId('00000000-0001-88c5-9b1a-e1282a01b0a2')).toBe(1);
    expect(seqOfMessageId('00000000-00ff-84bc-9268-a3ebfb31d395')).toBe(255);
    expect(seqOfMessageId('00000001-0000-8458-ad0a-95ac6674ce57')).toBe(65536);
    expect(seqOfMessageId('FFFFFFFF-FFFF-8470-8C1D-F5C0C06CFE19')).toBe(MAX_SEQ);
  });

  it('are not any other UUID, nor seq 0', () => {
    expect(seqOfMessageId('6f1c1d5e-0000-4000-8000-000000000000')).toBeUndefined();
    expect(seqOfMessageId('00000000-0000-8000-8000-000000000000')).toBeUndefined();
    expect(seqOfMessageId('00000000-0001-8000-c000-000000000000')).toBeUndefined();
    expect(seqOfMessageId('not an id')).toBeUndefined();
    expect(seqOfMessageId('')).toBeUndefined();
  });

  it('round-trip any seq, whatever the random tail', () => {
    fc.assert(fc.property(seq, tail, (s, t) => seqOfMessageId(idOf(s, t)) === s));
  });

  it('sort as strings exactly as their sequence numbers', () => {
    fc.assert(
      fc.property(seq, seq, tail, tail, (a, b, ta, tb) => {
        fc.pre(a !== b);
        return idOf(a, ta) < idOf(b, tb) === a < b;
      }),
    );
  });

  it('are computed in SQL from the seq expression given', () => {
    const sql = messageIdSql('bump.last_seq');
    expect(sql).toContain('to_hex(bump.last_seq)');
    expect(sql).toContain('gen_random_uuid()');
    expect(sql.endsWith('::uuid')).toBe(true);
  });
});
