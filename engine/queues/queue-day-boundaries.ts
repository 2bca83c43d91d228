import type { QueueBucket } from '../../definitions/queue-policy.schema.ts';
import { dayKeyFromIndex, dayTextFromKey } from '../conditions/calendar-days.ts';
import { localDayIndex, localDayStart, zoneOffsetMs, assertTimeZone } from '../conditions/time-zone-days.ts';

/**
 * The local days that place a queue item in a bucket, as the first instant of each (epoch ms) and as calendar days
 * ('YYYY-MM-DD', for due facts that are dates). A day starts at its first local instant, as PostgreSQL's
 * `(ts AT TIME ZONE tz)::date` implies, so a clock change makes a 23- or 25-hour day.
 */
export interface QueueDayBoundaries {
  todayStart: number;
  tomorrowStart: number;
  dayAfterTomorrowStart: number;
  /** The first day of next week (weekStartsOn), which may be tomorrow. */
  nextWeekStart: number;
  weekAfterNextStart: number;
  days: { today: string; tomorrow: string; dayAfterTomorrow: string; nextWeek: string; weekAfterNext: string };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day index; 1970-01-01 was a Thursday. */
export function isoWeekdayOfDayIndex(dayIndex: number): number {
  return (((dayIndex + 3) % 7) + 7) % 7 + 1;
}

export function queueDayBoundaries(now: Date | number, timeZone: string, weekStartsOn = 1): QueueDayBoundaries {
  const nowMs = typeof now === 'number' ? now : now.getTime();
  if (!Number.isFinite(nowMs)) throw new RangeError('queueDayBoundaries needs a valid "now".');
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 1 || weekStartsOn > 7) throw new RangeError('weekStartsOn is an ISO weekday, 1–7.');
  assertTimeZone(timeZone);
  const today = localDayIndex(nowMs, timeZone, zoneOffsetMs(nowMs, timeZone));
  const daysIntoWeek = (isoWeekdayOfDayIndex(today) - weekStartsOn + 7) % 7;
  const nextWeek = today - daysIntoWeek + 7;
  const text = (index: number) => dayTextFromKey(dayKeyFromIndex(index));
  return {
    todayStart: localDayStart(today, timeZone),
    tomorrowStart: localDayStart(today + 1, timeZone),
    dayAfterTomorrowStart: localDayStart(today + 2, timeZone),
    nextWeekStart: localDayStart(nextWeek, timeZone),
    weekAfterNextStart: localDayStart(nextWeek + 7, timeZone),
    days: { today: text(today), tomorrow: text(today + 1), dayAfterTomorrow: text(today + 2), nextWeek: text(nextWeek), weekAfterNext: text(nextWeek + 7) },
  };
}

/**
 * The one bucket an instant falls in; the buckets partition time, so "this week" is the days after tomorrow up to
 * the end of the week, and "next week" leaves out a tomorrow that already belongs to it. The SQL CASE the section
 * queries select (compile-queue-section-sql.ts) tests the same boundaries in the same order.
 */
export function queueBucketOf(due: number | null, boundaries: QueueDayBoundaries): QueueBucket {
  if (due === null) return 'noDate';
  if (due < boundaries.todayStart) return 'overdue';
  if (due < boundaries.tomorrowStart) return 'today';
  if (due < boundaries.dayAfterTomorrowStart) return 'tomorrow';
  if (due < boundaries.nextWeekStart) return 'thisWeek';
  if (due < boundaries.weekAfterNextStart) return 'nextWeek';
  return 'later';
}
