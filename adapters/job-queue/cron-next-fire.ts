/**
 * When a five-field cron expression fires next, in a time zone — for the in-process queue's schedules (BullMQ
 * computes its own with cron-parser; a test compares the two). The grammar is the one rules accept
 * (engine/rules/validate-cron-expression.ts): numbers, `*`, ranges, lists and steps, no names; day of week 0–7 with
 * both 0 and 7 meaning Sunday.
 *
 * Day of month and day of week combine as in Vixie cron: when both are restricted (neither starts with `*`) a day
 * matching either fires; otherwise both must match. Wall-clock times skipped by a daylight-saving jump do not fire;
 * a time that happens twice fires the first time only.
 */

export interface CronExpression {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: ReadonlySet<number>;
  months: ReadonlySet<number>;
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek: ReadonlySet<number>;
  /** Both day fields restricted: a day matching either fires. */
  eitherDay: boolean;
}

const fieldRanges = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const partForm = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/;

function parseField(field: string, min: number, max: number, name: string): number[] {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = partForm.exec(part);
    if (!match) throw new SyntaxError(`The ${name} field "${field}" must use numbers ${min}–${max}, *, ranges, lists or steps.`);
    const [, whole, from, to, step] = match;
    const stride = step === undefined ? 1 : Number(step);
    // `5/15` means from 5 to the field's end in steps of 15, as cron-parser and Vixie cron read it.
    const low = whole === '*' ? min : Number(from);
    const high = whole === '*' ? max : to !== undefined ? Number(to) : step !== undefined ? max : low;
    if (stride < 1 || low < min || high > max || low > high) {
      throw new SyntaxError(`The ${name} field "${field}" must use numbers ${min}–${max}, *, ranges, lists or steps.`);
    }
    for (let value = low; value <= high; value += stride) values.add(value);
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses an expression, or throws a SyntaxError naming the field at fault. */
export function parseCronExpression(expression: string): CronExpression {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new SyntaxError(`A cron expression has five fields (minute hour day-of-month month day-of-week); "${expression}" has ${fields.length}.`);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = fields.map((field, index) => {
    const range = fieldRanges[index]!;
    return parseField(field, range.min, range.max, range.name);
  }) as [number[], number[], number[], number[], number[]];
  return {
    minutes,
    hours,
    daysOfMonth: new Set(daysOfMonth),
    months: new Set(months),
    daysOfWeek: new Set(daysOfWeek.map((day) => day % 7)),
    eitherDay: !fields[2]!.startsWith('*') && !fields[4]!.startsWith('*'),
  };
}

const minuteMs = 60_000;
const dayMs = 86_400_000;
// Feb 29 on a given weekday can be 28 years away, but day-of-week restrictions widen the match (either day fires);
// with day of week unrestricted, Feb 29 comes within 8 years (2096 → 2104).
const searchDays = 366 * 9;

/** The first fire time strictly after `afterMs`, in epoch milliseconds. */
export function nextCronFire(cron: CronExpression | string, timeZone: string, afterMs: number): number {
  const expression = typeof cron === 'string' ? parseCronExpression(cron) : cron;
  const wallClock = wallClockReader(timeZone);
  const start = wallClock(Math.floor(afterMs / minuteMs) * minuteMs + minuteMs);
  const firstDay = Date.UTC(start.year, start.month - 1, start.day);
  for (let offset = 0; offset < searchDays; offset++) {
    const day = new Date(firstDay + offset * dayMs);
    if (!dayMatches(expression, day)) continue;
    for (const hour of expression.hours) {
      if (offset === 0 && hour < start.hour) continue;
      for (const minute of expression.minutes) {
        if (offset === 0 && hour === start.hour && minute < start.minute) continue;
        const instant = instantOfWallClock(wallClock, day.getTime() + hour * 3_600_000 + minute * minuteMs);
        if (instant !== undefined && instant > afterMs) return instant;
      }
    }
  }
  throw new RangeError(`The cron expression never fires within ${searchDays} days of ${new Date(afterMs).toISOString()}.`);
}

function dayMatches(expression: CronExpression, day: Date): boolean {
  if (!expression.months.has(day.getUTCMonth() + 1)) return false;
  const byMonthDay = expression.daysOfMonth.has(day.getUTCDate());
  const byWeekDay = expression.daysOfWeek.has(day.getUTCDay());
  return expression.eitherDay ? byMonthDay || byWeekDay : byMonthDay && byWeekDay;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** The wall-clock time read as if it were UTC, in epoch milliseconds (seconds dropped). */
  asUtc: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockReader(timeZone: string): (instant: number) => WallClock {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const format = formatter;
  return (instant) => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    const { year = 0, month = 1, day = 1, hour = 0, minute = 0 } = parts;
    return { year, month, day, hour, minute, asUtc: Date.UTC(year, month - 1, day, hour, minute) };
  };
}

/**
 * The earliest instant whose wall-clock time (read as UTC) is `wallAsUtc`, or undefined when a daylight-saving jump
 * skips it. A zone has at most two offsets around a given day, so trying the offsets a day before and after finds
 * every instant that shows that time.
 */
function instantOfWallClock(wallClock: (instant: number) => WallClock, wallAsUtc: number): number | undefined {
  const offsets = new Set([wallAsUtc - dayMs, wallAsUtc + dayMs].map((probe) => wallClock(probe).asUtc - Math.floor(probe / minuteMs) * minuteMs));
  const instants = [...offsets].map((offset) => wallAsUtc - offset).filter((instant) => wallClock(instant).asUtc === wallAsUtc);
  return instants.length === 0 ? undefined : Math.min(...instants);
}
