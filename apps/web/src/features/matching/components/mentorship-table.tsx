import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus, type MentorshipResponse } from '@pm/contracts';
import { TextAreaField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TableScroll } from '@web/components/table-scroll';
import { useEndMentorship } from '@web/features/matching/hooks/use-end-mentorship';
import { useMentorships } from '@web/features/matching/hooks/use-mentorships';
import { useFormatDate } from '@web/lib/use-format-date';

const REASON_MAX_LENGTH = 500;

interface EndValues {
  reason: string;
}

function EndMentorshipForm({ programId, mentorship, onEnded, onCancel }: { programId: string; mentorship: MentorshipResponse; onEnded: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const end = useEndMentorship(programId);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<EndValues>({ defaultValues: { reason: '' } });

  useEffect(() => setFocus('reason'), [setFocus]);

  const submit = handleSubmit((values) => end.mutate({ mentorshipId: mentorship.id, reason: values.reason.trim() }, { onSuccess: onEnded }));
  const headingId = `end-${mentorship.id}-heading`;

  return (
    <form className="form confirm" noValidate aria-labelledby={headingId} onSubmit={(event) => void submit(event)} data-testid="end-mentorship-form">
      <h3 id={headingId} className="confirm__title">
        {t('matching.mentorships.endTitle', { mentee: mentorship.menteeName, mentor: mentorship.mentorName })}
      </h3>
      <ErrorAlert error={end.error} />
      <TextAreaField
        id={`end-${mentorship.id}-reason`}
        label={t('matching.mentorships.reason')}
        hint={t('matching.mentorships.reasonHint')}
        aria-required
        maxLength={REASON_MAX_LENGTH}
        registration={register('reason', {
          validate: (value) => value.trim().length > 0 || t('validation.required'),
          maxLength: { value: REASON_MAX_LENGTH, message: t('validation.maxLength', { count: REASON_MAX_LENGTH }) },
        })}
        error={errors.reason?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--danger" disabled={end.isPending}>
          {end.isPending ? t('matching.mentorships.ending') : t('matching.mentorships.confirmEnd')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={end.isPending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Active mentorships first, then by mentee: the ones a coordinator acts on are on top. */
const byStatusThenMentee = (a: MentorshipResponse, b: MentorshipResponse): number =>
  Number(a.status !== MentorshipStatus.Active) - Number(b.status !== MentorshipStatus.Active) || a.menteeName.localeCompare(b.menteeName);

export function MentorshipTable({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const mentorships = useMentorships(programId);
  const [ending, setEnding] = useState<MentorshipResponse | null>(null);
  const [endedMessage, setEndedMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const sorted = useMemo(() => [...(mentorships.data ?? [])].sort(byStatusThenMentee), [mentorships.data]);

  const closeForm = (message: string | null): void => {
    setEnding(null);
    setEndedMessage(message);
    // The End button that opened the form may be gone now; the section heading is a stable place to land.
    heading.current?.focus();
  };

  const body = (() => {
    if (mentorships.isPending) return <LoadingMessage />;
    if (mentorships.isError) return <QueryError error={mentorships.error} onRetry={() => void mentorships.refetch()} />;
    if (sorted.length === 0) return <p className="empty-state">{t('matching.mentorships.empty')}</p>;
    return (
      <TableScroll labelledBy="mentorships-heading">
        <table className="table" aria-labelledby="mentorships-heading" data-testid="mentorship-table">
          <thead>
            <tr>
              <th scope="col">{t('matching.mentorships.mentee')}</th>
              <th scope="col">{t('matching.mentorships.mentor')}</th>
              <th scope="col">{t('matching.mentorships.status')}</th>
              <th scope="col">{t('matching.mentorships.since')}</th>
              <th scope="col">{t('matching.mentorships.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((mentorship) => (
              <tr key={mentorship.id} data-testid="mentorship-row">
                <th scope="row">{mentorship.menteeName}</th>
                <td>{mentorship.mentorName}</td>
                <td>
                  <span className={mentorship.status === MentorshipStatus.Active ? 'badge badge--success' : 'badge badge--neutral'}>{t(`matching.mentorships.statusValue.${mentorship.status}`)}</span>
                  {mentorship.endedReason ? <p className="muted">{t('matching.mentorships.endedBecause', { reason: mentorship.endedReason })}</p> : null}
                </td>
                <td>
                  {mentorship.endedAt
                    ? t('matching.mentorships.period', { start: formatDate(mentorship.createdAt), end: formatDate(mentorship.endedAt) })
                    : formatDate(mentorship.createdAt)}
                </td>
                <td>
                  {mentorship.status === MentorshipStatus.Active ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-label={t('matching.mentorships.endLabel', { mentee: mentorship.menteeName, mentor: mentorship.mentorName })}
                      aria-expanded={ending?.id === mentorship.id}
                      onClick={() => {
                        setEndedMessage(null);
                        setEnding(mentorship);
                      }}
                    >
                      {t('matching.mentorships.end')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    );
  })();

  return (
    <section className="panel" aria-labelledby="mentorships-heading">
      <h2 id="mentorships-heading" className="panel__title" tabIndex={-1} ref={heading}>
        {t('matching.mentorships.heading')}
      </h2>
      <div className="stack">
        {endedMessage ? <SuccessMessage>{endedMessage}</SuccessMessage> : null}
        {body}
        {ending ? (
          <EndMentorshipForm
            key={ending.id}
            programId={programId}
            mentorship={ending}
            onEnded={() => closeForm(t('matching.mentorships.ended', { mentee: ending.menteeName, mentor: ending.mentorName }))}
            onCancel={() => closeForm(null)}
          />
        ) : null}
      </div>
    </section>
  );
}
