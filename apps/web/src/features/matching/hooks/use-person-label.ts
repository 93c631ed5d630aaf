import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentResponse } from '@pm/contracts';

/** "Name · year 2", or just the name when the year is unknown: how people are offered in the pickers. */
export function usePersonLabel(): (person: EnrollmentResponse) => string {
  const { t } = useTranslation();
  return useCallback(
    (person: EnrollmentResponse) => (person.yearOfStudy === null ? person.fullName : t('matching.people.option', { name: person.fullName, year: person.yearOfStudy })),
    [t],
  );
}
