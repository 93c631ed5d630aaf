import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_BUFFER_MINUTES, type AvailabilityRequest, type AvailabilityResponse } from '@pm/contracts';
import { DateField } from '@web/components/date-time/date-field';
import { TimeField } from '@web/components/date-time/time-field';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useMyAvailability, usePublishAvailability, useWithdrawAvailability } from '@web/features/sessions/hooks/use-availability';
import { viewerTimeZone } from './session-time';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

interface AvailabilityValues {
  timeZone: string;
  bufferMinutes: string;
  weekly: Array<{ weekday: string; start: string; end: string }>;
  overrides: Array<{ date: string; kind: 'off' | 'extra'; start: string; end: string }>;
}

const toValues = (saved: AvailabilityResponse): AvailabilityValues => ({
  timeZone: saved.timeZone || viewerTimeZone(),
  bufferMinutes: String(saved.bufferMinutes),
  weekly: saved.weekly.map((window) => ({ weekday: String(window.weekday), start: window.start, end: window.end })),
  overrides: saved.overrides.map((override) => ({ date: override.date, kind: override.available ? 'extra' : 'off', start: override.start ?? '', end: override.end ?? '' })),
});

/** "24:00" ends a window at midnight, so a plain string comparison of "HH:MM" orders the times. */
const endsAfterStart = (start: string, end: string): boolean => start !== '' && end !== '' && end > start;

function toRequest(values: AvailabilityValues): AvailabilityRequest {
  return {
    timeZone: values.timeZone.trim(),
    bufferMinutes: Number(values.bufferMinutes),
    weekly: values.weekly.map((window) => ({ weekday: Number(window.weekday), start: window.start, end: window.end })),
    overrides: values.overrides.map((override) =>
      override.kind === 'off' ? { date: override.date, available: false } : { date: override.date, available: true, start: override.start, end: override.end },
    ),
  };
}

function AvailabilityEditor({ saved }: { saved: AvailabilityResponse }) {
  const { t } = useTranslation();
  const publish = usePublishAvailability();
  const withdraw = useWithdrawAvailability();
  const [message, setMessage] = useState<string | null>(null);
  const [timeError, setTimeError] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    watch,
    formState: { errors },
  } = useForm<AvailabilityValues>({ defaultValues: toValues(saved) });
  const weekly = useFieldArray({ control, name: 'weekly' });
  const overrides = useFieldArray({ control, name: 'overrides' });
  const overrideKinds = watch('overrides');

  const submit = handleSubmit((values) => {
    setMessage(null);
    const windows = [...values.weekly, ...values.overrides.filter((override) => override.kind === 'extra')];
    if (windows.some((window) => !endsAfterStart(window.start, window.end))) {
      setTimeError(t('sessions.availability.endAfterStart'));
      return;
    }
    setTimeError(null);
    publish.mutate(toRequest(values), { onSuccess: () => setMessage(t('sessions.availability.saved')) });
  });

  const required = { required: t('validation.required') };
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} data-testid="availability-form">
      <p className="muted" data-testid="availability-state">
        {saved.published ? t('sessions.availability.published') : t('sessions.availability.notPublished')}
      </p>
      <ErrorAlert error={publish.error ?? withdraw.error} />
      {timeError ? (
        <div className="alert alert--error" role="alert">
          {timeError}
        </div>
      ) : null}
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      <TextField id="availability-zone" label={t('sessions.availability.timeZone')} aria-required dir="ltr" registration={register('timeZone', required)} error={errors.timeZone?.message} />
      <TextField
        id="availability-buffer"
        type="number"
        min={0}
        max={MAX_BUFFER_MINUTES}
        label={t('sessions.availability.buffer')}
        registration={register('bufferMinutes', { validate: (value) => (Number.isInteger(Number(value)) && Number(value) >= 0 && Number(value) <= MAX_BUFFER_MINUTES) || t('validation.required') })}
        error={errors.bufferMinutes?.message}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('sessions.availability.weekly')}</legend>
        {weekly.fields.map((field, index) => (
          <div key={field.id} className="button-row" data-testid="weekly-window">
            <SelectField id={`weekly-${index}-day`} label={t('sessions.fields.day')} registration={register(`weekly.${index}.weekday`)}>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {t(`sessions.availability.weekday.${day}`)}
                </option>
              ))}
            </SelectField>
            <TimeField id={`weekly-${index}-start`} label={t('sessions.availability.from')} control={control} name={`weekly.${index}.start`} rules={required} error={errors.weekly?.[index]?.start?.message} />
            <TimeField id={`weekly-${index}-end`} label={t('sessions.availability.to')} control={control} name={`weekly.${index}.end`} rules={required} error={errors.weekly?.[index]?.end?.message} />
            <button type="button" className="button button--secondary" onClick={() => weekly.remove(index)}>
              {t('sessions.availability.remove')}
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="button button--secondary" onClick={() => weekly.append({ weekday: '1', start: '09:00', end: '12:00' })} data-testid="add-weekly">
            {t('sessions.availability.addWindow')}
          </button>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="field__label">{t('sessions.availability.overrides')}</legend>
        {overrides.fields.map((field, index) => (
          <div key={field.id} className="button-row" data-testid="override">
            <DateField id={`override-${index}-date`} label={t('sessions.availability.overrideDate')} control={control} name={`overrides.${index}.date`} rules={required} error={errors.overrides?.[index]?.date?.message} />
            <SelectField id={`override-${index}-kind`} label={t('sessions.availability.overrideKind')} registration={register(`overrides.${index}.kind`)}>
              <option value="off">{t('sessions.availability.dayOff')}</option>
              <option value="extra">{t('sessions.availability.extraHours')}</option>
            </SelectField>
            {overrideKinds[index]?.kind === 'extra' ? (
              <>
                <TimeField id={`override-${index}-start`} label={t('sessions.availability.from')} control={control} name={`overrides.${index}.start`} error={errors.overrides?.[index]?.start?.message} />
                <TimeField id={`override-${index}-end`} label={t('sessions.availability.to')} control={control} name={`overrides.${index}.end`} error={errors.overrides?.[index]?.end?.message} />
              </>
            ) : null}
            <button type="button" className="button button--secondary" onClick={() => overrides.remove(index)}>
              {t('sessions.availability.remove')}
            </button>
          </div>
        ))}
        <div>
          <button type="button" className="button button--secondary" onClick={() => overrides.append({ date: '', kind: 'off', start: '', end: '' })}>
            {t('sessions.availability.addOverride')}
          </button>
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={publish.isPending} data-testid="availability-save">
          {publish.isPending ? t('sessions.availability.saving') : t('sessions.availability.save')}
        </button>
        {saved.published ? (
          <button
            type="button"
            className="button button--danger"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onSuccess: () => setMessage(t('sessions.availability.withdrawn')) })}
            data-testid="availability-withdraw"
          >
            {t('sessions.availability.withdraw')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A mentor's weekly hours, in their own time zone, with a buffer and date exceptions. */
export function AvailabilityCard() {
  const { t } = useTranslation();
  const availability = useMyAvailability();
  return (
    <section className="panel" aria-labelledby="availability-heading">
      <h2 id="availability-heading" className="panel__title">
        {t('sessions.availability.heading')}
      </h2>
      <p className="field__hint">{t('sessions.availability.intro')}</p>
      {availability.isPending ? <LoadingMessage /> : null}
      {availability.isError ? <QueryError error={availability.error} onRetry={() => void availability.refetch()} /> : null}
      {availability.data ? <AvailabilityEditor key={`${availability.data.updatedAt ?? 'new'}-${String(availability.data.published)}`} saved={availability.data} /> : null}
    </section>
  );
}
