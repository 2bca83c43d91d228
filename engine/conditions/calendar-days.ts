/**
 * Calendar arithmetic without time zones. A day is handled two ways: its index (days since 1970-01-01, for
 * subtracting) and its key (yyyymmdd as one integer, for comparing: it sorts like the 'YYYY-MM-DD' text, which is
 * how SQL compares day-valued custom fields).
 */
export const msPerDay = 86_400_000;

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
export function dayIndexFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function civilFromDayIndex(index: number): { year: number; month: number; day: number } {
  const z = index + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function dayKeyFromIndex(index: number): number {
  const { year, month, day } = civilFromDayIndex(index);
  return year * 10_000 + month * 100 + day;
}

export function dayTextFromKey(key: number): string {
  const year = Math.floor(key / 10_000);
  const month = Math.floor(key / 100) % 100;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(key % 100).padStart(2, '0')}`;
}

const dayShape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The key of a 'YYYY-MM-DD' text by its shape alone — the same test SQL applies to day-valued custom fields. */
export function dayKeyOfShapedText(text: string): number | undefined {
  const match = dayShape.exec(text);
  if (match === null) return undefined;
  return Number(match[1]) * 10_000 + Number(match[2]) * 100 + Number(match[3]);
}

/** The key of a 'YYYY-MM-DD' text naming a real calendar day (condition values and date columns). */
export function dayKeyOfCalendarText(text: string): number | undefined {
  const match = dayShape.exec(text);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const index = dayIndexFromCivil(year, month, day);
  const back = civilFromDayIndex(index);
  if (back.year !== year || back.month !== month || back.day !== day) return undefined;
  return year * 10_000 + month * 100 + day;
}

// An instant with an explicit offset; at most milliseconds, which is all a JavaScript Date holds.
const instantShape = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Epoch milliseconds of an RFC 3339 date-time with an offset; undefined for anything else. */
export function instantOfText(text: string): number | undefined {
  const match = instantShape.exec(text);
  if (match === null) return undefined;
  if (dayKeyOfCalendarText(match[1] ?? '') === undefined) return undefined;
  if (Number(match[2]) > 23 || Number(match[3]) > 59 || Number(match[4] ?? 0) > 59) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
