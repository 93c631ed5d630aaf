import { useTranslation } from 'react-i18next';
import { TableScroll } from '@web/components/table-scroll';
import { Stat } from './not-enough';
import type { NamedGroup } from './outcome-groups';
import { useStatFormat } from './use-stat-format';

/** Every statistic of each group, with "not enough data" where the API could not compute one. */
export function GroupStatsTable({ id, title, groups, level = 3 }: { id: string; title: string; groups: readonly NamedGroup[]; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { t } = useTranslation();
  const stat = useStatFormat();
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId} className="subsection-title">
        {title}
      </Heading>
      <TableScroll labelledBy={headingId}>
        <table className="table" aria-labelledby={headingId} data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{t('outcomes.table.group')}</th>
              <th scope="col">{t('outcomes.table.n')}</th>
              <th scope="col">{t('outcomes.table.preMean')}</th>
              <th scope="col">{t('outcomes.table.postMean')}</th>
              <th scope="col">{t('outcomes.table.meanChange')}</th>
              <th scope="col">{t('outcomes.table.ci95')}</th>
              <th scope="col">{t('outcomes.table.cohensDz')}</th>
              <th scope="col">{t('outcomes.table.tStatistic')}</th>
              <th scope="col">{t('outcomes.table.pValue')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map(({ key, group }) => (
              <tr key={key} data-testid={`${id}-${key}`}>
                <th scope="row">{t(`outcomes.group.${key}`)}</th>
                <td className="numeric">{stat.integer(group.n)}</td>
                <td className="numeric">
                  <Stat value={stat.mean(group.preMean)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.mean(group.postMean)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.change(group.meanChange)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.interval(group.ci95)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.statistic(group.cohensDz)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.statistic(group.tStatistic)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.pValue(group.pValue)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
