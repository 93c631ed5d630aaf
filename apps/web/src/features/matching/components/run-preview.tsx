import { useTranslation } from 'react-i18next';
import type { MatchingRunResponse } from '@pm/contracts';
import { useFormatDateTime } from '@web/lib/use-format-date';
import { AssignmentTable } from './assignment-table';
import { CommitRunControls } from './commit-run-controls';
import { RunSummary } from './run-summary';
import { UnmatchedList } from './unmatched-list';

const STATUS_BADGE: Record<MatchingRunResponse['status'], string> = {
  preview: 'badge badge--info',
  committed: 'badge badge--success',
  stale: 'badge badge--warning',
};

export function RunPreview({ programId, run, onRunAgain }: { programId: string; run: MatchingRunResponse; onRunAgain: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <section className="panel stack" aria-labelledby="run-preview-heading" data-testid="run-preview" data-run-status={run.status}>
      <div className="panel__head">
        <h2 id="run-preview-heading" className="panel__title">
          {t('matching.preview.heading', { algorithm: t(`matching.algorithm.${run.algorithm}.name`) })}
        </h2>
        <span className={STATUS_BADGE[run.status]} data-testid="run-status">
          {t(`matching.preview.status.${run.status}`)}
        </span>
      </div>
      <p className="muted">{t('matching.preview.createdAt', { when: formatDateTime(run.createdAt) })}</p>
      <RunSummary run={run} />
      <CommitRunControls programId={programId} run={run} onRunAgain={onRunAgain} />
      <AssignmentTable assignments={run.assignments} />
      <UnmatchedList unmatched={run.unmatched} />
    </section>
  );
}
