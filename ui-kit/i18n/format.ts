import type { Locale } from './locale.ts';

export interface Formatters {
  /** A calendar day in words, e.g. 2026年11月3日星期二 / Tuesday, November 3, 2026. */
  longDate(value: Date | string): string;
  /** A day and time, short, e.g. 2026/11/3 08:30 / 11/3/26, 8:30 AM. */
  dateTime(value: Date | string): string;
  /** An amount of money in the given ISO 4217 currency. */
  money(amount: number, currency: string): string;
  count(value: number): string;
}

/**
 * Dates, times and money in the person's language and time zone (both from GET /api/me once signed in), so a rep
 * in another zone than the browser's machine still sees the organisation's day.
 */
export function createFormatters(locale: Locale, timeZone?: string): Formatters {
  const zone = timeZone === undefined ? {} : { timeZone };
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', ...zone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', ...zone });
  const count = new Intl.NumberFormat(locale);
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  return {
    longDate: (value) => longDate.format(new Date(value)),
    dateTime: (value) => dateTime.format(new Date(value)),
    money(amount, currency) {
      let format = moneyFormats.get(currency);
      if (format === undefined) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency });
        moneyFormats.set(currency, format);
      }
      return format.format(amount);
    },
    count: (value) => count.format(value),
  };
}
