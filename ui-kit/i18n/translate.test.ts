import { describe, expect, it } from 'vitest';
import { catalogueTranslator, placeholdersOf, type Catalogues } from './translate.ts';

const catalogues: Catalogues<'today' | 'failed'> = {
  en: { today: 'Today is {date}', failed: 'The server answered {status}' },
  'zh-CN': { today: '今天是{date}', failed: '服务器返回了 {status}' },
};

describe('translate', () => {
  it('fills in the named values in the chosen language', () => {
    expect(catalogueTranslator(catalogues, 'en')('today', { date: 'Tuesday' })).toBe('Today is Tuesday');
    expect(catalogueTranslator(catalogues, 'zh-CN')('failed', { status: 502 })).toBe('服务器返回了 502');
  });

  it('leaves a value that was not given visible, so the gap shows instead of an empty string', () => {
    expect(catalogueTranslator(catalogues, 'en')('today')).toBe('Today is {date}');
  });

  it('lists each placeholder once, sorted', () => {
    expect(placeholdersOf('{b} and {a}, {b} again')).toEqual(['a', 'b']);
    expect(placeholdersOf('no values')).toEqual([]);
  });
});
