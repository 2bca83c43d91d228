import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initialLocale, localeStorageKey, type Locale } from './locale.ts';
import { translatorFor, type Translate } from './translate.ts';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function storedLocale(): string | null {
  try {
    return localStorage.getItem(localeStorageKey);
  } catch {
    return null; // storage disabled by the browser's privacy settings: fall back to its languages
  }
}

/** Holds the interface language: the one chosen before (localStorage), else the browser's; remembers a change. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale(storedLocale(), navigator.languages));
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(localeStorageKey, next);
    } catch {
      // not remembered across visits; the switch still applies now
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale, t: translatorFor(locale) }), [locale, setLocale]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (i18n === undefined) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}
