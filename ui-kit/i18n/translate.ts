import type { Locale } from './locale.ts';

/** An app's messages in every interface language, each keyed by the same message keys. */
export type Catalogues<Key extends string> = Readonly<Record<Locale, Readonly<Record<Key, string>>>>;
export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate<Key extends string> = (key: Key, values?: MessageValues) => string;

const placeholder = /\{(\w+)\}/g;

/** The names of the `{name}` values a message text expects, sorted. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(placeholder)].map((match) => match[1]!))].sort();
}

/** Messages of `catalogues` in `locale` with their `{name}` values filled in; a value not given stays visible as `{name}`. */
export function catalogueTranslator<Key extends string>(catalogues: Catalogues<Key>, locale: Locale): Translate<Key> {
  return (key, values = {}) =>
    catalogues[locale][key].replace(placeholder, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
