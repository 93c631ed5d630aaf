import { useTranslation } from 'react-i18next';
import type { OutcomesResponse, OutcomeWindow } from '@pm/contracts';
import { TableScroll } from '@web/components/table-scroll';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

/**
 * Fewer results after matching than this, per mentored student, and the "after" mean rests on very little:
 * the page says so rather than letting a mean of a handful of results pass for an effect.
 */
const FEW_POST_RESULTS_PER_STUDENT = 1;

/** Which dates count as before and after for each group, and what the window leaves out (CONTRACT.md, "Academic outcomes"). */
export function ExposureWindowPanel({ outcomes }: { outcomes: Pick<OutcomesResponse, 'windows' | 'records' | 'startsOn'> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const format = useNumberFormat();
  const { mentored, comparison } = outcomes.windows;

  const afterFrom = (window: OutcomeWindow): string => {
    const { earliest, latest } = window.postFrom;
    if (!earliest || !latest) return t('outcomesWindow.noStudents');
    if (earliest === latest) return t('outcomesWindow.fromDay', { day: formatDate(earliest, 'long') });
    return t('outcomesWindow.fromRange', { earliest: formatDate(earliest, 'long'), latest: formatDate(latest, 'long') });
  };
  const few = mentored.students > 0 && mentored.postRecords < FEW_POST_RESULTS_PER_STUDENT * mentored.students;

  return (
    <section aria-labelledby="window-heading" className="stack" data-testid="exposure-window">
      <h3 id="window-heading" className="subsection-title">
        {t('outcomesWindow.heading')}
      </h3>
      <p className="muted">{t('outcomesWindow.explain', { startsOn: formatDate(outcomes.startsOn, 'long'), records: format.integer(outcomes.records), count: outcomes.records })}</p>
      <TableScroll labelledBy="window-heading">
        <table className="table" aria-labelledby="window-heading">
          <thead>
            <tr>
              <th scope="col">{t('outcomesWindow.group')}</th>
              <th scope="col">{t('outcomesWindow.before')}</th>
              <th scope="col">{t('outcomesWindow.after')}</th>
              <th scope="col">{t('outcomesWindow.afterResults')}</th>
              <th scope="col">{t('outcomesWindow.inNeither')}</th>
            </tr>
          </thead>
          <tbody>
            {(
              [
                ['mentored', mentored],
                ['comparison', comparison],
              ] as const
            ).map(([group, window]) => (
              <tr key={group} data-testid={`window-${group}`}>
                <th scope="row">{t(`outcomes.group.${group}`)}</th>
                <td>{t('outcomesWindow.beforeDay', { day: formatDate(window.preBefore, 'long') })}</td>
                <td>{afterFrom(window)}</td>
                <td>{format.integer(window.postRecords)}</td>
                <td>{format.integer(window.recordsInNeither)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {few || mentored.studentsWithoutPostAfterStart > 0 ? (
        <div className="notice notice--warning" role="note" data-testid="window-warning">
          {few ? <p>{t('outcomesWindow.fewAfter', { results: format.integer(mentored.postRecords), count: mentored.students, students: format.integer(mentored.students) })}</p> : null}
          {mentored.studentsWithoutPostAfterStart > 0 ? (
            <p>{t('outcomesWindow.droppedStudents', { count: mentored.studentsWithoutPostAfterStart, n: format.integer(mentored.studentsWithoutPostAfterStart) })}</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
