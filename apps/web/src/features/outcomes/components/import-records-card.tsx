import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImportResponse } from '@pm/contracts';
import { ErrorAlert } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useImportRecords, type ImportPhase } from '@web/features/outcomes/hooks/use-import-records';
import { isApiError } from '@web/lib/api-error';
import type { UploadProgress } from '@web/lib/api-upload';
import { useElapsedSeconds } from '@web/lib/use-elapsed-seconds';
import { useNumberFormat } from '@web/lib/use-number-format';

interface ImportValues {
  file: FileList | null;
}

/** Thousands of bad lines would take seconds to render; the first ones say what is wrong, the rest on request. */
const REJECTED_PAGE = 200;
const CSV_COLUMNS = 'student_email,assessment,taken_on,score,max_score';

const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

function ImportBusy({ phase, progress, onCancel }: { phase: ImportPhase; progress: UploadProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const progressId = useId();
  const elapsed = useElapsedSeconds(phase === 'processing');
  if (phase === 'processing') {
    return (
      <div className="busy" data-testid="import-processing">
        <p role="status">{t('outcomes.import.processing')}</p>
        <progress className="busy__progress" aria-label={t('outcomes.import.processing')} />
        <p className="muted">{t('matching.run.elapsed', { count: elapsed })}</p>
      </div>
    );
  }
  const share = progress && progress.total ? Math.min(1, progress.loaded / progress.total) : null;
  return (
    <div className="busy" data-testid="import-uploading">
      <label htmlFor={progressId} className="field__label">
        {share === null ? t('outcomes.import.uploading') : t('outcomes.import.uploadingShare', { share: format.share(share, 0) ?? '' })}
      </label>
      {share === null ? <progress id={progressId} className="busy__progress" /> : <progress id={progressId} className="busy__progress" value={share} max={1} />}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('outcomes.import.cancel')}
        </button>
      </div>
    </div>
  );
}

function ImportSummary({ result }: { result: ImportResponse }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  return (
    <div className="alert alert--success" role="status" data-testid="import-summary">
      <p>{t('outcomes.import.success', { count: result.rows, rows: format.integer(result.rows) })}</p>
      <p>
        {t('outcomes.import.successDetail', {
          imported: format.integer(result.imported),
          updated: format.integer(result.updated),
          unchanged: format.integer(result.unchanged),
        })}
      </p>
    </div>
  );
}

/** What the file would do, before anything is stored: the counts, and the emails worth a second look. */
function ImportPreview({ result, onConfirm, onCancel, busy }: { result: ImportResponse; onConfirm: () => void; onCancel: () => void; busy: boolean }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const flagged = result.unknownEmailCount > 0 || result.menteesWithoutRecords.length > 0;
  return (
    <div className={flagged ? 'alert alert--warning stack' : 'notice stack'} data-testid="import-preview">
      <h3 className="subsection-title">{t('recordsImport.previewHeading')}</h3>
      <p>
        {t('recordsImport.previewCounts', {
          count: result.rows,
          rows: format.integer(result.rows),
          imported: format.integer(result.imported),
          updated: format.integer(result.updated),
          unchanged: format.integer(result.unchanged),
        })}
      </p>
      {result.unknownEmailCount > 0 ? (
        <div className="stack" data-testid="import-unknown-emails">
          <p>{t('recordsImport.unknownEmails', { count: result.unknownEmailCount, n: format.integer(result.unknownEmailCount) })}</p>
          <h4 id="unknown-emails-heading" className="visually-hidden">
            {t('recordsImport.unknownEmailsHeading')}
          </h4>
          <TableScroll labelledBy="unknown-emails-heading">
            <table className="table table--on-alert" aria-labelledby="unknown-emails-heading">
              <thead>
                <tr>
                  <th scope="col">{t('recordsImport.email')}</th>
                  <th scope="col">{t('recordsImport.lines')}</th>
                </tr>
              </thead>
              <tbody>
                {result.unknownEmails.map((entry) => (
                  <tr key={entry.email}>
                    <td dir="ltr">{entry.email}</td>
                    <td>{entry.lines.map((line) => format.integer(line)).join(t('recordsImport.listSeparator'))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {result.unknownEmailCount > result.unknownEmails.length ? (
            <p className="muted">{t('recordsImport.unknownEmailsMore', { shown: format.integer(result.unknownEmails.length), n: format.integer(result.unknownEmailCount) })}</p>
          ) : null}
        </div>
      ) : null}
      {result.menteesWithoutRecords.length > 0 ? (
        <div className="stack" data-testid="import-mentees-without-records">
          <p>{t('recordsImport.menteesWithoutRecords', { count: result.menteesWithoutRecords.length, n: format.integer(result.menteesWithoutRecords.length) })}</p>
          <ul className="help__list">
            {result.menteesWithoutRecords.map((mentee) => (
              <li key={mentee.userId}>
                {mentee.fullName} <span dir="ltr">({mentee.email})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={onConfirm} disabled={busy} data-testid="import-confirm">
          {t('recordsImport.confirm', { count: result.rows, rows: format.integer(result.rows) })}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={busy}>
          {t('recordsImport.chooseAnother')}
        </button>
      </div>
    </div>
  );
}

const isStaffLine = (entry: { line: number; error: string }): boolean => 'code' in entry && (entry as { code?: unknown }).code === 'staff_account';

function RejectedLines({ rejected }: { rejected: ReadonlyArray<{ line: number; error: string }> }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const [shown, setShown] = useState(REJECTED_PAGE);
  const visible = rejected.slice(0, shown);
  return (
    <div className="alert alert--error" role="alert" data-testid="import-rejected">
      <p>{t('outcomes.import.rejected', { count: rejected.length, lines: format.integer(rejected.length) })}</p>
      <h3 id="rejected-heading" className="visually-hidden">
        {t('outcomes.import.rejectedHeading')}
      </h3>
      <TableScroll labelledBy="rejected-heading">
        <table className="table table--on-alert" aria-labelledby="rejected-heading" data-testid="rejected-table">
          <thead>
            <tr>
              <th scope="col">{t('outcomes.import.line')}</th>
              <th scope="col">{t('outcomes.import.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((entry) => (
              <tr key={`${entry.line}-${entry.error}`}>
                <th scope="row">{format.integer(entry.line)}</th>
                {/* The API explains each line in English unless it gives a code we word ourselves; dir="auto" keeps it readable inside a Persian page. */}
                <td dir="auto">{isStaffLine(entry) ? t('recordsImport.staffAccount') : entry.error}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rejected.length > visible.length ? (
        <button type="button" className="button button--secondary" onClick={() => setShown(rejected.length)}>
          {t('outcomes.import.showAllRejected', { count: rejected.length, lines: format.integer(rejected.length) })}
        </button>
      ) : null}
    </div>
  );
}

/** Imports a CSV of assessment results, with real upload progress and every refused line listed on a 422. */
export function ImportRecordsCard({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const { mutation, progress, phase, cancel } = useImportRecords(programId);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<ImportValues>({ defaultValues: { file: null } });

  // A file is first checked (a dry run that stores nothing); the coordinator confirms what it would do.
  const [checked, setChecked] = useState<File | null>(null);
  const submit = handleSubmit((values) => {
    const file = values.file?.[0];
    if (!file) return;
    setChecked(file);
    mutation.mutate({ file, dryRun: true });
  });
  const confirm = () => {
    if (checked) mutation.mutate({ file: checked, dryRun: false });
  };
  const startOver = () => {
    setChecked(null);
    mutation.reset();
    reset();
  };

  const error = mutation.error;
  const rejected = isApiError(error) ? error.rejected : undefined;

  const outcome = (() => {
    if (mutation.isPending) return <ImportBusy phase={phase} progress={progress} onCancel={cancel} />;
    if (mutation.isSuccess && mutation.data.dryRun) return <ImportPreview result={mutation.data} onConfirm={confirm} onCancel={startOver} busy={mutation.isPending} />;
    if (mutation.isSuccess) return <ImportSummary result={mutation.data} />;
    if (rejected && rejected.length > 0) return <RejectedLines rejected={rejected} />;
    if (isAbort(error)) return <p className="muted" role="status">{t('outcomes.import.cancelled')}</p>;
    return <ErrorAlert error={error} />;
  })();

  const fileErrorId = 'import-file-error';
  return (
    <section className="panel" aria-labelledby="import-heading" data-testid="import-card">
      <h2 id="import-heading" className="panel__title">
        {t('outcomes.import.heading')}
      </h2>
      <div className="stack">
        <div className="help">
          <p>{t('outcomes.import.helpColumns')}</p>
          <p>
            <code dir="ltr">{CSV_COLUMNS}</code>
          </p>
          <ul className="help__list">
            <li>{t('outcomes.import.helpHeader')}</li>
            <li>{t('outcomes.import.helpDates')}</li>
            <li>{t('outcomes.import.helpSeparators')}</li>
            <li>{t('outcomes.import.helpIdempotent')}</li>
            <li>{t('outcomes.import.helpAllOrNothing')}</li>
          </ul>
        </div>
        <form className="form" noValidate onSubmit={(event) => void submit(event)}>
          <div className={errors.file ? 'field field--invalid' : 'field'}>
            <label className="field__label" htmlFor="import-file">
              {t('outcomes.import.file')}
            </label>
            <input
              id="import-file"
              type="file"
              accept=".csv,text/csv"
              className="field__control"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={errors.file ? fileErrorId : undefined}
              data-testid="import-file"
              disabled={mutation.isPending}
              {...register('file', { validate: (files) => (files !== null && files.length === 1) || t('outcomes.import.chooseFile') })}
            />
            {errors.file ? (
              <p className="field__error" id={fileErrorId} role="alert">
                {errors.file.message}
              </p>
            ) : null}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={mutation.isPending} data-testid="import-submit">
              {mutation.isPending ? t('outcomes.import.submitting') : t('recordsImport.check')}
            </button>
          </div>
        </form>
        {outcome}
      </div>
    </section>
  );
}
