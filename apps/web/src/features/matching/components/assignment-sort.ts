import type { MatchingAssignment } from '@pm/contracts';

export type AssignmentSortKey = 'mentee' | 'mentor' | 'score';
export type SortDirection = 'ascending' | 'descending';

export interface AssignmentSort {
  key: AssignmentSortKey;
  direction: SortDirection;
}

/** Best matches first is what a coordinator checks first. */
export const DEFAULT_ASSIGNMENT_SORT: AssignmentSort = { key: 'score', direction: 'descending' };

/**
 * Clicking the sorted column flips it; clicking another starts where people expect: names A→Z, scores high→low.
 */
export function nextSort(current: AssignmentSort, key: AssignmentSortKey): AssignmentSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'score' ? 'descending' : 'ascending' };
}

/**
 * A sorted copy. Names compare with the reader's collator, so Persian names sort in Persian order; ties fall
 * back to the mentee's name and id, so equal scores never reshuffle between renders.
 */
export function sortAssignments(assignments: readonly MatchingAssignment[], sort: AssignmentSort, collator: Intl.Collator): MatchingAssignment[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const primary = (a: MatchingAssignment, b: MatchingAssignment): number => {
    switch (sort.key) {
      case 'mentee':
        return collator.compare(a.menteeName, b.menteeName);
      case 'mentor':
        return collator.compare(a.mentorName, b.mentorName);
      case 'score':
        return a.score - b.score;
    }
  };
  return [...assignments].sort(
    (a, b) => sign * primary(a, b) || collator.compare(a.menteeName, b.menteeName) || (a.menteeId < b.menteeId ? -1 : a.menteeId > b.menteeId ? 1 : 0),
  );
}
