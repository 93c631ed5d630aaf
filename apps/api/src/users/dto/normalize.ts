import { Transform } from 'class-transformer';

/** Emails compare case-insensitively everywhere; they are stored lower-cased. */
export const NormalizeEmail = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

export const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims each entry, drops empty ones and duplicates, keeping order. */
export const CleanList = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...new Set(value.map((v: string) => v.trim()).filter((v) => v.length > 0))] : value,
  );
