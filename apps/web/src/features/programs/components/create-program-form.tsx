import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateProgramRequest } from '@pm/contracts';
import { DateField } from '@web/components/date-time/date-field';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert } from '@web/components/feedback';
import { useCreateProgram } from '@web/features/programs/hooks/use-create-program';

const FALLBACK_TIME_ZONE = 'UTC';

/** Every IANA zone the browser knows, with the user's own first among the defaults. */
function useTimeZones(): { zones: string[]; local: string } {
  return useMemo(() => {
    const local = Intl.DateTimeFormat().resolvedOptions().timeZone || FALLBACK_TIME_ZONE;
    const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const zones = [...new Set([...known, local, FALLBACK_TIME_ZONE])].sort();
    return { zones, local };
  }, []);
}

export function CreateProgramForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const createProgram = useCreateProgram();
  const { zones, local } = useTimeZones();
  const {
    register,
    control,
    handleSubmit,
    formState: { errors },
  } = useForm<CreateProgramRequest>({ defaultValues: { name: '', timezone: local, startsOn: '', endsOn: '' } });

  const submit = handleSubmit((values) =>
    createProgram.mutate(
      { ...values, name: values.name.trim() },
      { onSuccess: (program) => void navigate(`/programs/${program.id}`) },
    ),
  );

  return (
    <form className="form panel" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={createProgram.error} />
      <TextField
        id="program-name"
        label={t('programs.create.name')}
        aria-required
        registration={register('name', {
          required: t('validation.required'),
          validate: (value) => value.trim().length > 0 || t('validation.required'),
          maxLength: { value: 200, message: t('validation.maxLength', { count: 200 }) },
        })}
        error={errors.name?.message}
      />
      <SelectField
        id="program-timezone"
        label={t('programs.create.timezone')}
        hint={t('programs.create.timezoneHint')}
        dir="ltr"
        registration={register('timezone', { required: t('validation.required') })}
        error={errors.timezone?.message}
      >
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone}
          </option>
        ))}
      </SelectField>
      <div className="form__row">
        <DateField
          id="program-starts-on"
          label={t('programs.create.startsOn')}
          hint={t('programs.create.startsOnHint')}
          aria-required
          control={control}
          name="startsOn"
          rules={{ required: t('validation.required') }}
          error={errors.startsOn?.message}
        />
        <DateField
          id="program-ends-on"
          label={t('programs.create.endsOn')}
          aria-required
          control={control}
          name="endsOn"
          rules={{
            required: t('validation.required'),
            // ISO dates compare correctly as strings.
            validate: (endsOn, values) => !values.startsOn || endsOn >= values.startsOn || t('programs.create.endsBeforeStart'),
          }}
          error={errors.endsOn?.message}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={createProgram.isPending}>
          {createProgram.isPending ? t('programs.create.submitting') : t('programs.create.submit')}
        </button>
      </div>
    </form>
  );
}
