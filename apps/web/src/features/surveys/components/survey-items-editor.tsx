import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SurveyItemResponse, SurveyItemSet } from '@pm/contracts';
import { ErrorAlert, LoadingMessage, QueryError } from '@web/components/feedback';
import { SelectField, TextAreaField } from '@web/components/field';
import { useSurveyItemSets, useSurveyItems, useUpdateSurveyItems } from '@web/features/surveys/hooks/use-surveys';
import { useLanguage } from '@web/lib/use-language';
import { useNumberFormat } from '@web/lib/use-number-format';

const MAX_ITEMS = 20;
const MAX_TEXT = 300;

interface ItemRow {
  key: string;
  text: string;
  /** Where the statement comes from (a set's source), or null when the program wrote it. */
  source: string | null;
  /** Also asked before mentoring begins. */
  baseline: boolean;
}

interface ItemsValues {
  items: ItemRow[];
}

interface PickerValues {
  setId: string;
}

const rowsOf = (items: SurveyItemResponse[]): ItemRow[] => items.map(({ key, text, source, baseline }) => ({ key, text, source, baseline }));

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

/** A ready set of statements to start from: loading one only fills the editor; saving stays the coordinator's. */
function SetPicker({ onLoad }: { onLoad: (set: SurveyItemSet) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const sets = useSurveyItemSets(language);
  const [loaded, setLoaded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<PickerValues>({ defaultValues: { setId: '' } });

  if (sets.isError) return <QueryError error={sets.error} onRetry={() => void sets.refetch()} />;
  const load = handleSubmit(({ setId }) => {
    const set = sets.data?.find((candidate) => candidate.id === setId);
    if (!set) return;
    onLoad(set);
    setLoaded(set.name);
  });
  return (
    <form className="form" noValidate onSubmit={(event) => void load(event)} data-testid="survey-item-sets">
      <SelectField
        id="survey-item-set"
        label={t('surveys.items.setLabel')}
        hint={t('surveys.items.setHint')}
        disabled={sets.isPending}
        error={errors.setId?.message}
        registration={register('setId', { required: t('surveys.items.setRequired') })}
      >
        <option value="">{sets.isPending ? t('common.loading') : t('surveys.items.setChoose')}</option>
        {sets.data?.map((set) => (
          <option key={set.id} value={set.id}>
            {set.name}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <button type="submit" className="button button--secondary" disabled={sets.isPending} data-testid="survey-item-set-load">
          {t('surveys.items.setLoad')}
        </button>
      </div>
      {loaded === null ? null : (
        <p className="muted" data-testid="survey-item-set-loaded">
          {t('surveys.items.setLoaded')} <bdi>{loaded}</bdi>
        </p>
      )}
    </form>
  );
}

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
  } = useForm<ItemsValues>({ defaultValues: { items: rowsOf(items) } });
  const list = useFieldArray({ control, name: 'items' });

  useEffect(() => {
    reset({ items: rowsOf(items) });
  }, [items, reset]);

  const loadSet = (set: SurveyItemSet) =>
    list.replace(set.items.slice(0, MAX_ITEMS).map((item) => ({ key: item.key, text: item.text, source: set.source, baseline: item.baseline })));

  const save = handleSubmit((values) =>
    update.mutate({ items: values.items.map((item) => ({ key: item.key, text: item.text.trim(), source: item.source, baseline: item.baseline })) }),
  );

  return (
    <>
      <SetPicker onLoad={loadSet} />
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
              <p className="muted" data-testid="survey-item-source">
                {field.source === null ? (
                  t('surveys.ownSource')
                ) : (
                  <>
                    {t('surveys.source')} <bdi>{field.source}</bdi>
                  </>
                )}
              </p>
              <div className="checkbox">
                <input id={`survey-item-${index}-baseline`} type="checkbox" {...register(`items.${index}.baseline`)} />
                <label htmlFor={`survey-item-${index}-baseline`}>{t('surveys.items.baseline')}</label>
              </div>
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
        <p className="field__hint">{t('surveys.items.baselineHint')}</p>
        <p className="field__hint">{t('surveys.items.keepAnswers')}</p>
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            disabled={list.fields.length >= MAX_ITEMS}
            onClick={() => list.append({ key: nextKey(getValues('items')), text: '', source: null, baseline: false })}
            data-testid="survey-item-add"
          >
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
    </>
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
