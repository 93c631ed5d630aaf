import { useTranslation } from 'react-i18next';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { useOutcomes } from '@web/features/outcomes/hooks/use-outcomes';
import { ChangeDistributionChart } from './change-distribution-chart';
import { ExposureWindowPanel } from './exposure-window-panel';
import { DifferencePanel, EffectSizePanel } from './effect-size-panel';
import { GroupStatsTable } from './group-stats-table';
import { MeanChangeChart } from './mean-change-chart';
import { mainGroups, modalityGroups } from './outcome-groups';
import { PassRatesTable } from './pass-rates-table';
import { PrePostChart } from './pre-post-chart';
import { ProgramHealthPanel, SessionsVsChangePanel } from './program-health-panel';
import { AdjustedEstimatePanel } from './adjusted-estimate-panel';
import { DoseResponseChart } from './dose-response-chart';

/** The before/after analysis of a program, as CONTRACT.md defines it, in tables, charts and plain words. */
export function OutcomesDashboard({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const outcomes = useOutcomes(programId);

  const body = (() => {
    if (outcomes.isPending) return <LoadingMessage />;
    if (outcomes.isError) return <QueryError error={outcomes.error} onRetry={() => void outcomes.refetch()} />;
    const data = outcomes.data;
    if (data.records === 0) {
      return (
        <div className="stack">
          <ProgramHealthPanel health={data.health} />
          <p className="empty-state" data-testid="outcomes-empty">
            {t('outcomes.empty')}
          </p>
        </div>
      );
    }
    const groups = mainGroups(data);
    const byModality = modalityGroups(data);
    return (
      <div className="stack" data-testid="outcomes-dashboard">
        <ProgramHealthPanel health={data.health} />
        <ExposureWindowPanel outcomes={data} />
        {data.mentored.n === 0 && data.comparison.n === 0 ? <p className="notice">{t('outcomes.noPairs')}</p> : null}
        <GroupStatsTable id="outcomes-groups" title={t('outcomes.groupsHeading')} groups={groups} />
        <p className="muted">{t('outcomes.notEnoughFootnote')}</p>
        <div className="chart-grid">
          <MeanChangeChart id="chart-mean-change" title={t('outcomes.charts.meanChangeTitle')} groups={groups} />
          <PrePostChart id="chart-pre-post" title={t('outcomes.charts.prePostTitle')} groups={groups} />
        </div>
        <DifferencePanel outcomes={data} />
        <AdjustedEstimatePanel outcomes={data} />
        <EffectSizePanel outcomes={data} />
        <ChangeDistributionChart changes={data.changes} />
        <section aria-labelledby="modality-heading" className="stack">
          <h3 id="modality-heading" className="subsection-title">
            {t('outcomes.modality.heading')}
          </h3>
          <p className="muted">{t('outcomes.modality.explain')}</p>
          <GroupStatsTable id="outcomes-modality" title={t('outcomes.modality.tableTitle')} groups={byModality} level={4} />
          <MeanChangeChart id="chart-modality" title={t('outcomes.modality.chartTitle')} groups={byModality} level={4} />
        </section>
        <PassRatesTable passRates={data.passRates} />
        <SessionsVsChangePanel result={data.sessionsVsChange} />
        <DoseResponseChart dose={data.doseResponse} />
      </div>
    );
  })();

  return (
    <section className="panel" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading" className="panel__title">
        {t('outcomes.heading')}
      </h2>
      {body}
    </section>
  );
}
