import { EnrollmentRole, type EnrollmentResponse } from '@pm/contracts';

export type RoleFilter = 'all' | EnrollmentRole;
export type MatchFilter = 'all' | 'matched' | 'unmatched';
export type EnrollmentSortKey = 'name' | 'role' | 'year' | 'load';

export interface EnrollmentView {
  search: string;
  role: RoleFilter;
  matched: MatchFilter;
  sort: EnrollmentSortKey;
  direction: 'ascending' | 'descending';
}

export const DEFAULT_ENROLLMENT_VIEW: EnrollmentView = { search: '', role: 'all', matched: 'all', sort: 'name', direction: 'ascending' };

/** A mentee with a mentor, or a mentor with at least one mentee. */
export const isMatched = (enrollment: EnrollmentResponse): boolean => enrollment.activeMentorships > 0;

/** How full a mentor is, 0 to 1; mentees sort by whether they are matched. */
const loadOf = (enrollment: EnrollmentResponse): number =>
  enrollment.capacity === null || enrollment.capacity === 0 ? enrollment.activeMentorships : enrollment.activeMentorships / enrollment.capacity;

/**
 * The rows a coordinator asked for: search by name or email (case- and accent-insensitive in the page's
 * language), filter by side and by matched or not, then sort; ties fall back to the name, then the id, so the
 * order never jumps between renders.
 */
export function viewEnrollments(enrollments: readonly EnrollmentResponse[], view: EnrollmentView, collator: Intl.Collator): EnrollmentResponse[] {
  const needle = view.search.trim().toLocaleLowerCase();
  const rows = enrollments.filter(
    (enrollment) =>
      (view.role === 'all' || enrollment.role === view.role) &&
      (view.matched === 'all' || (view.matched === 'matched') === isMatched(enrollment)) &&
      (needle === '' || enrollment.fullName.toLocaleLowerCase().includes(needle) || enrollment.email.toLocaleLowerCase().includes(needle)),
  );
  const sign = view.direction === 'ascending' ? 1 : -1;
  const byName = (a: EnrollmentResponse, b: EnrollmentResponse): number => collator.compare(a.fullName, b.fullName) || a.id.localeCompare(b.id);
  const primary = (a: EnrollmentResponse, b: EnrollmentResponse): number => {
    switch (view.sort) {
      case 'name':
        return 0;
      case 'role':
        return a.role === b.role ? 0 : a.role === EnrollmentRole.Mentor ? -1 : 1;
      case 'year':
        // Unknown years last, whichever the direction.
        if (a.yearOfStudy === null || b.yearOfStudy === null) return 0;
        return a.yearOfStudy - b.yearOfStudy;
      case 'load':
        return loadOf(a) - loadOf(b);
    }
  };
  return [...rows].sort((a, b) => {
    if (view.sort === 'year' && (a.yearOfStudy === null) !== (b.yearOfStudy === null)) return a.yearOfStudy === null ? 1 : -1;
    return sign * (primary(a, b) || byName(a, b));
  });
}

/** Clicking the sorted column flips it; another column starts ascending. */
export function nextEnrollmentSort(view: EnrollmentView, key: EnrollmentSortKey): EnrollmentView {
  if (view.sort === key) return { ...view, direction: view.direction === 'ascending' ? 'descending' : 'ascending' };
  return { ...view, sort: key, direction: 'ascending' };
}
