import { registerDecorator, type ValidationOptions } from 'class-validator';

// An offset is required: "2027-03-29T10:00" alone would be read in the server's zone, which nobody meant.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_WITH_OFFSET.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second = '0', offH = '0', offM = '0'] = m.slice(1).map((x) => x ?? '0');
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Date.parse rolls 2027-02-30 over to March; a calendar day that does not exist is a typo, not a date.
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return false;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59 || Number(offH) > 18 || Number(offM) > 59) return false;
  return Number.isFinite(Date.parse(value));
}

/** ISO 8601 date and time with an offset ("Z" or "+02:00"). */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be an ISO 8601 date and time with an offset, e.g. 2027-03-29T10:00:00+02:00`, ...options },
      validator: { validate: (value: unknown) => isIsoInstant(value) },
    });
}
