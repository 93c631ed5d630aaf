import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingAssignment } from '@pm/contracts';
import { TableScroll } from '@web/components/table-scroll';
import { useLanguage } from '@web/lib/use-language';
import { useNumberFormat } from '@web/lib/use-number-format';
import { DEFAULT_ASSIGNMENT_SORT, nextSort, sortAssignments, type AssignmentSort, type AssignmentSortKey } from './assignment-sort';
import { describeReason, reasonPoints } from './match-reasons';

/** Large programs preview thousands of pairs; rendering them all at once would freeze the page for seconds. */
const PAGE_SIZE = 50;

function SortableHeader({ sortKey, label, sort, onSort }: { sortKey: AssignmentSortKey; label: string; sort: AssignmentSort; onSort: (key: AssignmentSortKey) => void }) {
  const active = sort.key === sortKey;
  const icon = !active ? '↕' : sort.direction === 'ascending' ? '↑' : '↓';
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} data-testid={`sort-${sortKey}`}>
        {label}
        <span className="sort-button__icon" aria-hidden="true">
          {icon}
        </span>
      </button>
    </th>
  );
}

export function AssignmentTable({ assignments }: { assignments: readonly MatchingAssignment[] }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useNumberFormat();
  const [sort, setSort] = useState<AssignmentSort>(DEFAULT_ASSIGNMENT_SORT);
  const [shown, setShown] = useState(PAGE_SIZE);
  const collator = useMemo(() => new Intl.Collator(language), [language]);
  const sorted = useMemo(() => sortAssignments(assignments, sort, collator), [assignments, sort, collator]);

  if (assignments.length === 0) {
    return (
      <section aria-labelledby="assignments-heading">
        <h3 id="assignments-heading" className="subsection-title">
          {t('matching.assignments.heading')}
        </h3>
        <p className="muted">{t('matching.assignments.empty')}</p>
      </section>
    );
  }

  const visible = sorted.slice(0, shown);
  const remaining = sorted.length - visible.length;

  return (
    <section aria-labelledby="assignments-heading">
      <h3 id="assignments-heading" className="subsection-title">
        {t('matching.assignments.heading')}
      </h3>
      <p className="field__hint">{t('matching.assignments.sortHint')}</p>
      <TableScroll labelledBy="assignments-heading">
        <table className="table" aria-labelledby="assignments-heading" data-testid="preview-table">
          <thead>
            <tr>
              <SortableHeader sortKey="mentee" label={t('matching.assignments.mentee')} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
              <SortableHeader sortKey="mentor" label={t('matching.assignments.mentor')} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
              <SortableHeader sortKey="score" label={t('matching.assignments.score')} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
              <th scope="col">{t('matching.assignments.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((assignment) => (
              <tr key={assignment.menteeId} data-testid="preview-row">
                <th scope="row">{assignment.menteeName}</th>
                <td>{assignment.mentorName}</td>
                <td className="numeric">{t('common.number', { value: assignment.score })}</td>
                <td>
                  {assignment.reasonDetails.length === 0 ? (
                    t('common.none')
                  ) : (
                    <ul className="reason-list">
                      {assignment.reasonDetails.map((detail, index) => {
                        const points = reasonPoints(detail);
                        return (
                          <li key={`${detail.code}-${index}`}>
                            {describeReason(detail, t)}
                            {points === null ? null : <span className="muted"> {t('matching.reasons.points', { count: points, value: format.decimal(points, { digits: 0, signed: true }) ?? '' })}</span>}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {remaining > 0 ? (
        <div className="table-more">
          <p className="muted">{t('matching.assignments.showing', { shown: format.integer(visible.length), total: format.integer(sorted.length) })}</p>
          <button type="button" className="button button--secondary" onClick={() => setShown((count) => count + PAGE_SIZE)}>
            {t('matching.assignments.showMore', { count: Math.min(PAGE_SIZE, remaining) })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
