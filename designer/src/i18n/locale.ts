/** The interface languages, as in the workspace; the choice is shared with it through the same storage key. */
export type Locale = 'zh-CN' | 'en';

export const locales: readonly Locale[] = ['zh-CN', 'en'];

export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

// The workspace's key: a language chosen in either app is the one the other starts in.
export const localeStorageKey = 'stagecraft.locale';

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

/** The language chosen before, else the first of the browser's we have (any Chinese → zh-CN), else English. */
export function initialLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of browserLanguages) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'en') return 'en';
  }
  return 'en';
}
