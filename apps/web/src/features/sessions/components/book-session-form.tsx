import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MentorshipStatus, Modality, type MyMentorshipResponse } from '@pm/contracts';
import { DateField } from '@web/components/date-time/date-field';
import { TimeField } from '@web/components/date-time/time-field';
import { SelectField, TextField } from '@web/components/field';
import { LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useBookSession } from '@web/features/sessions/hooks/use-session-mutations';
import { useSlots } from '@web/features/sessions/hooks/use-slots';
import { useFormatDate, useFormatTime } from '@web/lib/use-format-date';
import { dayRange, localRange, viewerTimeZone } from './session-time';
import { useBookingError } from './use-booking-error';

const DURATIONS = [30, 45, 60, 90] as const;

/** Virtual when the pair can, as it needs no room; else their one shared way. */
const preferredModality = (shared: readonly Modality[]): Modality | undefined => (shared.includes(Modality.Virtual) ? Modality.Virtual : shared[0]);

interface BookValues {
  mentorshipId: string;
  day: string;
  durationMinutes: string;
  slot: string;
  start: string;
  modality: Modality;
  location: string;
}

/**
 * Books a session of one of the student's active mentorships. A mentee picks a free slot of their mentor (or
 * any time, when the mentor published no hours); a mentor books for their mentee at any time, as the
 * contract allows. Only the ways both can meet are offered; the API refuses the others too.
 */
export function BookSessionForm({ mentorships }: { mentorships: readonly MyMentorshipResponse[] }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatTime = useFormatTime();
  const bookingError = useBookingError();
  const book = useBookSession();
  const [booked, setBooked] = useState<string | null>(null);
  const mine = mentorships.filter((mentorship) => mentorship.status === MentorshipStatus.Active);
  const {
    register,
    control,
    handleSubmit,
    watch,
    setError,
    setValue,
    getValues,
    reset,
    formState: { errors },
  } = useForm<BookValues>({
    defaultValues: {
      mentorshipId: mine[0]?.id ?? '',
      day: '',
      durationMinutes: '60',
      slot: '',
      start: '',
      modality: preferredModality(mine[0]?.sharedModalities ?? []) ?? Modality.Virtual,
      location: '',
    },
  });
  const [mentorshipId, day, durationText, modality] = watch(['mentorshipId', 'day', 'durationMinutes', 'modality']);
  const selected = mine.find((mentorship) => mentorship.id === mentorshipId);
  const shared = selected?.sharedModalities ?? [];
  const asMentor = selected?.myRole === 'mentor';
  const durationMinutes = Number(durationText);
  const range = day ? dayRange(day) : null;
  const timeZone = viewerTimeZone();
  // A mentor may book any time, so their own published hours do not limit the choice.
  const slots = useSlots(mentorshipId, range && !asMentor ? { ...range, timeZone, durationMinutes } : null);
  const sharedKey = shared.join(',');

  // Another mentorship may share other ways to meet: never keep one the new pair does not share.
  useEffect(() => {
    const ways = sharedKey === '' ? [] : (sharedKey.split(',') as Modality[]);
    const preferred = preferredModality(ways);
    if (preferred !== undefined && !ways.includes(getValues('modality'))) setValue('modality', preferred);
  }, [sharedKey, getValues, setValue]);

  if (mine.length === 0) return null;

  const submit = handleSubmit(
    (values) => {
      setBooked(null);
      if (!shared.includes(values.modality)) {
        setError('modality', { message: t('booking.chooseModality') });
        return;
      }
      let times: { startsAt: string; endsAt: string } | null = null;
      if (!asMentor && slots.data?.published) {
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
          // A refusal replaces any earlier success: two messages would contradict each other.
          onError: () => setBooked(null),
        },
      );
    },
    () => setBooked(null),
  );

  const bookError = bookingError(book.error, selected?.other.fullName ?? null);

  const timePicker = (() => {
    if (!range) return <p className="field__hint">{asMentor ? t('booking.pickDayMentor') : t('sessions.book.pickDayFirst')}</p>;
    if (asMentor) {
      return (
        <>
          <p className="field__hint">{t('booking.mentorAnyTime', { name: selected.other.fullName })}</p>
          <TimeField id="book-start" label={t('sessions.fields.start')} aria-required control={control} name="start" rules={{ required: t('validation.required') }} error={errors.start?.message} />
        </>
      );
    }
    if (slots.isPending) return <LoadingMessage />;
    if (slots.isError) return <QueryError error={slots.error} onRetry={() => void slots.refetch()} />;
    if (!slots.data.published) {
      return (
        <>
          <p className="field__hint">{t('sessions.book.noAvailability')}</p>
          <TimeField id="book-start" label={t('sessions.fields.start')} aria-required control={control} name="start" rules={{ required: t('validation.required') }} error={errors.start?.message} />
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
              {mentorship.myRole === 'mentor'
                ? t('booking.menteeOption', { mentee: mentorship.other.fullName, program: mentorship.programName })
                : t('sessions.book.mentorshipOption', { mentor: mentorship.other.fullName, program: mentorship.programName })}
            </option>
          ))}
        </SelectField>
        <DateField id="book-day" label={t('sessions.fields.day')} aria-required control={control} name="day" rules={{ required: t('validation.required') }} error={errors.day?.message} />
        <SelectField id="book-duration" label={t('sessions.fields.duration')} registration={register('durationMinutes')}>
          {DURATIONS.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {t('sessions.minutes', { count: minutes })}
            </option>
          ))}
        </SelectField>
        {timePicker}
        <fieldset className="fieldset" aria-describedby="book-modality-hint">
          <legend className="field__label">{t('sessions.fields.modality')}</legend>
          <p className="field__hint" id="book-modality-hint">
            {shared.length === 0 ? t('booking.noSharedModality', { name: selected?.other.fullName ?? '' }) : t('booking.sharedModalityHint')}
          </p>
          <div className="radio-group">
            {shared.map((value) => (
              <label key={value} className="radio">
                <input type="radio" value={value} data-testid={`modality-${value}`} {...register('modality')} />
                <span className="radio__label">{t(`sessions.modality.${value}`)}</span>
              </label>
            ))}
          </div>
          {errors.modality ? (
            <p className="field__error" role="alert">
              {errors.modality.message}
            </p>
          ) : null}
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
        <button type="submit" className="button button--primary" disabled={book.isPending || shared.length === 0} data-testid="book-submit">
          {book.isPending ? t('sessions.book.submitting') : t('sessions.book.submit')}
        </button>
      </form>
    </section>
  );
}
