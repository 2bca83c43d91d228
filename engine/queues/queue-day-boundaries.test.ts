import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoWeekdayOfDayIndex, queueBucketOf, queueDayBoundaries } from './queue-day-boundaries.ts';

describe('queue day boundaries', () => {
  it('starts the days at local midnight, across a spring-forward day of 23 hours', () => {
    const b = queueDayBoundaries(new Date('2026-03-08T23:30:00-04:00'), 'America/New_York', 1);
    expect(new Date(b.todayStart).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(new Date(b.tomorrowStart).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(b.tomorrowStart - b.todayStart).toBe(23 * 3_600_000);
    expect(b.nextWeekStart).toBe(b.tomorrowStart); // Sunday: the week ends tonight
    expect(b.days).toEqual({
      today: '2026-03-08', tomorrow: '2026-03-09', dayAfterTomorrow: '2026-03-10', nextWeek: '2026-03-09', weekAfterNext: '2026-03-16',
    });
  });

  it('follows the policy’s first weekday', () => {
    const sundayStart = queueDayBoundaries(new Date('2026-03-11T12:00:00Z'), 'UTC', 7);
    expect(sundayStart.days.nextWeek).toBe('2026-03-15');
    expect(isoWeekdayOfDayIndex(0)).toBe(4); // 1970-01-01, a Thursday
  });

  it('puts every instant in exactly the bucket whose range holds it, the buckets in time order', () => {
    const order = ['overdue', 'today', 'tomorrow', 'thisWeek', 'nextWeek', 'later'];
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }),
        fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 }),
        fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'Pacific/Kiritimati', 'America/St_Johns'),
        fc.integer({ min: 1, max: 7 }),
        (now, a, b, zone, weekStartsOn) => {
          const boundaries = queueDayBoundaries(now, zone, weekStartsOn);
          const [early, late] = [now.getTime() + Math.min(a, b), now.getTime() + Math.max(a, b)];
          expect(order.indexOf(queueBucketOf(early, boundaries))).toBeLessThanOrEqual(order.indexOf(queueBucketOf(late, boundaries)));
          expect(queueBucketOf(now.getTime(), boundaries)).toBe('today');
          expect(queueBucketOf(null, boundaries)).toBe('noDate');
        },
      ),
    );
  });
});
