import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { MAX_INPUT_DEPTH, nestingDepth, textProblems, tooDeepMessage } from '@api/common/validation';
import { invalidPayload } from './chat.errors';

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
  const instance = plainToInstance(cls, payload, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw invalidPayload(problems(errors));
  return instance;
}
