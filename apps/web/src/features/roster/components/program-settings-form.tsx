import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DateField } from '@web/components/date-time/date-field';
import { useTranslation } from 'react-i18next';
import type { ProgramResponse, UpdateProgramRequest } from '@pm/contracts';
import { TextField } from '@web/components/field';
import { ErrorAlert, SuccessMessage } from '@web/components/feedback';
import { useCloseProgram, useUpdateProgram } from '@web/features/roster/hooks/use-program-settings';
import { useFormatDate } from '@web/lib/use-format-date';

interface SettingsValues {
  name: string;
  startsOn: string;
  endsOn: string;
  timezone: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const validTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Only what changed is sent, so a PATCH never rewrites a field someone else just edited. */
const changesOf = (program: ProgramResponse, values: SettingsValues): UpdateProgramRequest => {
  const body: UpdateProgramRequest = {};
  if (values.name.trim() !== program.name) body.name = values.name.trim();
  if (values.startsOn !== program.startsOn) body.startsOn = values.startsOn;
  if (values.endsOn !== program.endsOn) body.endsOn = values.endsOn;
  if (values.timezone.trim() !== program.timezone) body.timezone = values.timezone.trim();
  return body;
};

/**
 * A program's name, dates and time zone. Moving the start date changes which grades count as before and
 * after mentoring, so the form says so and asks again before saving such a change.
 */
export function ProgramSettingsForm({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const update = useUpdateProgram(program.id);
  const [saved, setSaved] = useState(false);
  const [startMoveConfirmed, setStartMoveConfirmed] = useState(false);
  const closed = Boolean(program.closedAt);
  const {
    register,
    control,
    handleSubmit,
    watch,
    reset,
    formState: { errors },
  } = useForm<SettingsValues>({ defaultValues: { name: program.name, startsOn: program.startsOn, endsOn: program.endsOn, timezone: program.timezone } });

  const startsOn = watch('startsOn');
  const startMoves = ISO_DATE.test(startsOn) && startsOn !== program.startsOn;

  const submit = handleSubmit((values) => {
    setSaved(false);
    const body = changesOf(program, values);
    if (Object.keys(body).length === 0) {
      setSaved(true);
      return;
    }
    if (body.startsOn && !startMoveConfirmed) return;
    update.mutate(body, {
      onSuccess: (next) => {
        reset({ name: next.name, startsOn: next.startsOn, endsOn: next.endsOn, timezone: next.timezone });
        setStartMoveConfirmed(false);
        setSaved(true);
      },
    });
  });

  return (
    <form className="form panel" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="settings-heading" data-testid="program-settings">
      <h2 id="settings-heading" className="panel__title">
        {t('onboarding.settings.heading')}
      </h2>
      {closed ? <p className="notice notice--warning">{t('onboarding.closedNotice')}</p> : null}
      <ErrorAlert error={update.error} />
      {saved ? <SuccessMessage>{t('onboarding.settings.saved')}</SuccessMessage> : null}
      <fieldset className="fieldset" disabled={closed}>
        <TextField
          id="settings-name"
          label={t('onboarding.settings.name')}
          registration={register('name', { validate: (v) => (v.trim().length > 0 && v.trim().length <= 200) || t('onboarding.settings.nameRequired') })}
          error={errors.name?.message}
        />
        {/* Dates in the reader's calendar: Jalali with Persian digits in Persian, Gregorian in English. */}
        <DateField
          id="settings-starts"
          label={t('onboarding.settings.startsOn')}
          hint={t('onboarding.settings.startsOnHint')}
          control={control}
          name="startsOn"
          rules={{ validate: (v: string) => ISO_DATE.test(v) || t('onboarding.settings.dateRequired') }}
          error={errors.startsOn?.message}
        />
        <DateField
          id="settings-ends"
          label={t('onboarding.settings.endsOn')}
          control={control}
          name="endsOn"
          rules={{
            validate: (v: string, all: SettingsValues) =>
              ISO_DATE.test(v) ? v >= all.startsOn || t('onboarding.settings.endsBeforeStart') : t('onboarding.settings.dateRequired'),
          }}
          error={errors.endsOn?.message}
        />
        <TextField
          id="settings-timezone"
          dir="ltr"
          label={t('onboarding.settings.timezone')}
          hint={t('onboarding.settings.timezoneHint')}
          registration={register('timezone', { validate: (v) => validTimeZone(v.trim()) || t('onboarding.settings.timezoneInvalid') })}
          error={errors.timezone?.message}
        />
        {startMoves ? (
          <div className="alert alert--warning" role="alert" data-testid="starts-on-warning">
            <p>{t('onboarding.settings.startMoveWarning', { from: formatDate(program.startsOn), to: formatDate(startsOn) })}</p>
            <label className="checkbox">
              <input type="checkbox" checked={startMoveConfirmed} onChange={(event) => setStartMoveConfirmed(event.target.checked)} data-testid="starts-on-confirm" />{' '}
              {t('onboarding.settings.startMoveConfirm')}
            </label>
          </div>
        ) : null}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={update.isPending || (startMoves && !startMoveConfirmed)} data-testid="settings-save">
            {update.isPending ? t('onboarding.settings.saving') : t('onboarding.settings.save')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** Closing is for good (from the dashboard): the name must be typed to confirm it. */
export function CloseProgramPanel({ program }: { program: ProgramResponse }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const close = useCloseProgram(program.id);
  const [confirmName, setConfirmName] = useState('');
  if (program.closedAt) {
    return (
      <section className="panel" aria-labelledby="close-heading">
        <h2 id="close-heading" className="panel__title">
          {t('onboarding.close.heading')}
        </h2>
        <p data-testid="program-closed">{t('onboarding.close.closedOn', { date: formatDate(program.closedAt) })}</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="close-heading">
      <h2 id="close-heading" className="panel__title">
        {t('onboarding.close.heading')}
      </h2>
      <div className="stack">
        <p>{t('onboarding.close.explain')}</p>
        <ErrorAlert error={close.error} />
        <div className="field">
          <label className="field__label" htmlFor="close-confirm">
            {t('onboarding.close.typeName', { name: program.name })}
          </label>
          <input id="close-confirm" className="field__control" value={confirmName} onChange={(event) => setConfirmName(event.target.value)} autoComplete="off" dir="auto" />
        </div>
        <div className="form__actions">
          <button type="button" className="button button--danger" disabled={close.isPending || confirmName.trim() !== program.name} onClick={() => close.mutate(confirmName.trim())} data-testid="close-program">
            {t('onboarding.close.submit')}
          </button>
        </div>
      </div>
    </section>
  );
}
