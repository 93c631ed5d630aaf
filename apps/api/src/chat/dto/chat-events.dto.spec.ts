import fc from 'fast-check';
import { MAX_CLIENT_MESSAGE_ID_LENGTH } from '@pm/contracts';
import { DomainError } from '@api/common/domain-error';
import { parsePayload, validated } from '../parse-payload';
import { SendMessageDto } from './chat-events.dto';

const id = '6f1c1d5e-1234-4000-8000-000000000000';

/** What class-validator's whole way makes of a payload: the instance, or its refusal's message. */
const fully = (payload: object): SendMessageDto | string => {
  try {
    return validated(SendMessageDto, payload);
  } catch (e) {
    if (e instanceof DomainError) return e.message;
    throw e;
  }
};

describe('SendMessageDto.surelyValid, the hot event’s shortcut past class-validator', () => {
  it('vouches for an ordinary message, and parsePayload then answers what the whole way answers', () => {
    const payload = { conversationId: id, body: 'سلام، جلسه فردا ساعت ۱۰؟', clientMessageId: 'b6a1f0c2-3d4e-4f50-8a6b-7c8d9e0f1a2b' };
    expect(SendMessageDto.surelyValid(payload)).toBe(true);
    const quick = parsePayload(SendMessageDto, payload);
    expect(quick).toBeInstanceOf(SendMessageDto);
    expect(quick).toEqual(fully(payload));
  });

  it('vouches for nothing the decorators refuse (fast-check over near-miss payloads)', () => {
    const uuidLike = fc.oneof(
      { weight: 4, arbitrary: fc.uuid() },
      fc.uuid().map((u) => u.toUpperCase()),
      fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', `${id} `, id.replace('4000', '9000'), id.replace('8000', 'c000')),
      fc.string(),
      fc.integer(),
      fc.constant(null),
    );
    const anything = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }));
    const clientIds = fc.oneof(
      { weight: 4, arbitrary: fc.stringMatching(/^[\x21-\x7e]{1,130}$/) },
      fc.string({ unit: 'binary-ascii', maxLength: 140 }),
      fc.constantFrom('', 'a b', 'x'.repeat(MAX_CLIENT_MESSAGE_ID_LENGTH), 'x'.repeat(MAX_CLIENT_MESSAGE_ID_LENGTH + 1), 'é', '\u007f'),
      fc.integer(),
    );
    // All three fields, one of them sometimes left out, and now and then a field the DTO does not have.
    const payloads = fc
      .tuple(
        fc.record({ conversationId: uuidLike, body: anything, clientMessageId: clientIds }),
        fc.option(fc.constantFrom<keyof SendMessageDto>('conversationId', 'body', 'clientMessageId'), { freq: 3 }),
        fc.option(fc.record({ extra: anything, toString: anything, __proto__: anything }, { requiredKeys: [] }), { freq: 2 }),
      )
      .map(([fields, left, extras]) => {
        const payload: Record<string, unknown> = { ...fields, ...(extras ?? {}) };
        if (left) delete payload[left];
        return payload;
      });
    let vouched = 0;
    fc.assert(
      fc.property(payloads, (payload) => {
        if (!SendMessageDto.surelyValid(payload)) return;
        vouched++;
        // parsePayload's own checks (an object, its depth, text PostgreSQL would refuse) run before either way.
        expect(fully(payload)).toEqual(Object.assign(new SendMessageDto(), payload));
      }),
      { numRuns: 5_000 },
    );
    // Not vacuous: a fair share of the runs took the shortcut.
    expect(vouched).toBeGreaterThan(50);
  });

  it('never vouches for an object that is not plain, nor for a missing field', () => {
    const proto = Object.assign(Object.create({ body: 'inherited' }) as object, { conversationId: id, clientMessageId: 'c-1', x: 1 });
    expect(SendMessageDto.surelyValid(proto)).toBe(false);
    expect(SendMessageDto.surelyValid({ conversationId: id, clientMessageId: 'c-1', body: undefined })).toBe(false);
    expect(SendMessageDto.surelyValid(Object.assign(Object.create(null) as object, { conversationId: id, body: 'x', clientMessageId: 'c-1' }))).toBe(false);
  });
});
