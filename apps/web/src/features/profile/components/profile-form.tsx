import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MAX_YEAR_OF_STUDY, MIN_YEAR_OF_STUDY, MODALITIES, type Modality, type ProfileResponse, type UpdateProfileRequest } from '@pm/contracts';
import { SelectField, TextField } from '@web/components/field';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { useProfile } from '@web/features/profile/hooks/use-profile';
import { useUpdateProfile } from '@web/features/profile/hooks/use-update-profile';
import { splitList } from '@web/lib/validation';

/** Lists are typed as comma-separated text; the API's limits are checked here so the message is specific. */
interface ProfileValues {
  yearOfStudy: string;
  interests: string;
  languages: string;
  modalities: Modality[];
  campus: string;
}

const LIMITS = {
  interests: { max: 20, length: 60 },
  languages: { max: 10, length: 40 },
  campus: 200,
} as const;

const YEARS = Array.from({ length: MAX_YEAR_OF_STUDY - MIN_YEAR_OF_STUDY + 1 }, (_, i) => MIN_YEAR_OF_STUDY + i);

const toValues = (profile: ProfileResponse): ProfileValues => ({
  yearOfStudy: profile.yearOfStudy === null ? '' : String(profile.yearOfStudy),
  interests: profile.interests.join(', '),
  languages: profile.languages.join(', '),
  modalities: profile.modalities,
  campus: profile.campus ?? '',
});

const toRequest = (values: ProfileValues): UpdateProfileRequest => ({
  yearOfStudy: Number(values.yearOfStudy),
  interests: splitList(values.interests),
  languages: splitList(values.languages),
  modalities: values.modalities,
  campus: values.campus.trim() || null,
});

const withinLimits = (text: string, { max, length }: { max: number; length: number }): boolean => {
  const items = splitList(text);
  return items.length <= max && items.every((item) => item.length <= length);
};

function ProfileFields({ profile, onSaved }: { profile: ProfileResponse; onSaved?: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors },
  } = useForm<ProfileValues>({ defaultValues: toValues(profile) });

  const submit = handleSubmit((values) => {
    setSaved(false);
    update.mutate(toRequest(values), {
      onSuccess: (next) => {
        // Show what the API stored (trimmed, duplicates dropped), not what was typed.
        reset(toValues(next));
        setSaved(true);
        onSaved?.();
      },
    });
  });

  const listMessage = (limits: { max: number; length: number }): string => t('validation.listTooLong', limits);

  return (
    <form className="form panel" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorAlert error={update.error} />
      {saved ? <SuccessMessage>{t('profile.saved')}</SuccessMessage> : null}
      <SelectField
        id="profile-year"
        label={t('auth.fields.yearOfStudy')}
        aria-required
        registration={register('yearOfStudy', { required: t('validation.required') })}
        error={errors.yearOfStudy?.message}
      >
        <option value="">{t('auth.fields.chooseYear')}</option>
        {YEARS.map((year) => (
          <option key={year} value={year}>
            {t('common.yearOfStudy', { year })}
          </option>
        ))}
      </SelectField>
      <TextField
        id="profile-interests"
        label={t('profile.interests')}
        hint={t('profile.interestsHint')}
        registration={register('interests', {
          validate: (value) => withinLimits(value, LIMITS.interests) || listMessage(LIMITS.interests),
        })}
        error={errors.interests?.message}
      />
      <TextField
        id="profile-languages"
        label={t('profile.languages')}
        hint={t('profile.languagesHint')}
        registration={register('languages', {
          validate: (value) => withinLimits(value, LIMITS.languages) || listMessage(LIMITS.languages),
        })}
        error={errors.languages?.message}
      />
      <fieldset className="fieldset">
        <legend className="field__label">{t('profile.modalities')}</legend>
        <div className="checkbox-group">
          {MODALITIES.map((modality) => (
            <div key={modality} className="checkbox">
              <input id={`profile-modality-${modality}`} type="checkbox" value={modality} {...register('modalities')} />
              <label htmlFor={`profile-modality-${modality}`}>{t(`profile.modality.${modality}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextField
        id="profile-campus"
        label={t('profile.campus')}
        registration={register('campus', {
          maxLength: { value: LIMITS.campus, message: t('validation.maxLength', { count: LIMITS.campus }) },
        })}
        error={errors.campus?.message}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('profile.submitting') : t('profile.submit')}
        </button>
      </div>
    </form>
  );
}

/** Waits for the stored profile so the form starts from it rather than from blanks that would overwrite it. */
/** `onSaved`: what comes next once the profile is stored (the onboarding step moves on to the program). */
export function ProfileForm({ onSaved }: { onSaved?: () => void } = {}) {
  const profile = useProfile();
  if (profile.isPending) return <LoadingMessage />;
  if (profile.isError) return <QueryError error={profile.error} onRetry={() => void profile.refetch()} />;
  return <ProfileFields profile={profile.data} onSaved={onSaved} />;
}
