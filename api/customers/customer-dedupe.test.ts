import { describe, expect, it } from 'vitest';
import { dedupeKeyOf, dedupeKeysOf } from './customer-dedupe.ts';

describe('dedupe keys', () => {
  it('ignores case, full-width forms and every kind of space', () => {
    expect(dedupeKeyOf(' Acme  Trading\u3000上海 ')).toBe('acmetrading上海');
    expect(dedupeKeyOf('ＡＣＭＥ Trading 上海')).toBe('acmetrading上海');
  });

  it('keeps one key per keyword', () => {
    expect(dedupeKeysOf({ name: 'X', phoneNormalized: null, keywords: ['Hua Lian', 'hualian', '华联'] }).keywordKeys).toEqual(['hualian', '华联']);
  });
});
