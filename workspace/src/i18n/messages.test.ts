import { describe, expect, it } from 'vitest';
import { catalogueGaps } from '../../../ui-kit/i18n/catalogue-gaps.ts';
import { catalogues } from './translate.ts';

describe('the message catalogues', () => {
  it('have every key of the English one in each language, none blank, each asking for the same {values}', () => {
    expect(catalogueGaps(catalogues)).toEqual([]);
  });
});
