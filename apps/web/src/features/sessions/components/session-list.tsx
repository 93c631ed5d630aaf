import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Attendance, SessionStatus, type SessionResponse } from '@pm/contracts';
import { DateField } from '@web/components/date-time/date-field';
import { TimeField } from '@web/components/date-time/time-field';
import { TextAreaField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { useMySessions } from '@web/features/sessions/hooks/use-my-sessions';
import { useMarkAttendance, useUpdateSession } from '@web/features/sessions/hooks/use-session-mutations';
import { useSlots } from '@web/features/sessions/hooks/use-slots';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';
import { dayRange, localRange, viewerTimeZone } from './session-time';
import { useBookingError } from './use-booking-error';

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
  slot: string;
  start: string;
  end: string;
}

/** YYYY-MM-DD and HH:MM of an instant in the viewer's zone, to start the form from the session as it is. */
function localParts(iso: string): { day: string; time: string } {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/**
 * Moves a session. It starts from the session's own day and length and, for a mentee whose mentor published
 * hours, offers that day's free slots as booking does; otherwise (a mentor, or no published hours) a start
 * and end time, filled in with the current ones.
 */
function RescheduleForm({ session, onDone }: { session: SessionResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const formatTime = useFormatTime();
  const bookingError = useBookingError();
  const update = useUpdateSession();
  const [timeError, setTimeError] = useState<string | null>(null);
  const durationMinutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000);
  const current = localParts(session.startsAt);
  const {
    control,
    register,
    handleSubmit,
    watch,
    setError,
    formState: { errors },
  } = useForm<RescheduleValues>({ defaultValues: { day: current.day, slot: '', start: current.time, end: localParts(session.endsAt).time } });
  const day = watch('day');
  const range = day ? dayRange(day) : null;
  const asMentee = session.myRole === 'mentee';
  const slots = useSlots(asMentee ? session.mentorshipId : '', range ? { ...range, timeZone: viewerTimeZone(), durationMinutes } : null);
  const offerSlots = asMentee && slots.data?.published === true;
  const submit = handleSubmit(({ day: chosenDay, slot, start, end }) => {
    if (offerSlots) {
      const chosen = slots.data?.slots.find((candidate) => candidate.startsAt === slot);
      if (!chosen) {
        setError('slot', { message: t('sessions.book.chooseSlot') });
        return;
      }
      update.mutate({ sessionId: session.id, body: { startsAt: chosen.startsAt, endsAt: chosen.endsAt } }, { onSuccess: onDone });
      return;
    }
    const from = localRange(chosenDay, start, 1);
    const to = localRange(chosenDay, end, 1);
    if (!from || !to || to.startsAt <= from.startsAt) {
      setTimeError(t('sessions.reschedule.endAfterStart'));
      return;
    }
    setTimeError(null);
    update.mutate({ sessionId: session.id, body: { startsAt: from.startsAt, endsAt: to.startsAt } }, { onSuccess: onDone });
  });
  const required = { required: t('validation.required') };
  const other = session.myRole === 'mentee' ? session.mentor.fullName : (session.attendees.find((attendee) => attendee.active)?.fullName ?? null);
  const problem = bookingError(update.error, other);

  const times = (() => {
    if (asMentee && range && slots.isPending) return <LoadingMessage />;
    if (asMentee && slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
    if (offerSlots && slots.data) {
      if (slots.data.slots.length === 0) return <p className="empty-state">{t('sessions.book.noSlots')}</p>;
      return (
        <fieldset className="fieldset" aria-describedby={errors.slot ? `reschedule-slot-error-${session.id}` : undefined}>
          <legend className="field__label">{t('sessions.book.slot')}</legend>
          <div className="slot-grid">
            {slots.data.slots.map((slot) => (
              <label key={slot.startsAt} className="radio">
                <input type="radio" value={slot.startsAt} data-testid="reschedule-slot-option" {...register('slot')} />
                <span className="radio__label">{t('sessions.timeRange', { start: formatTime(slot.startsAt), end: formatTime(slot.endsAt) })}</span>
              </label>
            ))}
          </div>
          {errors.slot ? (
            <p className="field__error" id={`reschedule-slot-error-${session.id}`} role="alert">
              {errors.slot.message}
            </p>
          ) : null}
        </fieldset>
      );
    }
    return (
      <>
        <TimeField id={`reschedule-start-${session.id}`} label={t('sessions.fields.start')} aria-required control={control} name="start" rules={required} error={errors.start?.message} />
        <TimeField id={`reschedule-end-${session.id}`} label={t('sessions.fields.end')} aria-required control={control} name="end" rules={required} error={errors.end?.message ?? timeError ?? undefined} />
      </>
    );
  })();

  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="reschedule-form">
      {problem ? (
        <div className="alert alert--error" role="alert" data-testid="reschedule-error">
          {problem}
        </div>
      ) : null}
      <p className="field__hint">{t('booking.rescheduleHint', { count: durationMinutes })}</p>
      <DateField id={`reschedule-day-${session.id}`} label={t('sessions.fields.day')} aria-required control={control} name="day" rules={required} error={errors.day?.message} />
      {times}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={update.isPending} data-testid="reschedule-submit">
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
    <li className="session" data-testid="session-row" data-status={session.status} data-session-id={session.id} tabIndex={-1}>
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
      {!cancelled && Date.parse(session.startsAt) <= Date.now() && session.myRole === 'mentor' ? (
        <Link to={`/sessions/${session.id}/log`} className="button button--secondary" data-testid="log-session">
          {t('relationship.logSession')}
        </Link>
      ) : null}
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
