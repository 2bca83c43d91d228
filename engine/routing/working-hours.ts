import { zoneOffsetMs } from '../conditions/time-zone-days.ts';
import type { WorkingHours } from './routing-input.ts';

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

// Finding a zone's offset goes through Intl and costs more than the rest of a decision; an offset only changes on
// a whole minute (DST, legislation), so one reading per zone and minute serves every candidate and decision in it.
const offsets = new Map<string, { minute: number; offset: number }>();

function offsetAt(nowMs: number, timeZone: string): number {
  const minute = Math.floor(nowMs / 60_000);
  const cached = offsets.get(timeZone);
  if (cached !== undefined && cached.minute === minute) return cached.offset;
  const offset = zoneOffsetMs(nowMs, timeZone);
  offsets.set(timeZone, { minute, offset });
  return offset;
}

/**
 * Whether `now` falls within the hours in their own time zone. A shift across midnight (22:00–06:00) belongs to the
 * day it starts on, so its early-morning part is checked against the previous weekday.
 */
export function withinWorkingHours(hours: WorkingHours, nowMs: number): boolean {
  const local = new Date(nowMs + offsetAt(nowMs, hours.timeZone));
  const weekday = ((local.getUTCDay() + 6) % 7) + 1;
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const from = minutesOf(hours.from);
  const to = minutesOf(hours.to);
  if (from < to) return hours.days.includes(weekday) && minute >= from && minute < to;
  if (minute >= from) return hours.days.includes(weekday);
  const previousDay = weekday === 1 ? 7 : weekday - 1;
  return minute < to && hours.days.includes(previousDay);
}
