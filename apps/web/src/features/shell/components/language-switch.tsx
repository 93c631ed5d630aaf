import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '@web/lib/i18n';
import { useLanguage } from '@web/lib/use-language';

/** Saving the choice and flipping `<html dir>` happen in the i18n setup, whoever changes the language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="language-switch">
      <label className="language-switch__label" htmlFor="language-switch">
        {t('language.label')}
      </label>
      <select
        id="language-switch"
        className="language-switch__select"
        data-testid="language-switch"
        value={language}
        onChange={(event) => {
          const next = event.target.value;
          if (isLanguage(next)) setLanguage(next);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {t(`language.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
