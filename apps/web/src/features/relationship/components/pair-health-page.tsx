import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PAIR_STATUSES, type PairHealthRow, type PairStatus } from '@pm/contracts';
import { LoadingMessage, QueryError } from '@web/components/feedback';
import { PageHeader } from '@web/components/page-header';
import { usePairHealth } from '@web/features/relationship/hooks/use-relationship';
import { useFormatDate } from '@web/lib/use-format-date';
import { useNumberFormat } from '@web/lib/use-number-format';

const BADGE: Record<PairStatus, string> = { at_risk: 'badge badge--warning', needs_check_in: 'badge badge--info', on_track: 'badge badge--success' };

function PairCard({ row, programId }: { row: PairHealthRow; programId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const n = useNumberFormat();
  const mail = `mailto:${row.menteeEmail},${row.mentorEmail}?subject=${encodeURIComponent(t('relationship.board.mailSubject'))}`;
  return (
    <li className="session" data-testid="pair-row" data-status={row.status}>
      <h3 className="person__name">
        {t('relationship.board.pair', { mentee: row.menteeName, mentor: row.mentorName })} <span className={BADGE[row.status]}>{t(`relationship.status.${row.status}`)}</span>
      </h3>
      {row.reasons.length > 0 ? (
        <ul className="reason-list" data-testid="pair-reasons">
          {row.reasons.map((r) => (
            <li key={r.code}>{t(`relationship.reason.${r.code}`)}</li>
          ))}
        </ul>
      ) : null}
      <dl className="facts facts--grid">
        <div className="facts__item">
          <dt>{t('relationship.board.lastSession')}</dt>
          <dd>{row.lastSessionAt ? formatDate(row.lastSessionAt, 'medium') : t('relationship.board.never')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('relationship.board.nextSession')}</dt>
          <dd>{row.nextSessionAt ? formatDate(row.nextSessionAt, 'medium') : t('relationship.board.noneBooked')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('relationship.board.sessionsHeld')}</dt>
          <dd>{n.integer(row.sessionsHeld)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('relationship.board.noShows')}</dt>
          <dd>{n.integer(row.noShows)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <a className="button button--secondary button--small" href={mail} dir="auto">
          {t('relationship.board.message')}
        </a>
        <Link className="button button--secondary button--small" to={`/programs/${programId}/matching`}>
          {t('relationship.board.endOrRematch')}
        </Link>
      </div>
    </li>
  );
}

/** `/programs/:programId/pair-health`: which pairs need the coordinator, and why. */
export function PairHealthPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const [status, setStatus] = useState<PairStatus | ''>('');
  const board = usePairHealth(programId, status === '' ? undefined : status);
  const all = usePairHealth(programId, undefined);
  const n = useNumberFormat();
  const count = (s: PairStatus): number => (all.data ?? []).filter((r) => r.status === s).length;
  return (
    <div data-testid="pair-health-page">
      <PageHeader title={t('relationship.board.title')} intro={t('relationship.board.intro')} />
      <p>
        <Link to={`/programs/${programId}`}>{t('relationship.backToProgram')}</Link>
      </p>
      <div className="stack">
        {all.data ? (
          <dl className="stat-grid" data-testid="board-summary">
            {PAIR_STATUSES.map((s) => (
              <div className="stat" key={s}>
                <dt>{t(`relationship.status.${s}`)}</dt>
                <dd>{n.integer(count(s))}</dd>
              </div>
            ))}
          </dl>
        ) : null}
        <div className="field">
          <label className="field__label" htmlFor="board-filter">
            {t('relationship.board.filter')}
          </label>
          <select id="board-filter" className="field__control" value={status} onChange={(e) => setStatus(e.target.value as PairStatus | '')} data-testid="board-filter">
            <option value="">{t('relationship.board.allPairs')}</option>
            {PAIR_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`relationship.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <section className="panel" aria-labelledby="board-heading">
          <h2 id="board-heading" className="panel__title">
            {status === '' ? t('relationship.board.allPairs') : t(`relationship.status.${status}`)}
          </h2>
          {board.isPending ? <LoadingMessage /> : null}
          {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
          {board.data && board.data.length === 0 ? <p className="empty-state">{t('relationship.board.empty')}</p> : null}
          {board.data && board.data.length > 0 ? (
            <ul className="session-list" data-testid="pair-list">
              {board.data.map((row) => (
                <PairCard key={row.mentorshipId} row={row} programId={programId} />
              ))}
            </ul>
          ) : null}
        </section>
      </div>
    </div>
  );
}
