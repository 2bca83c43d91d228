import type { Locale } from './locale.ts';
import { en, type MessageKey } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

export type { MessageKey };
export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

const placeholder = /\{(\w+)\}/g;

/** The names of the `{name}` values a message text expects, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))].sort();
}

/** The message in `locale` with its `{name}` values filled in; a value not given stays visible as `{name}`. */
export function translate(locale: Locale, key: MessageKey, values: MessageValues = {}): string {
  return catalogues[locale][key].replace(placeholder, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

export function translatorFor(locale: Locale): Translate {
  return (key, values) => translate(locale, key, values);
}
