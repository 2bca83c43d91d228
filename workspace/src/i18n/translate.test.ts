import { describe, expect, it } from 'vitest';
import { placeholdersOf, translate } from './translate.ts';

describe('translate', () => {
  it('fills in the named values', () => {
    expect(translate('en', 'workLine.today', { date: 'Tuesday' })).toBe('Today is Tuesday');
    expect(translate('zh-CN', 'errors.unexpected', { status: 502 })).toContain('502');
  });

  it('leaves a value that was not given visible, so the gap shows instead of an empty string', () => {
    expect(translate('en', 'workLine.today')).toBe('Today is {date}');
  });

  it('lists each placeholder once, sorted', () => {
    expect(placeholdersOf('{b} and {a}, {b} again')).toEqual(['a', 'b']);
    expect(placeholdersOf('no values')).toEqual([]);
  });
});
