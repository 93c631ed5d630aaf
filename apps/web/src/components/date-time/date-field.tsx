import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { DayPicker, type Matcher } from 'react-day-picker';
import { enGB, faIR } from 'react-day-picker/locale';
import { useController, type Control, type FieldPathByValue, type FieldValues, type RegisterOptions } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from '@web/components/field';
import { parseIsoDay } from '@web/lib/jalali';
import { useLanguage } from '@web/lib/use-language';
import { formatDayInput, parseDayInput } from './calendar-text';
import { jalaliDateLib } from './jalali-date-lib';
import 'react-day-picker/style.css';

export interface DateFieldProps<T extends FieldValues, N extends FieldPathByValue<T, string>> {
  id: string;
  label: string;
  control: Control<T>;
  name: N;
  rules?: Omit<RegisterOptions<T, N>, 'valueAsNumber' | 'valueAsDate' | 'setValueAs' | 'disabled'>;
  hint?: string;
  error?: string;
  /** Earliest and latest selectable ISO day (`YYYY-MM-DD`). */
  min?: string;
  max?: string;
  'aria-required'?: boolean;
}

const localDate = (iso: string): Date | undefined => {
  const day = parseIsoDay(iso);
  return day ? new Date(day.year, day.month - 1, day.day) : undefined;
};

const isoOfLocal = (date: Date): string =>
  `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * A calendar day for react-hook-form, stored as an ISO `YYYY-MM-DD` string whatever the language. Persian readers
 * type and pick it in the Jalali calendar (year/month/day, Persian digits, weeks from Saturday); English readers in
 * the Gregorian one. A typed field comes first (fast, works with every assistive technology), and a calendar
 * opens beside it on demand.
 */
export function DateField<T extends FieldValues, N extends FieldPathByValue<T, string>>({
  id,
  label,
  control,
  name,
  rules,
  hint,
  error,
  min,
  max,
  'aria-required': ariaRequired,
}: DateFieldProps<T, N>) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const persian = language === 'fa';
  const userValidate = rules?.validate;
  const { field } = useController<T, N>({
    control,
    name,
    rules: {
      ...rules,
      validate: {
        // A typed text that is not a day is kept as typed, so the person can correct it; it never submits.
        format: (value: unknown) => typeof value !== 'string' || value === '' || parseIsoDay(value) !== null || t('dateInput.invalidDate'),
        ...(typeof userValidate === 'function' ? { own: userValidate } : userValidate),
      },
    } as RegisterOptions<T, N>,
  });
  const value = typeof field.value === 'string' ? field.value : '';
  const [text, setText] = useState(() => formatDayInput(value, language));
  const [open, setOpen] = useState(false);
  const typing = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const calendarId = `${id}-calendar`;
  const formatHintId = useId();

  // The value changed from outside (a reset, a picked day) or the language changed: show it in the reader's calendar.
  useEffect(() => {
    if (!typing.current) setText(formatDayInput(value, language));
  }, [value, language]);

  const onType = (next: string): void => {
    typing.current = true;
    setText(next);
    field.onChange(next.trim() === '' ? '' : (parseDayInput(next, language) ?? next));
  };

  const selected = localDate(value);
  const disabled: Matcher[] = [];
  const minDate = min ? localDate(min) : undefined;
  const maxDate = max ? localDate(max) : undefined;
  if (minDate) disabled.push({ before: minDate });
  if (maxDate) disabled.push({ after: maxDate });

  const close = (): void => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onCalendarKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };

  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="date-field">
          <div className="date-field__row">
            <input
              ref={field.ref}
              className="field__control date-field__input"
              id={id}
              name={field.name}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              dir="ltr"
              value={text}
              aria-required={ariaRequired}
              aria-invalid={error ? true : undefined}
              aria-describedby={[describedBy, formatHintId].filter(Boolean).join(' ')}
              onChange={(event) => onType(event.target.value)}
              onBlur={() => {
                typing.current = false;
                setText(formatDayInput(value, language));
                field.onBlur();
              }}
            />
            <button
              ref={toggleRef}
              type="button"
              className="button button--secondary date-field__toggle"
              aria-expanded={open}
              aria-controls={calendarId}
              onClick={() => setOpen((was) => !was)}
            >
              {t('dateInput.calendar')}
            </button>
          </div>
          <p className="field__hint date-field__format" id={formatHintId}>
            {persian ? t('dateInput.formatJalali') : t('dateInput.formatGregorian')}
          </p>
          {open ? (
            <div className="date-field__calendar" id={calendarId} role="group" aria-label={t('dateInput.calendarFor', { label })} onKeyDown={onCalendarKey}>
              <DayPicker
                mode="single"
                autoFocus
                selected={selected}
                defaultMonth={selected ?? minDate}
                disabled={disabled}
                onSelect={(day) => {
                  typing.current = false;
                  if (day) field.onChange(isoOfLocal(day));
                  close();
                }}
                locale={persian ? faIR : enGB}
                dir={persian ? 'rtl' : 'ltr'}
                weekStartsOn={persian ? 6 : 1}
                numerals={persian ? 'arabext' : 'latn'}
                dateLib={persian ? jalaliDateLib : undefined}
              />
            </div>
          ) : null}
        </div>
      )}
    </FieldFrame>
  );
}
