import type { Locale } from '../../../ui-kit/i18n/locale.ts';

/**
 * One problem a definition's validation names: where (a JSON Pointer), which check, and why — in both languages when
 * the designer checked it itself, in the asked-for one when the API answered with it.
 */
export interface ProblemEntry {
  path: string;
  code?: string;
  message: string | Record<Locale, string>;
}

/** The text of a problem entry in the interface language. */
export function problemMessage(entry: ProblemEntry, locale: Locale): string {
  return typeof entry.message === 'string' ? entry.message : entry.message[locale];
}
