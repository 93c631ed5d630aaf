import { useTranslation } from 'react-i18next';
import type { OutcomesResponse } from '@pm/contracts';
import { TableScroll } from '@web/components/table-scroll';
import { Stat } from './not-enough';
import { useStatFormat } from './use-stat-format';

export function PassRatesTable({ passRates }: { passRates: OutcomesResponse['passRates'] }) {
  const { t } = useTranslation();
  const stat = useStatFormat();
  const rows = [
    { key: 'mentored', rates: passRates.mentored },
    { key: 'comparison', rates: passRates.comparison },
  ] as const;
  return (
    <section aria-labelledby="pass-rates-heading">
      <h3 id="pass-rates-heading" className="subsection-title">
        {t('outcomes.passRates.heading')}
      </h3>
      <p className="muted">{t('outcomes.passRates.explain', { mark: stat.integer(passRates.passMarkPercent) })}</p>
      <TableScroll labelledBy="pass-rates-heading">
        <table className="table" aria-labelledby="pass-rates-heading" data-testid="pass-rates">
          <thead>
            <tr>
              <th scope="col">{t('outcomes.table.group')}</th>
              <th scope="col">{t('outcomes.passRates.before')}</th>
              <th scope="col">{t('outcomes.passRates.after')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, rates }) => (
              <tr key={key}>
                <th scope="row">{t(`outcomes.group.${key}`)}</th>
                <td className="numeric">
                  <Stat value={stat.share(rates.pre)} />
                </td>
                <td className="numeric">
                  <Stat value={stat.share(rates.post)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
