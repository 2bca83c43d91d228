import { describe, expect, it } from 'vitest';
import { createFormatters } from './format.ts';

// 16:30 UTC on 2 November is already 3 November in Shanghai: the person's zone decides the day.
const lateEvening = '2026-11-02T16:30:00Z';

describe('formatting for a person', () => {
  it('shows the day in their time zone, in their language', () => {
    expect(createFormatters('zh-CN', 'Asia/Shanghai').longDate(lateEvening)).toBe('2026年11月3日星期二');
    expect(createFormatters('en', 'Asia/Shanghai').longDate(lateEvening)).toBe('Tuesday, November 3, 2026');
    expect(createFormatters('en', 'Europe/London').longDate(lateEvening)).toBe('Monday, November 2, 2026');
  });

  it('shows a time of day in their time zone', () => {
    expect(createFormatters('zh-CN', 'Asia/Shanghai').dateTime(lateEvening)).toBe('2026/11/3 00:30');
  });

  it('shows money in the currency given, the way their language writes it', () => {
    expect(createFormatters('zh-CN', 'Asia/Shanghai').money(1234.5, 'CNY')).toBe('¥1,234.50');
    expect(createFormatters('en', 'Asia/Shanghai').money(1234.5, 'CNY')).toBe('CN¥1,234.50');
    expect(createFormatters('en', 'Asia/Shanghai').money(99, 'USD')).toBe('$99.00');
  });

  it('groups large counts', () => {
    expect(createFormatters('en').count(12345)).toBe('12,345');
  });
});
