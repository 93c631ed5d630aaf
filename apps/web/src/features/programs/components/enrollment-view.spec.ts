import { describe, expect, it } from 'vitest';
import { EnrollmentRole, type EnrollmentResponse } from '@pm/contracts';
import { DEFAULT_ENROLLMENT_VIEW, nextEnrollmentSort, viewEnrollments } from './enrollment-view';

const person = (id: string, fullName: string, role: EnrollmentRole, o: Partial<EnrollmentResponse> = {}): EnrollmentResponse => ({
  id,
  programId: 'p',
  userId: `u-${id}`,
  role,
  capacity: role === EnrollmentRole.Mentor ? 2 : null,
  fullName,
  email: `${fullName.toLowerCase().replace(/\s/g, '.')}@school.example`,
  yearOfStudy: role === EnrollmentRole.Mentor ? 4 : 1,
  modalities: ['virtual'],
  activeMentorships: 0,
  createdAt: '2026-01-01T00:00:00Z',
  ...o,
});

const people = [
  person('1', 'Sara Ahmadi', EnrollmentRole.Mentee, { activeMentorships: 1 }),
  person('2', 'Ali Karimi', EnrollmentRole.Mentor, { activeMentorships: 2 }),
  person('3', 'Bita Rezaei', EnrollmentRole.Mentee, { yearOfStudy: null }),
  person('4', 'Reza Moradi', EnrollmentRole.Mentor, { capacity: 4, activeMentorships: 1 }),
];
const collator = new Intl.Collator('en');
const names = (rows: EnrollmentResponse[]): string[] => rows.map((r) => r.fullName);

describe('viewEnrollments', () => {
  it('given no filter, when viewed, then everyone is listed by name', () => {
    expect(names(viewEnrollments(people, DEFAULT_ENROLLMENT_VIEW, collator))).toEqual(['Ali Karimi', 'Bita Rezaei', 'Reza Moradi', 'Sara Ahmadi']);
  });

  it('given a search, when viewed, then it matches names and emails without regard to case', () => {
    expect(names(viewEnrollments(people, { ...DEFAULT_ENROLLMENT_VIEW, search: 'REZA' }, collator))).toEqual(['Bita Rezaei', 'Reza Moradi']);
    expect(names(viewEnrollments(people, { ...DEFAULT_ENROLLMENT_VIEW, search: 'ali.karimi@' }, collator))).toEqual(['Ali Karimi']);
  });

  it('given side and matched filters, when viewed, then only those rows remain', () => {
    expect(names(viewEnrollments(people, { ...DEFAULT_ENROLLMENT_VIEW, role: EnrollmentRole.Mentee, matched: 'unmatched' }, collator))).toEqual(['Bita Rezaei']);
    expect(names(viewEnrollments(people, { ...DEFAULT_ENROLLMENT_VIEW, matched: 'matched' }, collator))).toEqual(['Ali Karimi', 'Reza Moradi', 'Sara Ahmadi']);
  });

  it('given a sort by load, when flipped, then the fullest mentor comes first', () => {
    const mentors = { ...DEFAULT_ENROLLMENT_VIEW, role: EnrollmentRole.Mentor };
    const byLoad = nextEnrollmentSort(mentors, 'load');
    expect(names(viewEnrollments(people, byLoad, collator))).toEqual(['Reza Moradi', 'Ali Karimi']);
    expect(names(viewEnrollments(people, nextEnrollmentSort(byLoad, 'load'), collator))).toEqual(['Ali Karimi', 'Reza Moradi']);
  });

  it('given a sort by year, then unknown years stay last in both directions', () => {
    const byYear = nextEnrollmentSort(DEFAULT_ENROLLMENT_VIEW, 'year');
    expect(names(viewEnrollments(people, byYear, collator)).at(-1)).toBe('Bita Rezaei');
    expect(names(viewEnrollments(people, nextEnrollmentSort(byYear, 'year'), collator)).at(-1)).toBe('Bita Rezaei');
  });
});
