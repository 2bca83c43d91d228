import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { initialLocale, localeStorageKey, type Locale } from './locale.ts';
import { catalogueTranslator, type Catalogues, type Translate } from './translate.ts';

/** The interface language and the way to change it. */
export interface LocaleChoice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** The language choice plus the app's messages in that language. */
export interface I18n<Key extends string> extends LocaleChoice {
  t: Translate<Key>;
}

const LocaleContext = createContext<LocaleChoice | undefined>(undefined);

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

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext value={value}>{children}</LocaleContext>;
}

export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (choice === undefined) throw new Error('the interface language needs an <I18nProvider> above it');
  return choice;
}

/**
 * An app's `useI18n` hook over its own catalogues. Every component gets the same `t` for a language, so `t` in an
 * effect's dependencies changes only when the language does.
 */
export function i18nHookFor<Key extends string>(catalogues: Catalogues<Key>): () => I18n<Key> {
  const translators = new Map<Locale, Translate<Key>>();
  const translatorOf = (locale: Locale) => {
    let t = translators.get(locale);
    if (t === undefined) translators.set(locale, (t = catalogueTranslator(catalogues, locale)));
    return t;
  };
  return function useI18n() {
    const { locale, setLocale } = useLocaleChoice();
    return useMemo(() => ({ locale, setLocale, t: translatorOf(locale) }), [locale, setLocale]);
  };
}
