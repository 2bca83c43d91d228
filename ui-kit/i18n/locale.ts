/** The interface languages of both web apps; the API answers problems in the same two (Accept-Language). */
export type Locale = 'zh-CN' | 'en';

export const locales: readonly Locale[] = ['zh-CN', 'en'];

/** Each language named in itself, as a language menu shows it whatever the current language is. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

// One key for both apps: a language chosen in the workspace is the one the designer starts in, and back.
export const localeStorageKey = 'stagecraft.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The interface language a BCP 47 tag asks for, when it asks for one we have: any Chinese → zh-CN. */
export function localeOfLanguageTag(tag: string): Locale | undefined {
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (language === 'zh') return 'zh-CN';
  if (language === 'en') return 'en';
  return undefined;
}

/** The language to start in: the one the person chose before, else the first of the browser's we have, else English. */
export function initialLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const locale = localeOfLanguageTag(tag);
    if (locale !== undefined) return locale;
  }
  return 'en';
}
