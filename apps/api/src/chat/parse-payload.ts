import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { MAX_INPUT_DEPTH, nestingDepth, textProblems, tooDeepMessage } from '@api/common/validation';
import { invalidPayload } from './chat.errors';

/** A DTO class's own check that its decorators would accept a payload (see SendMessageDto). */
interface SurelyValid {
  surelyValid(payload: object): boolean;
}

function problems(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    return [...Object.values(e.constraints ?? {}), ...problems(e.children ?? [], path)];
  });
}

/**
 * Validation at the door for socket events, with the rules the HTTP ValidationPipe applies (unknown fields
 * refused, nothing coerced). A socket payload can be anything a client sends, so a bad one becomes a
 * DomainError that the event runner turns into an error ack, never an exception that reaches socket.io.
 */
export function parsePayload<T extends object>(cls: ClassConstructor<T>, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw invalidPayload(['the payload must be an object']);
  }
  // class-transformer recurses: a payload thousands of arrays deep would overflow the stack (an INTERNAL ack).
  if (nestingDepth(payload) > MAX_INPUT_DEPTH) throw invalidPayload([tooDeepMessage]);
  // The same text rules as HTTP bodies: nothing PostgreSQL would refuse or store differently from what was sent.
  const text = textProblems(payload);
  if (text.length > 0) throw invalidPayload(text);
  // A DTO may vouch for a payload its decorators surely accept (the hot events): the instance is then built here,
  // as plainToInstance would for a flat payload, without class-validator's per-call metadata lookups.
  if ((cls as Partial<SurelyValid>).surelyValid?.(payload) === true) return Object.assign(new cls(), payload);
  return validated(cls, payload);
}

/** The payload through class-transformer and class-validator, the HTTP pipe's options; exported for the spec of surelyValid. */
export function validated<T extends object>(cls: ClassConstructor<T>, payload: object): T {
  const instance = plainToInstance(cls, payload, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw invalidPayload(problems(errors));
  return instance;
}
