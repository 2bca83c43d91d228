import { describe, expect, it } from 'vitest';
import { initialLocale, localeOfLanguageTag } from './locale.ts';

describe('the starting interface language', () => {
  it('is the one chosen before when it is one we have', () => {
    expect(initialLocale('en', ['zh-CN'])).toBe('en');
    expect(initialLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });

  it('otherwise follows the first browser language we have', () => {
    expect(initialLocale(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale('klingon', ['en-GB', 'zh-CN'])).toBe('en');
  });

  it('is English when the browser asks for nothing we have', () => {
    expect(initialLocale(null, ['fr', 'de'])).toBe('en');
    expect(initialLocale(null, [])).toBe('en');
  });

  it('reads any Chinese tag as zh-CN and any English one as en', () => {
    expect(localeOfLanguageTag('zh')).toBe('zh-CN');
    expect(localeOfLanguageTag('zh_Hans_CN')).toBe('zh-CN');
    expect(localeOfLanguageTag('EN-us')).toBe('en');
    expect(localeOfLanguageTag('ja')).toBeUndefined();
  });
});
