import { useId } from 'react';
import { useI18n } from './i18n-context.tsx';
import { isLocale, localeNames, locales } from './locale.ts';

/** The language menu; the choice is remembered in this browser, for the workspace too. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={locale} onChange={(event) => isLocale(event.target.value) && setLocale(event.target.value)}>
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </span>
  );
}
