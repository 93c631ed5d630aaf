import { useTranslation } from 'react-i18next';

/** A dash on screen, the words "not enough data" for a screen reader: never NaN, never an empty cell. */
export function NotEnough() {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{t('common.none')}</span>
      <span className="visually-hidden">{t('outcomes.notEnough')}</span>
    </>
  );
}

/** The formatted value, or the not-enough-data mark when there is none. */
export function Stat({ value }: { value: string | null }) {
  return value === null ? <NotEnough /> : <>{value}</>;
}
