import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchingRunResponse } from '@pm/contracts';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useCommitMatchingRun } from '@web/features/matching/hooks/use-commit-matching-run';
import { isApiError } from '@web/lib/api-error';
import { useFormatDateTime } from '@web/lib/use-format-date';

type CommitConflict = 'RUN_STALE' | 'RUN_ALREADY_COMMITTED';

const conflictOf = (error: unknown): CommitConflict | null => {
  if (!isApiError(error) || error.statusCode !== 409) return null;
  return error.code === 'RUN_STALE' || error.code === 'RUN_ALREADY_COMMITTED' ? error.code : null;
};

/** A notice that this preview can no longer be committed, with the way forward next to it. */
function RunAgainNotice({ message, onRunAgain }: { message: string; onRunAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--warning" role="alert" data-testid="commit-conflict">
      <p>{message}</p>
      <button type="button" className="button button--secondary" onClick={onRunAgain} data-testid="run-again">
        {t('matching.commit.runAgain')}
      </button>
    </div>
  );
}

/**
 * Committing creates every mentorship of the preview at once, so it asks first. The API refuses a preview that
 * is out of date or already committed (409); both are explained with a way to run the matching again.
 */
export function CommitRunControls({ programId, run, onRunAgain }: { programId: string; run: MatchingRunResponse; onRunAgain: () => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const commit = useCommitMatchingRun(programId);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const count = run.assignments.length;

  useEffect(() => {
    // Moving focus to the question makes screen readers read it, and puts the two answers right after it.
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  if (commit.isSuccess) {
    return <SuccessMessage>{t('matching.commit.success', { count: commit.data.mentorships.length })}</SuccessMessage>;
  }

  const conflict = conflictOf(commit.error);
  if (conflict === 'RUN_STALE') return <RunAgainNotice message={t('matching.commit.stale')} onRunAgain={onRunAgain} />;
  if (conflict === 'RUN_ALREADY_COMMITTED') return <RunAgainNotice message={t('matching.commit.alreadyCommitted')} onRunAgain={onRunAgain} />;
  if (run.status === 'stale') return <RunAgainNotice message={t('matching.commit.stale')} onRunAgain={onRunAgain} />;
  if (run.status === 'committed') {
    return <p className="notice">{t('matching.commit.committedAt', { when: formatDateTime(run.committedAt ?? run.createdAt) })}</p>;
  }
  if (count === 0) return <p className="muted">{t('matching.commit.nothingToCommit')}</p>;

  if (!confirming) {
    return (
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => setConfirming(true)} data-testid="commit-run">
          {t('matching.commit.button', { count })}
        </button>
      </div>
    );
  }

  return (
    <div className="confirm" role="group" aria-labelledby="commit-confirm-heading" data-testid="commit-confirm">
      <h3 id="commit-confirm-heading" className="confirm__title" tabIndex={-1} ref={confirmHeading}>
        {t('matching.commit.confirmTitle', { count })}
      </h3>
      <p>{t('matching.commit.confirmBody')}</p>
      <ErrorAlert error={commit.error} />
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={commit.isPending} onClick={() => commit.mutate(run.id)} data-testid="confirm-commit">
          {commit.isPending ? t('matching.commit.submitting') : t('matching.commit.confirm', { count })}
        </button>
        <button type="button" className="button button--secondary" disabled={commit.isPending} onClick={() => setConfirming(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
