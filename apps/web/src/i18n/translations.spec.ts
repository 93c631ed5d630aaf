import { describe, expect, it } from 'vitest';
import en from './en.json';
import fa from './fa.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → value. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1] ?? '').sort();

const english = flatten(en);
const persian = flatten(fa);

// Values that are the same in every language: the English endonym, punctuation and pure formats.
const LANGUAGE_NEUTRAL = new Set(['language.en', 'common.number', 'common.none', 'programs.enrol.studentOptionNoYear', 'fieldErrors.line']);
const PERSIAN_SCRIPT = /[\u0600-\u06FF]/;

describe('translations', () => {
  it('has resources for both languages', () => {
    expect(english.size).toBeGreaterThan(50);
    expect(english.get('auth.signIn.submit')).toBe('Sign in');
  });

  it('every English key exists in Persian', () => {
    const missing = [...english.keys()].filter((key) => !persian.has(key));
    expect(missing).toEqual([]);
  });

  it('every Persian key exists in English', () => {
    const extra = [...persian.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
  });

  it('no value is empty', () => {
    const empty = [...english, ...persian].filter(([, value]) => value.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('Persian values are written in Persian, not copied from English', () => {
    const untranslated = [...persian].filter(([key, value]) => !LANGUAGE_NEUTRAL.has(key) && !PERSIAN_SCRIPT.test(value)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('both languages interpolate the same variables for each key', () => {
    const mismatched = [...english]
      .filter(([key, value]) => JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(persian.get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
