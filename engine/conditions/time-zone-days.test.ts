import { describe, expect, it } from 'vitest';
import { dayIndexFromCivil, dayKeyOfCalendarText, instantOfText } from './calendar-days.ts';
import { localDayIndex, localDayStart } from './time-zone-days.ts';

const day = (text: string) => dayIndexFromCivil(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));

describe('local days', () => {
  it('starts a Shanghai day at 16:00 UTC the evening before', () => {
    expect(new Date(localDayStart(day('2024-05-20'), 'Asia/Shanghai')).toISOString()).toBe('2024-05-19T16:00:00.000Z');
    expect(localDayIndex(Date.parse('2024-05-19T15:59:59.999Z'), 'Asia/Shanghai', 0)).toBe(day('2024-05-19'));
  });

  it('starts a day skipped at midnight by daylight saving at the first instant that exists', () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08.
    expect(new Date(localDayStart(day('2024-09-08'), 'America/Santiago')).toISOString()).toBe('2024-09-08T04:00:00.000Z');
  });

  it('places an instant on its day even when the hint offset is wrong', () => {
    expect(localDayIndex(Date.parse('2024-11-03T04:30:00Z'), 'America/New_York', 14 * 3_600_000)).toBe(day('2024-11-03'));
  });
});

describe('condition day and instant values', () => {
  it('accepts only real calendar days and date-times with an offset', () => {
    expect(dayKeyOfCalendarText('2024-02-29')).toBe(20240229);
    expect(dayKeyOfCalendarText('2023-02-29')).toBeUndefined();
    expect(instantOfText('2024-05-01T09:30:00+08:00')).toBe(Date.parse('2024-05-01T01:30:00Z'));
    expect(instantOfText('2024-05-01T09:30:00')).toBeUndefined();
    expect(instantOfText('2024-05-01T24:00:00Z')).toBeUndefined();
  });
});
