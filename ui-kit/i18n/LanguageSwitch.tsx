import { useId } from 'react';
import { useLocaleChoice } from './i18n-context.tsx';
import { isLocale, localeNames, locales } from './locale.ts';

/** The language menu, labelled in the current language by the app; the choice is remembered in this browser. */
export function LanguageSwitch({ label }: { label: string }) {
  const { locale, setLocale } = useLocaleChoice();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value);
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </span>
  );
}
