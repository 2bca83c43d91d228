import { describe, expect, it } from 'vitest';
import { catalogueGaps } from './catalogue-gaps.ts';

describe('catalogue gaps', () => {
  it('finds none in catalogues with the same keys and values', () => {
    expect(catalogueGaps({ en: { hello: 'Hello {name}' }, 'zh-CN': { hello: '{name}，你好' } })).toEqual([]);
  });

  it('names each missing, extra, blank and mismatched message', () => {
    const gaps = catalogueGaps({
      en: { hello: 'Hello {name}', bye: 'Bye', count: '{n} left', empty: 'Nothing' },
      'zh-CN': { hello: '你好', count: '剩 {n} 个', empty: '  ', extra: '多余' },
    });
    expect(gaps).toEqual([
      'zh-CN extra: not in English',
      'zh-CN hello: other {values} than English',
      'zh-CN bye: missing',
      'zh-CN empty: blank',
    ]);
  });
});
