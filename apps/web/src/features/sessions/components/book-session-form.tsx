import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus, Modality, type MyMentorshipResponse } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useBookSession } from '@web/features/sessions/hooks/use-session-mutations';
import { useSlots } from '@web/features/sessions/hooks/use-slots';
import { isApiError } from '@web/lib/api-error';
import { describeError } from '@web/lib/describe-error';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';
import { dayRange, localRange, viewerTimeZone } from './session-time';

const DURATIONS = [30, 45, 60, 90] as const;

interface BookValues {
  mentorshipId: string;
  day: string;
  durationMinutes: string;
  slot: string;
  start: string;
  modality: Modality;
  location: string;
}

/** A mentee books a session with their mentor: a free slot (or any time, when the mentor published no hours), in person or virtual. */
export function BookSessionForm({ mentorships }: { mentorships: readonly MyMentorshipResponse[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatTime = useFormatTime();
  const book = useBookSession();
  const [booked, setBooked] = useState<string | null>(null);
  const mine = mentorships.filter((mentorship) => mentorship.myRole === 'mentee' && mentorship.status === MentorshipStatus.Active);
  const {
    register,
    handleSubmit,
    watch,
    setError,
    reset,
    formState: { errors },
  } = useForm<BookValues>({
    defaultValues: { mentorshipId: mine[0]?.id ?? '', day: '', durationMinutes: '60', slot: '', start: '', modality: Modality.Virtual, location: '' },
  });
  const [mentorshipId, day, durationText, modality] = watch(['mentorshipId', 'day', 'durationMinutes', 'modality']);
  const durationMinutes = Number(durationText);
  const range = day ? dayRange(day) : null;
  const timeZone = viewerTimeZone();
  const slots = useSlots(mentorshipId, range ? { ...range, timeZone, durationMinutes } : null);

  if (mine.length === 0) return null;

  const submit = handleSubmit((values) => {
    setBooked(null);
    let times: { startsAt: string; endsAt: string } | null = null;
    if (slots.data?.published) {
      const chosen = slots.data.slots.find((slot) => slot.startsAt === values.slot);
      if (!chosen) {
        setError('slot', { message: t('sessions.book.chooseSlot') });
        return;
      }
      times = { startsAt: chosen.startsAt, endsAt: chosen.endsAt };
    } else {
      times = localRange(values.day, values.start, durationMinutes);
      if (!times) {
        setError('start', { message: t('validation.required') });
        return;
      }
    }
    const location = values.location.trim();
    book.mutate(
      { mentorshipId: values.mentorshipId, ...times, modality: values.modality, ...(values.modality === Modality.InPerson ? { location } : {}) },
      {
        onSuccess: (session) => {
          setBooked(t('sessions.book.success', { date: formatDate(session.startsAt, 'full'), time: formatTime(session.startsAt) }));
          reset({ ...values, slot: '', start: '' });
        },
      },
    );
  });

  const bookError = (() => {
    if (!book.error) return null;
    if (isApiError(book.error) && book.error.conflict) {
      const { startsAt, endsAt } = book.error.conflict;
      return t('sessions.book.conflict', { date: formatDate(startsAt, 'full'), start: formatTime(startsAt), end: formatTime(endsAt) });
    }
    return describeError(book.error, t);
  })();

  const timePicker = (() => {
    if (!range) return <p className="field__hint">{t('sessions.book.pickDayFirst')}</p>;
    if (slots.isPending) return <LoadingMessage />;
    if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
    if (!slots.data.published) {
      return (
        <>
          <p className="field__hint">{t('sessions.book.noAvailability')}</p>
          <TextField id="book-start" type="time" label={t('sessions.fields.start')} aria-required registration={register('start', { required: t('validation.required') })} error={errors.start?.message} />
        </>
      );
    }
    if (slots.data.slots.length === 0) return <p className="empty-state">{t('sessions.book.noSlots')}</p>;
    return (
      <fieldset className="fieldset" aria-describedby={errors.slot ? 'book-slot-error' : undefined}>
        <legend className="field__label">{t('sessions.book.slot')}</legend>
        <div className="slot-grid">
          {slots.data.slots.map((slot) => (
            <label key={slot.startsAt} className="radio">
              <input type="radio" value={slot.startsAt} data-testid="slot-option" {...register('slot')} />
              <span className="radio__label">{t('sessions.timeRange', { start: formatTime(slot.startsAt), end: formatTime(slot.endsAt) })}</span>
            </label>
          ))}
        </div>
        {errors.slot ? (
          <p className="field__error" id="book-slot-error" role="alert">
            {errors.slot.message}
          </p>
        ) : null}
      </fieldset>
    );
  })();

  return (
    <section className="panel" aria-labelledby="book-heading">
      <h2 id="book-heading" className="panel__title">
        {t('sessions.book.heading')}
      </h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="book-session-form">
        <p className="field__hint">{t('sessions.book.timeZoneHint', { timeZone })}</p>
        {bookError ? (
          <div className="alert alert--error" role="alert" data-testid="book-error">
            {bookError}
          </div>
        ) : null}
        {booked ? <SuccessMessage>{booked}</SuccessMessage> : null}
        <SelectField id="book-mentorship" label={t('sessions.book.mentorship')} aria-required registration={register('mentorshipId', { required: t('validation.required') })} error={errors.mentorshipId?.message}>
          {mine.map((mentorship) => (
            <option key={mentorship.id} value={mentorship.id}>
              {t('sessions.book.mentorshipOption', { mentor: mentorship.other.fullName, program: mentorship.programName })}
            </option>
          ))}
        </SelectField>
        <TextField id="book-day" type="date" label={t('sessions.fields.day')} aria-required registration={register('day', { required: t('validation.required') })} error={errors.day?.message} />
        <SelectField id="book-duration" label={t('sessions.fields.duration')} registration={register('durationMinutes')}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {t('sessions.minutes', { count: minutes })}
            </option>
          ))}
        </SelectField>
        {timePicker}
        <fieldset className="fieldset">
          <legend className="field__label">{t('sessions.fields.modality')}</legend>
          <div className="radio-group">
            {[Modality.Virtual, Modality.InPerson].map((value) => (
              <label key={value} className="radio">
                <input type="radio" value={value} data-testid={`modality-${value}`} {...register('modality')} />
                <span className="radio__label">{t(`sessions.modality.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {modality === Modality.InPerson ? (
          <TextField
            id="book-location"
            label={t('sessions.fields.location')}
            hint={t('sessions.book.locationHint')}
            aria-required
            maxLength={200}
            registration={register('location', { validate: (value) => value.trim() !== '' || t('sessions.book.locationRequired') })}
            error={errors.location?.message}
          />
        ) : null}
        <button type="submit" className="button button--primary" disabled={book.isPending} data-testid="book-submit">
          {book.isPending ? t('sessions.book.submitting') : t('sessions.book.submit')}
        </button>
      </form>
    </section>
  );
}
