import { useEffect, useId, useRef, useState } from 'react';
import { useController, type Control, type FieldPathByValue, type FieldValues, type RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '@web/components/field';
import { useLanguage } from '@web/lib/use-language';
import { formatTimeInput, isIsoTime, localizeDigits, parseTimeInput, toLatinDigits } from './calendar-text';

export interface TimeFieldProps<T extends FieldValues, N extends FieldPathByValue<T, string>> {
  id: string;
  label: string;
  control: Control<T>;
  name: N;
  rules?: Omit<RegisterOptions<T, N>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'>;
  hint?: string;
  error?: string;
  'aria-required'?: boolean;
}

/**
 * A time of day for react-hook-form, always 24-hour and stored as `HH:MM`. The browser's own time input follows
 * the operating system's locale (often a 12-hour clock with AM/PM, in English, even on a Persian page), so this is
 * a typed field: `9`, `930`, `9:30` or `۹:۳۰` all become 09:30, shown in the reader's digits.
 */
export function TimeField<T extends FieldValues, N extends FieldPathByValue<T, string>>({
  id,
  label,
  control,
  name,
  rules,
  hint,
  error,
  'aria-required': ariaRequired,
}: TimeFieldProps<T, N>) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const userValidate = rules?.validate;
  const { field } = useController<T, N>({
    control,
    name,
    rules: {
      ...rules,
      validate: {
        format: (value: unknown) => typeof value !== 'string' || value === '' || isIsoTime(value) || t('dateInput.invalidTime'),
        ...(typeof userValidate === 'function' ? { own: userValidate } : userValidate),
      },
    } as RegisterOptions<T, N>,
  });
  const value = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = useState(() => formatTimeInput(value, language));
  const typing = useRef(false);
  const formatHintId = useId();

  useEffect(() => {
    if (!typing.current) setText(formatTimeInput(value, language));
  }, [value, language]);

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <>
          <input
            ref={field.ref}
            className="field__control time-field__input"
            id={id}
            name={field.name}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            dir="ltr"
            maxLength={5}
            value={text}
            aria-required={ariaRequired}
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy, formatHintId].filter(Boolean).join(' ')}
            onChange={(event) => {
              typing.current = true;
              const next = event.target.value;
              setText(next);
              field.onChange(next.trim() === '' ? '' : (parseTimeInput(next) ?? toLatinDigits(next.trim())));
            }}
            onBlur={() => {
              typing.current = false;
              setText(formatTimeInput(value, language));
              field.onBlur();
            }}
          />
          <p className="field__hint" id={formatHintId}>
            {t('dateInput.formatTime', { example: localizeDigits('14:30', language) })}
          </p>
        </>
      )}
    </FieldFrame>
  );
}
