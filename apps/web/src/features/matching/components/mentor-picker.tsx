import { useId, useMemo, useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { EnrollmentResponse } from '@pm/contracts';
import { useLanguage } from '@web/lib/use-language';
import { useNumberFormat } from '@web/lib/use-number-format';

interface MentorPickerProps {
  mentors: readonly EnrollmentResponse[];
  registration: UseFormRegisterReturn;
  error?: string;
}

/**
 * The mentors as a list of choices rather than a drop-down: each shows, in full and wrapping on a phone, the
 * year, the ways they can meet and how many mentees they have against their capacity — what a coordinator
 * weighs before a manual match. A search narrows long lists; the list scrolls on its own.
 */
export function MentorPicker({ mentors, registration, error }: MentorPickerProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const format = useNumberFormat();
  const id = useId();
  const [search, setSearch] = useState('');
  const collator = useMemo(() => new Intl.Collator(language, { sensitivity: 'base' }), [language]);
  const needle = search.trim().toLocaleLowerCase();
  const shown = mentors.filter((mentor) => needle === '' || mentor.fullName.toLocaleLowerCase().includes(needle)).sort((a, b) => collator.compare(a.fullName, b.fullName));
  const errorId = error ? `${id}-error` : undefined;

  return (
    <fieldset className="fieldset" aria-describedby={errorId} data-testid="mentor-picker">
      <legend className="field__label">{t('matching.manual.mentor')}</legend>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-search`}>
          {t('mentorPicker.search')}
        </label>
        <input id={`${id}-search`} className="field__control" type="search" autoComplete="off" value={search} onChange={(event) => setSearch(event.target.value)} />
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('mentorPicker.noneMatch')}</p>
      ) : (
        <div className="picker-scroll" role="radiogroup" aria-label={t('matching.manual.mentor')} tabIndex={-1}>
          <div className="radio-group">
            {shown.map((mentor) => {
              const taken = mentor.activeMentorships;
              const capacity = mentor.capacity ?? 0;
              return (
                <label key={mentor.userId} className="radio" data-testid="mentor-choice">
                  <input type="radio" value={mentor.userId} aria-invalid={error ? true : undefined} {...registration} />
                  <span>
                    <span className="radio__label">{mentor.fullName}</span>
                    <span className="picker-facts">
                      {[
                        mentor.yearOfStudy === null ? t('mentorPicker.yearUnknown') : t('mentorPicker.year', { year: format.integer(mentor.yearOfStudy) }),
                        mentor.modalities.length === 0 ? t('mentorPicker.noModality') : mentor.modalities.map((m) => t(`sessions.modality.${m}`)).join(t('programs.separator')),
                        t('mentorPicker.load', { taken: format.integer(taken), capacity: format.integer(capacity) }),
                      ].join(' · ')}
                      {taken >= capacity ? (
                        <>
                          {' '}
                          <span className="badge badge--warning">{t('mentorPicker.full')}</span>
                        </>
                      ) : null}
                    </span>
                  </span>
                </label>
              );
            })}
          </div>
        </div>
      )}
      {error ? (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
