import { assertTimeZone, localDayIndex, zoneOffsetMs } from './time-zone-days.ts';

/** What a condition is evaluated against besides the record: the engine never reads the clock itself. */
export interface EvaluationContext {
  now: Date | number;
  /** IANA name; "today" and day-valued comparisons follow this zone's calendar. */
  timeZone: string;
}

/** The values every record evaluated in one context shares, worked out once rather than per record. */
export interface PreparedContext {
  nowMs: number;
  timeZone: string;
  /** The zone's offset near now: the first guess when placing an instant on its local day. */
  offsetHint: number;
  todayIndex: number;
}

let lastPrepared: PreparedContext | undefined;

/** Prepares a context; a sweep evaluates thousands of records in one context, so the last one is kept. */
export function prepareEvaluationContext(context: EvaluationContext): PreparedContext {
  const nowMs = typeof context.now === 'number' ? context.now : context.now.getTime();
  if (lastPrepared !== undefined && lastPrepared.nowMs === nowMs && lastPrepared.timeZone === context.timeZone) {
    return lastPrepared;
  }
  if (!Number.isFinite(nowMs)) throw new RangeError('The evaluation context needs a valid "now".');
  assertTimeZone(context.timeZone);
  const offsetHint = zoneOffsetMs(nowMs, context.timeZone);
  lastPrepared = {
    nowMs,
    timeZone: context.timeZone,
    offsetHint,
    todayIndex: localDayIndex(nowMs, context.timeZone, offsetHint),
  };
  return lastPrepared;
}
