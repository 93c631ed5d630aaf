import { useEffect } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SurveyItemResponse } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { TextAreaField } from '@web/components/field';
import { useSurveyItems, useUpdateSurveyItems } from '@web/features/surveys/hooks/use-surveys';
import { useNumberFormat } from '@web/lib/use-number-format';

const MAX_ITEMS = 20;
const MAX_TEXT = 300;

interface ItemsValues {
  items: Array<{ key: string; text: string }>;
}

/**
 * A new statement needs a stable key (answers are kept by key when the wording changes); coordinators never
 * type one: the next free `item_<n>` is used.
 */
const nextKey = (taken: ReadonlyArray<{ key: string }>): string => {
  const used = new Set(taken.map((item) => item.key));
  let n = taken.length + 1;
  while (used.has(`item_${n}`)) n++;
  return `item_${n}`;
};

function ItemsForm({ programId, items }: { programId: string; items: SurveyItemResponse[] }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const update = useUpdateSurveyItems(programId);
  const {
    control,
    register,
    handleSubmit,
    reset,
    getValues,
    formState: { errors, isDirty },
  } = useForm<ItemsValues>({ defaultValues: { items: items.map(({ key, text }) => ({ key, text })) } });
  const list = useFieldArray({ control, name: 'items' });

  useEffect(() => {
    reset({ items: items.map(({ key, text }) => ({ key, text })) });
  }, [items, reset]);

  const save = handleSubmit((values) => update.mutate({ items: values.items.map((item) => ({ key: item.key, text: item.text.trim() })) }));

  return (
    <form className="form" noValidate onSubmit={(event) => void save(event)} data-testid="survey-items-form">
      <ol className="stack">
        {list.fields.map((field, index) => (
          <li key={field.id} className="stack">
            <TextAreaField
              id={`survey-item-${index}`}
              label={t('surveys.items.statement', { n: format.integer(index + 1) })}
              rows={2}
              maxLength={MAX_TEXT}
              error={errors.items?.[index]?.text?.message}
              registration={register(`items.${index}.text`, {
                validate: (value) => value.trim().length > 0 || t('surveys.items.required'),
              })}
            />
            <div className="form__actions">
              <button type="button" className="button button--secondary button--small" disabled={index === 0} onClick={() => list.move(index, index - 1)}>
                {t('surveys.items.up')}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={index === list.fields.length - 1} onClick={() => list.move(index, index + 1)}>
                {t('surveys.items.down')}
              </button>
              <button type="button" className="button button--secondary button--small" disabled={list.fields.length === 1} onClick={() => list.remove(index)}>
                {t('surveys.items.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <p className="field__hint">{t('surveys.items.keepAnswers')}</p>
      <div className="form__actions">
        <button type="button" className="button button--secondary" disabled={list.fields.length >= MAX_ITEMS} onClick={() => list.append({ key: nextKey(getValues('items')), text: '' })} data-testid="survey-item-add">
          {t('surveys.items.add')}
        </button>
        <button type="submit" className="button button--primary" disabled={update.isPending || !isDirty} data-testid="survey-items-save">
          {update.isPending ? t('surveys.items.saving') : t('surveys.items.save')}
        </button>
      </div>
      <ErrorAlert error={update.error} />
      {update.isSuccess && !isDirty ? (
        <p className="alert alert--success" role="status">
          {t('surveys.items.saved')}
        </p>
      ) : null}
    </form>
  );
}

/** Coordinators: the statements mentees rate from 1 (strongly disagree) to 5 (strongly agree). */
export function SurveyItemsEditor({ programId }: { programId: string }) {
  const { t } = useTranslation();
  const items = useSurveyItems(programId);
  return (
    <section className="panel stack" aria-labelledby="survey-items-heading">
      <h2 id="survey-items-heading" className="panel__title">
        {t('surveys.items.heading')}
      </h2>
      <p className="field__hint">{t('surveys.items.intro')}</p>
      {items.isPending ? <LoadingMessage /> : items.isError ? <QueryError error={items.error} onRetry={() => void items.refetch()} /> : <ItemsForm programId={programId} items={items.data} />}
    </section>
  );
}
