import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ROSTER_COLUMNS, type RosterImportResponse, type RosterRowOutcome } from '@pm/contracts';
import { ErrorAlert } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useRosterImport, type RosterPhase } from '@web/features/roster/hooks/use-roster-import';
import { isApiError } from '@web/lib/api-error';
import type { UploadProgress } from '@web/lib/api-upload';
import { useNumberFormat } from '@web/lib/use-number-format';

/** Thousands of lines would take seconds to render: the first ones, the rest on request. */
const PAGE = 100;

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const OUTCOME_BADGE: Record<RosterRowOutcome, string> = {
  created: 'badge badge--success',
  enrolled: 'badge badge--info',
  updated: 'badge badge--warning',
  unchanged: 'badge badge--neutral',
};

function Busy({ phase, progress, onCancel }: { phase: RosterPhase; progress: UploadProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const id = useId();
  const share = phase === 'uploading' && progress?.total ? Math.min(1, progress.loaded / progress.total) : null;
  return (
    <div className="busy" data-testid="roster-busy">
      <label htmlFor={id} className="field__label" role="status">
        {phase === 'processing' ? t('onboarding.roster.processing') : share === null ? t('onboarding.roster.uploading') : t('onboarding.roster.uploadingShare', { share: format.share(share, 0) ?? '' })}
      </label>
      {share === null ? <progress id={id} className="busy__progress" /> : <progress id={id} className="busy__progress" value={share} max={1} />}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('onboarding.roster.cancel')}
        </button>
      </div>
    </div>
  );
}

function Counts({ result }: { result: RosterImportResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const items = [
    ['rows', result.rows],
    ['created', result.created],
    ['enrolled', result.enrolled],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
  ] as const;
  return (
    <dl className="facts facts--grid" data-testid={result.dryRun ? 'roster-preview-counts' : 'roster-counts'}>
      {items.map(([key, value]) => (
        <div className="facts__item" key={key}>
          <dt>{t(`onboarding.roster.count.${key}`)}</dt>
          <dd data-testid={`roster-count-${key}`}>{format.integer(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Changes({ result }: { result: RosterImportResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const [shown, setShown] = useState(PAGE);
  const headingId = useId();
  const visible = result.changes.slice(0, shown);
  return (
    <>
      <h3 id={headingId} className="subsection-title">
        {t('onboarding.roster.changesHeading')}
      </h3>
      <TableScroll labelledBy={headingId}>
        <table className="table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('onboarding.roster.line')}</th>
              <th scope="col">{t('onboarding.roster.email')}</th>
              <th scope="col">{t('onboarding.roster.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((c) => (
              <tr key={c.line}>
                <th scope="row">{format.integer(c.line)}</th>
                <td dir="ltr">{c.email}</td>
                <td>
                  <span className={OUTCOME_BADGE[c.outcome]}>{t(`onboarding.roster.outcomes.${c.outcome}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {result.changes.length > visible.length ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(result.changes.length)}>
          {t('onboarding.roster.showAll', { count: result.changes.length, rows: format.integer(result.changes.length) })}
        </button>
      ) : null}
      {result.rows > result.changes.length ? <p className="muted">{t('onboarding.roster.previewLimited', { shown: format.integer(result.changes.length), rows: format.integer(result.rows) })}</p> : null}
    </>
  );
}

/** Each refused line with its own text beside the reason, so the coordinator sees what to fix where. */
function Rejected({ rejected, lines }: { rejected: ReadonlyArray<{ line: number; error: string }>; lines: readonly string[] }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const [shown, setShown] = useState(PAGE);
  const headingId = useId();
  const visible = rejected.slice(0, shown);
  return (
    <div className="alert alert--error" role="alert" data-testid="roster-rejected">
      <p>{t('onboarding.roster.rejected', { count: rejected.length, lines: format.integer(rejected.length) })}</p>
      <h3 id={headingId} className="visually-hidden">
        {t('onboarding.roster.rejectedHeading')}
      </h3>
      <TableScroll labelledBy={headingId}>
        <table className="table table--on-alert" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('onboarding.roster.line')}</th>
              <th scope="col">{t('onboarding.roster.content')}</th>
              <th scope="col">{t('onboarding.roster.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={`${entry.line}-${entry.error}`}>
                <th scope="row">{format.integer(entry.line)}</th>
                <td dir="ltr">
                  <code>{lines[entry.line - 1] ?? ''}</code>
                </td>
                {/* The API explains each line in English; dir="auto" keeps it readable in a Persian page. */}
                <td dir="auto">{entry.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rejected.length > visible.length ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(rejected.length)}>
          {t('onboarding.roster.showAllRejected', { count: rejected.length, lines: format.integer(rejected.length) })}
        </button>
      ) : null}
    </div>
  );
}

/**
 * The registrar's spreadsheet into the program in two steps: check (the API's dry run: the same validation
 * and counts, nothing stored) and import. A file with a bad line shows every bad line next to its text.
 */
export function RosterImportCard({ programId, closed }: { programId: string; closed: boolean }) {
  const { t } = useTranslation();
  const { mutation, progress, phase, cancel } = useRosterImport(programId);
  const [file, setFile] = useState<File | null>(null);
  const [lines, setLines] = useState<string[]>([]);
  const [preview, setPreview] = useState<RosterImportResponse | null>(null);
  const [result, setResult] = useState<RosterImportResponse | null>(null);
  const [chooseError, setChooseError] = useState(false);
  const fileId = useId();

  const choose = (next: File | null): void => {
    setFile(next);
    setPreview(null);
    setResult(null);
    setChooseError(false);
    mutation.reset();
    // Line numbers of the API count from the header as line 1, as the file's own lines do.
    if (next) void next.text().then((text) => setLines(text.replace(/^\uFEFF/, '').split(/\r?\n/)));
  };

  const check = (): void => {
    if (!file) {
      setChooseError(true);
      return;
    }
    mutation.mutate({ file, dryRun: true }, { onSuccess: setPreview });
  };
  const commit = (): void => {
    if (file) mutation.mutate({ file, dryRun: false }, { onSuccess: setResult });
  };

  const rejected = isApiError(mutation.error) ? mutation.error.rejected : undefined;
  return (
    <section className="panel" aria-labelledby="roster-heading" data-testid="roster-card">
      <h2 id="roster-heading" className="panel__title">
        {t('onboarding.roster.heading')}
      </h2>
      <div className="stack">
        <div className="help">
          <p>{t('onboarding.roster.helpColumns')}</p>
          <p>
            <code dir="ltr">{ROSTER_COLUMNS.join(',')}</code>
          </p>
          <ul className="help__list">
            <li>
              {/* Column names and their values are literal file content: shown as code, never translated. */}
              <Trans i18nKey="onboarding.roster.helpRoles" components={{ code: <code dir="ltr" translate="no" /> }} />
            </li>
            <li>{t('onboarding.roster.helpKnown')}</li>
            <li>{t('onboarding.roster.helpTolerance')}</li>
            <li>{t('onboarding.roster.helpAllOrNothing')}</li>
          </ul>
        </div>
        {closed ? <p className="notice notice--warning">{t('onboarding.closedNotice')}</p> : null}
        <div className={chooseError ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={fileId}>
            {t('onboarding.roster.file')}
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="field__control"
            data-testid="roster-file"
            disabled={mutation.isPending || closed}
            aria-invalid={chooseError ? true : undefined}
            onChange={(event) => choose(event.target.files?.[0] ?? null)}
          />
          {chooseError ? (
            <p className="field__error" role="alert">
              {t('onboarding.roster.chooseFile')}
            </p>
          ) : null}
        </div>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={check} disabled={mutation.isPending || closed} data-testid="roster-check">
            {t('onboarding.roster.check')}
          </button>
          {preview && !result ? (
            <button type="button" className="button button--primary" onClick={commit} disabled={mutation.isPending} data-testid="roster-import">
              {t('onboarding.roster.import', { count: preview.rows })}
            </button>
          ) : null}
        </div>
        {mutation.isPending ? <Busy phase={phase} progress={progress} onCancel={cancel} /> : null}
        {!mutation.isPending && rejected && rejected.length > 0 ? <Rejected rejected={rejected} lines={lines} /> : null}
        {!mutation.isPending && isAbort(mutation.error) ? <p className="muted" role="status">{t('onboarding.roster.cancelled')}</p> : null}
        {!mutation.isPending && !rejected && !isAbort(mutation.error) ? <ErrorAlert error={mutation.error} /> : null}
        {result ? (
          <div className="alert alert--success" role="status" data-testid="roster-result">
            <p>{t('onboarding.roster.done', { count: result.rows })}</p>
            <Counts result={result} />
            {result.created > 0 ? <p>{t('onboarding.roster.invitationsNext', { count: result.created })}</p> : null}
          </div>
        ) : preview ? (
          <div className="stack" data-testid="roster-preview">
            <p role="status">{t('onboarding.roster.previewIntro', { count: preview.rows })}</p>
            <Counts result={preview} />
            <Changes result={preview} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
