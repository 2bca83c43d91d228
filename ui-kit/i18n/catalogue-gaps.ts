import { locales } from './locale.ts';
import { placeholdersOf, type Catalogues } from './translate.ts';

/**
 * Where an app's catalogues fall short of its English one, each as `<locale> <key>: <what>`: a key missing or extra,
 * a blank text, or other `{values}` than English asks for. An app's message test expects none.
 */
export function catalogueGaps(catalogues: Catalogues<string>): string[] {
  const reference = catalogues.en;
  const gaps: string[] = [];
  for (const locale of locales) {
    const catalogue = catalogues[locale];
    for (const key of Object.keys(catalogue)) if (!(key in reference)) gaps.push(`${locale} ${key}: not in English`);
    for (const [key, english] of Object.entries(reference)) {
      const text = catalogue[key];
      if (text === undefined) gaps.push(`${locale} ${key}: missing`);
      else if (text.trim() === '') gaps.push(`${locale} ${key}: blank`);
      else if (placeholdersOf(text).join() !== placeholdersOf(english).join()) gaps.push(`${locale} ${key}: other {values} than English`);
    }
  }
  return gaps;
}
