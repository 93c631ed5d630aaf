import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Attendance, SessionStatus, type SessionResponse } from '@pm/contracts';
import { TextAreaField, TextField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useMySessions } from '@web/features/sessions/hooks/use-my-sessions';
import { useMarkAttendance, useUpdateSession } from '@web/features/sessions/hooks/use-session-mutations';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';
import { localRange } from './session-time';

type Mode = 'idle' | 'cancel' | 'reschedule';

function CancelForm({ session, onDone }: { session: SessionResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSession();
  const { register, handleSubmit } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const submit = handleSubmit(({ reason }) => {
    const trimmed = reason.trim();
    update.mutate({ sessionId: session.id, body: { status: SessionStatus.Cancelled, ...(trimmed ? { reason: trimmed } : {}) } }, { onSuccess: onDone });
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={update.error} />
      <TextAreaField id={`cancel-reason-${session.id}`} label={t('sessions.cancel.reason')} hint={t('sessions.cancel.reasonHint')} maxLength={500} registration={register('reason')} />
      <div className="button-row">
        <button type="submit" className="button button--danger" disabled={update.isPending} data-testid="cancel-session-confirm">
          {t('sessions.cancel.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('sessions.cancel.keep')}
        </button>
      </div>
    </form>
  );
}

interface RescheduleValues {
  day: string;
  start: string;
  end: string;
}

function RescheduleForm({ session, onDone }: { session: SessionResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateSession();
  const [timeError, setTimeError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RescheduleValues>({ defaultValues: { day: '', start: '', end: '' } });
  const submit = handleSubmit(({ day, start, end }) => {
    const from = localRange(day, start, 1);
    const to = localRange(day, end, 1);
    if (!from || !to || to.startsAt <= from.startsAt) {
      setTimeError(t('sessions.reschedule.endAfterStart'));
      return;
    }
    setTimeError(null);
    update.mutate({ sessionId: session.id, body: { startsAt: from.startsAt, endsAt: to.startsAt } }, { onSuccess: onDone });
  });
  const required = { required: t('validation.required') };
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="reschedule-form">
      <ErrorAlert error={update.error} />
      <TextField id={`reschedule-day-${session.id}`} type="date" label={t('sessions.fields.day')} aria-required registration={register('day', required)} error={errors.day?.message} />
      <TextField id={`reschedule-start-${session.id}`} type="time" label={t('sessions.fields.start')} aria-required registration={register('start', required)} error={errors.start?.message} />
      <TextField id={`reschedule-end-${session.id}`} type="time" label={t('sessions.fields.end')} aria-required registration={register('end', required)} error={errors.end?.message ?? timeError ?? undefined} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('sessions.reschedule.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function AttendanceControls({ session }: { session: SessionResponse }) {
  const { t } = useTranslation();
  const mark = useMarkAttendance();
  const attendees = session.attendees.filter((attendee) => attendee.active);
  if (attendees.length === 0) return null;
  const set = (menteeId: string, attendance: Attendance) => mark.mutate({ sessionId: session.id, body: { records: [{ menteeId, attendance }] } });
  return (
    <div className="stack" data-testid="attendance">
      <ErrorAlert error={mark.error} />
      {attendees.map((attendee) => (
        <div key={attendee.userId} className="button-row">
          <span>
            {attendee.fullName}: {attendee.attendance === null ? t('sessions.attendance.unmarked') : t(`sessions.attendance.${attendee.attendance}`)}
          </span>
          <button type="button" className="button button--secondary" disabled={mark.isPending} onClick={() => set(attendee.userId, Attendance.Attended)} data-testid="mark-attended">
            {t('sessions.attendance.markAttended', { name: attendee.fullName })}
          </button>
          <button type="button" className="button button--secondary" disabled={mark.isPending} onClick={() => set(attendee.userId, Attendance.NoShow)} data-testid="mark-no-show">
            {t('sessions.attendance.markNoShow', { name: attendee.fullName })}
          </button>
        </div>
      ))}
    </div>
  );
}

function SessionRow({ session, past }: { session: SessionResponse; past: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatTime = useFormatTime();
  const [mode, setMode] = useState<Mode>('idle');
  const cancelled = session.status === SessionStatus.Cancelled;
  const others = session.myRole === 'mentee' ? [session.mentor.fullName] : session.attendees.filter((attendee) => attendee.active).map((attendee) => attendee.fullName);
  return (
    <li className="session" data-testid="session-row" data-status={session.status}>
      <h3 className="person__name">
        <time dateTime={session.startsAt}>{formatDate(session.startsAt, 'full')}</time>
        {', '}
        {t('sessions.timeRange', { start: formatTime(session.startsAt), end: formatTime(session.endsAt) })}
      </h3>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t(session.myRole === 'mentee' ? 'sessions.withMentor' : 'sessions.withMentees')}</dt>
          <dd>{others.join(', ') || t('common.none')}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('sessions.fields.modality')}</dt>
          <dd>{t(`sessions.modality.${session.modality}`)}</dd>
        </div>
        <div className="facts__item">
          <dt>{session.meetingUrl ? t('sessions.meetingLink') : t('sessions.fields.location')}</dt>
          <dd>
            {session.meetingUrl ? (
              <a href={session.meetingUrl} target="_blank" rel="noopener noreferrer" dir="ltr" data-testid="meeting-link">
                {t('sessions.joinMeeting')}
              </a>
            ) : (
              (session.location ?? t('common.none'))
            )}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('sessions.fields.status')}</dt>
          <dd data-testid="session-status">
            {t(`sessions.status.${session.status}`)}
            {cancelled && session.cancelReason ? ` (${session.cancelReason})` : ''}
          </dd>
        </div>
      </dl>
      {!cancelled && !past && mode === 'idle' ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setMode('reschedule')} data-testid="reschedule-session">
            {t('sessions.reschedule.open')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setMode('cancel')} data-testid="cancel-session">
            {t('sessions.cancel.open')}
          </button>
        </div>
      ) : null}
      {mode === 'cancel' ? <CancelForm session={session} onDone={() => setMode('idle')} /> : null}
      {mode === 'reschedule' ? <RescheduleForm session={session} onDone={() => setMode('idle')} /> : null}
      {!cancelled && past && session.myRole === 'mentor' ? <AttendanceControls session={session} /> : null}
    </li>
  );
}

/** The signed-in student's sessions, upcoming first, then past ones newest first. */
export function SessionList() {
  const { t } = useTranslation();
  const sessions = useMySessions();
  if (sessions.isPending) return <LoadingMessage />;
  if (sessions.isError) return <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const now = Date.now();
  const upcoming = sessions.data.filter((session) => Date.parse(session.endsAt) > now);
  const past = sessions.data.filter((session) => Date.parse(session.endsAt) <= now).reverse();
  const hasBegun = (session: SessionResponse) => Date.parse(session.startsAt) <= now;
  return (
    <>
      <section className="panel" aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading" className="panel__title">
          {t('sessions.upcoming')}
        </h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">{t('sessions.noUpcoming')}</p>
        ) : (
          <ul className="session-list" data-testid="upcoming-sessions">
            {upcoming.map((session) => (
              <SessionRow key={session.id} session={session} past={hasBegun(session)} />
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="past-heading">
        <h2 id="past-heading" className="panel__title">
          {t('sessions.past')}
        </h2>
        {past.length === 0 ? (
          <p className="empty-state">{t('sessions.noPast')}</p>
        ) : (
          <ul className="session-list" data-testid="past-sessions">
            {past.map((session) => (
              <SessionRow key={session.id} session={session} past />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
