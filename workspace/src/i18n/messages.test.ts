import { describe, expect, it } from 'vitest';
import { locales } from './locale.ts';
import { catalogues, placeholdersOf } from './translate.ts';

describe('the message catalogues', () => {
  it.each(locales)('%s has exactly the keys of the English catalogue', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(catalogues.en).sort());
  });

  it.each(locales)('%s has no empty or blank message', (locale) => {
    const blank = Object.entries(catalogues[locale]).filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it.each(locales)('%s asks for the same {values} as English in every message', (locale) => {
    const differing = Object.entries(catalogues.en)
      .filter(([key, text]) => placeholdersOf(text).join() !== placeholdersOf(catalogues[locale][key as keyof typeof catalogues.en]).join())
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
