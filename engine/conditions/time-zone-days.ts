import { msPerDay } from './calendar-days.ts';

/**
 * Which local calendar day an instant falls on in an IANA time zone. Intl is slow (microseconds a call), so the
 * first instant of each local day is looked up once per zone and kept; after that, placing an instant on its day
 * costs two map reads. A day's start is "the first instant whose local date is that day", which is also what
 * PostgreSQL's `(ts AT TIME ZONE tz)::date` implies.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayStartsByZone = new Map<string, Map<number, number>>();
const maxCachedDaysPerZone = 100_000;

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
  formatterOf(timeZone);
}

/** Local wall-clock time minus UTC at that instant, in milliseconds. */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = formatterOf(timeZone).formatToParts(new Date(instant));
  const field = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - field('year') : field('year');
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, field('month') - 1, field('day'));
  wall.setUTCHours(field('hour'), field('minute'), field('second'), 0);
  return wall.getTime() - Math.floor(instant / 1000) * 1000;
}

function localDayIndexByIntl(instant: number, timeZone: string): number {
  return Math.floor((instant + zoneOffsetMs(instant, timeZone)) / msPerDay);
}

function findDayStart(dayIndex: number, timeZone: string): number {
  const midnightUtc = dayIndex * msPerDay;
  const guess = midnightUtc - zoneOffsetMs(midnightUtc, timeZone);
  if (localDayIndexByIntl(guess, timeZone) >= dayIndex && localDayIndexByIntl(guess - 1, timeZone) < dayIndex) {
    return guess;
  }
  // Midnight skipped or doubled by a clock change: search the 28 hours in which the day must begin.
  let low = midnightUtc - 15 * 3_600_000;
  let high = midnightUtc + 13 * 3_600_000;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDayIndexByIntl(middle, timeZone) >= dayIndex) high = middle;
    else low = middle;
  }
  return high;
}

/** The first instant (epoch ms) of local day `dayIndex` (days since 1970-01-01) in the zone. */
export function localDayStart(dayIndex: number, timeZone: string): number {
  let starts = dayStartsByZone.get(timeZone);
  if (starts === undefined) {
    starts = new Map();
    dayStartsByZone.set(timeZone, starts);
  }
  let start = starts.get(dayIndex);
  if (start === undefined) {
    if (starts.size >= maxCachedDaysPerZone) starts.clear();
    start = findDayStart(dayIndex, timeZone);
    starts.set(dayIndex, start);
  }
  return start;
}

/** The local day index of an instant; `offsetHint` (the zone's offset near now) makes the first guess right. */
export function localDayIndex(instant: number, timeZone: string, offsetHint: number): number {
  let day = Math.floor((instant + offsetHint) / msPerDay);
  while (instant < localDayStart(day, timeZone)) day--;
  while (instant >= localDayStart(day + 1, timeZone)) day++;
  return day;
}
