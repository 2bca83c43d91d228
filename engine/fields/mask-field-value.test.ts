import { describe, expect, it } from 'vitest';
import { maskFieldValue } from './mask-field-value.ts';

describe('field masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskFieldValue('phone', '+86 138-1234-5678')).toBe('138****5678');
    expect(maskFieldValue('phone', '010 6552 1234')).toBe('010****1234');
  });

  it('keeps the first letter and the domain of an email address', () => {
    expect(maskFieldValue('email', 'john@x.com')).toBe('j***@x.com');
    expect(maskFieldValue('email', '张三@例子.cn')).toBe('张***@例子.cn');
  });

  it('keeps the first and last character of text', () => {
    expect(maskFieldValue('text', 'wxid_zhang3')).toBe('w***3');
    expect(maskFieldValue('text', 'ab')).toBe('***');
  });

  it('hides other kinds of values entirely and leaves empty values empty', () => {
    expect(maskFieldValue('number', 1200)).toBe('***');
    expect(maskFieldValue('dropdown', 'it')).toBe('***');
    expect(maskFieldValue('phone', null)).toBeNull();
    expect(maskFieldValue('email', '')).toBeNull();
  });

  it('never reveals a short or malformed value', () => {
    expect(maskFieldValue('phone', '12345')).toBe('***');
    expect(maskFieldValue('email', '@x.com')).toBe('***');
  });
});
