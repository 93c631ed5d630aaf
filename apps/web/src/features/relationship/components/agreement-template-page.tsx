import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MAX_AGREEMENT_GOALS, MAX_CONFIDENTIALITY_LENGTH, MAX_MEETINGS_PER_MONTH, MIN_MEETINGS_PER_MONTH, type AgreementTemplate } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError, SuccessMessage } from '@web/components/feedback';
import { TextAreaField, TextField } from '@web/components/field';
import { PageHeader } from '@web/components/page-header';
import { useSaveTemplate, useTemplate } from '@web/features/relationship/hooks/use-relationship';

interface TemplateValues {
  goalsEn: string;
  goalsFa: string;
  meetingsPerMonth: string;
  confidentialityEn: string;
  confidentialityFa: string;
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

function TemplateForm({ programId, template }: { programId: string; template: AgreementTemplate }) {
  const { t } = useTranslation();
  const save = useSaveTemplate(programId);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<TemplateValues>({
    defaultValues: {
      goalsEn: template.goals.en.join('\n'),
      goalsFa: template.goals.fa.join('\n'),
      meetingsPerMonth: String(template.meetingsPerMonth),
      confidentialityEn: template.confidentiality.en,
      confidentialityFa: template.confidentiality.fa,
    },
  });
  const goalRule = { validate: (value: string) => lines(value).length <= MAX_AGREEMENT_GOALS || t('relationship.template.tooManyGoals', { max: MAX_AGREEMENT_GOALS }) };
  const required = { validate: (value: string) => value.trim().length > 0 || t('validation.required') };
  const onSubmit = handleSubmit((v) =>
    save.mutate({
      goals: { en: lines(v.goalsEn), fa: lines(v.goalsFa) },
      meetingsPerMonth: Number(v.meetingsPerMonth),
      confidentiality: { en: v.confidentialityEn.trim(), fa: v.confidentialityFa.trim() },
    }),
  );
  return (
    <form className="form stack" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="template-form">
      <TextAreaField id="template-goals-fa" label={t('relationship.template.goalsFa')} hint={t('relationship.template.onePerLine')} dir="rtl" lang="fa" registration={register('goalsFa', goalRule)} error={errors.goalsFa?.message} />
      <TextAreaField id="template-goals-en" label={t('relationship.template.goalsEn')} hint={t('relationship.template.onePerLine')} dir="ltr" lang="en" registration={register('goalsEn', goalRule)} error={errors.goalsEn?.message} />
      <TextField
        id="template-meetings"
        label={t('relationship.agreement.meetingsPerMonth')}
        type="number"
        inputMode="numeric"
        min={MIN_MEETINGS_PER_MONTH}
        max={MAX_MEETINGS_PER_MONTH}
        registration={register('meetingsPerMonth', {
          validate: (value) =>
            (/^\d+$/.test(value) && Number(value) >= MIN_MEETINGS_PER_MONTH && Number(value) <= MAX_MEETINGS_PER_MONTH) ||
            t('relationship.agreement.meetingsRange', { min: MIN_MEETINGS_PER_MONTH, max: MAX_MEETINGS_PER_MONTH }),
        })}
        error={errors.meetingsPerMonth?.message}
      />
      <TextAreaField id="template-conf-fa" label={t('relationship.template.confidentialityFa')} dir="rtl" lang="fa" maxLength={MAX_CONFIDENTIALITY_LENGTH} registration={register('confidentialityFa', required)} error={errors.confidentialityFa?.message} />
      <TextAreaField id="template-conf-en" label={t('relationship.template.confidentialityEn')} dir="ltr" lang="en" maxLength={MAX_CONFIDENTIALITY_LENGTH} registration={register('confidentialityEn', required)} error={errors.confidentialityEn?.message} />
      <p className="field__hint">{t('relationship.template.existingKept')}</p>
      <ErrorAlert error={save.error} />
      {save.isSuccess ? <SuccessMessage>{t('relationship.template.saved')}</SuccessMessage> : null}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('relationship.saving') : t('relationship.template.save')}
        </button>
      </div>
    </form>
  );
}

/** `/programs/:programId/agreement-template`: what every pair's agreement starts from, in Persian and English. */
export function AgreementTemplatePage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const template = useTemplate(programId);
  return (
    <div data-testid="template-page">
      <PageHeader title={t('relationship.template.title')} intro={t('relationship.template.intro')} />
      <p>
        <Link to={`/programs/${programId}`}>{t('relationship.backToProgram')}</Link>
      </p>
      <section className="panel">
        {template.isPending ? <LoadingMessage /> : null}
        {template.isError ? <QueryError error={template.error} onRetry={() => void template.refetch()} /> : null}
        {template.data ? <TemplateForm programId={programId} template={template.data} /> : null}
      </section>
    </div>
  );
}
