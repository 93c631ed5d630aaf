import { describe, expect, it } from 'vitest';
import type { MatchingAssignment } from '@pm/contracts';
import { DEFAULT_ASSIGNMENT_SORT, nextSort, sortAssignments } from './assignment-sort';

const pair = (menteeId: string, menteeName: string, mentorName: string, score: number): MatchingAssignment => ({
  menteeId,
  mentorId: `mentor-of-${menteeId}`,
  menteeName,
  mentorName,
  score,
  reasons: [],
  reasonDetails: [],
});

const assignments = [pair('m1', 'Zahra Karimi', 'Ali Rahimi', 9), pair('m2', 'Arash Novak', 'Sara Ahmadi', 14), pair('m3', 'Leila Haddad', 'Omid Jafari', 9)];
const english = new Intl.Collator('en');
const names = (list: MatchingAssignment[]): string[] => list.map((a) => a.menteeName);

describe('sortAssignments', () => {
  it('given the default sort, then the best score comes first and equal scores fall back to the mentee name', () => {
    expect(names(sortAssignments(assignments, DEFAULT_ASSIGNMENT_SORT, english))).toEqual(['Arash Novak', 'Leila Haddad', 'Zahra Karimi']);
  });

  it('given ascending score, then equal scores still keep the mentee-name order rather than reversing it', () => {
    expect(names(sortAssignments(assignments, { key: 'score', direction: 'ascending' }, english))).toEqual(['Leila Haddad', 'Zahra Karimi', 'Arash Novak']);
  });

  it('sorts by mentor name in both directions', () => {
    const ascending = sortAssignments(assignments, { key: 'mentor', direction: 'ascending' }, english).map((a) => a.mentorName);
    expect(ascending).toEqual(['Ali Rahimi', 'Omid Jafari', 'Sara Ahmadi']);
    const descending = sortAssignments(assignments, { key: 'mentor', direction: 'descending' }, english).map((a) => a.mentorName);
    expect(descending).toEqual(['Sara Ahmadi', 'Omid Jafari', 'Ali Rahimi']);
  });

  it('uses the collator, so Persian names sort in Persian alphabetical order', () => {
    const persian = [pair('a', 'یاسمن', 'x', 1), pair('b', 'آرش', 'x', 1), pair('c', 'پریا', 'x', 1), pair('d', 'بهرام', 'x', 1)];
    expect(names(sortAssignments(persian, { key: 'mentee', direction: 'ascending' }, new Intl.Collator('fa')))).toEqual(['آرش', 'بهرام', 'پریا', 'یاسمن']);
  });

  it('does not change the list it was given', () => {
    const copy = [...assignments];
    sortAssignments(assignments, { key: 'mentee', direction: 'descending' }, english);
    expect(assignments).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction of the column already sorted', () => {
    expect(nextSort({ key: 'mentee', direction: 'ascending' }, 'mentee')).toEqual({ key: 'mentee', direction: 'descending' });
    expect(nextSort({ key: 'score', direction: 'descending' }, 'score')).toEqual({ key: 'score', direction: 'ascending' });
  });

  it('starts names A to Z and scores high to low', () => {
    expect(nextSort(DEFAULT_ASSIGNMENT_SORT, 'mentor')).toEqual({ key: 'mentor', direction: 'ascending' });
    expect(nextSort({ key: 'mentee', direction: 'descending' }, 'score')).toEqual({ key: 'score', direction: 'descending' });
  });
});
