import type { Locale } from './locale.ts';
import { en, type MessageKey } from './messages.en.ts';
import { zhCN } from './messages.zh-CN.ts';

export type { MessageKey };
export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

const placeholder = /\{(\w+)\}/g;

export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))].sort();
}

export function translatorFor(locale: Locale): Translate {
  return (key, values = {}) =>
    catalogues[locale][key].replace(placeholder, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
