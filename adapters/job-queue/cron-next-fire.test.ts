import { describe, expect, it } from 'vitest';
import { nextCronFire, parseCronExpression } from './cron-next-fire.ts';

const at = (iso: string) => Date.parse(iso);
const next = (cron: string, tz: string, after: string) => new Date(nextCronFire(cron, tz, at(after))).toISOString();

describe('next cron fire time', () => {
  it('fires at 09:00 in the schedule’s time zone, not the server’s', () => {
    expect(next('0 9 * * *', 'Asia/Shanghai', '2026-01-05T00:00:00Z')).toBe('2026-01-05T01:00:00.000Z');
    expect(next('0 9 * * *', 'America/New_York', '2026-01-05T00:00:00Z')).toBe('2026-01-05T14:00:00.000Z');
  });

  it('returns a time strictly after the given one', () => {
    expect(next('0 9 * * *', 'Asia/Shanghai', '2026-01-05T01:00:00Z')).toBe('2026-01-06T01:00:00.000Z');
    expect(next('* * * * *', 'UTC', '2026-01-05T10:00:30Z')).toBe('2026-01-05T10:01:00.000Z');
  });

  it('walks ranges, steps and lists across a weekend', () => {
    expect(next('*/15 8-20 * * 1-5', 'UTC', '2026-01-09T20:50:00Z')).toBe('2026-01-12T08:00:00.000Z');
    expect(next('0 9,14 * * *', 'UTC', '2026-01-05T09:00:00Z')).toBe('2026-01-05T14:00:00.000Z');
  });

  it('reads "5/20" as from 5 to the end of the field in steps of 20', () => {
    expect(parseCronExpression('5/20 * * * *').minutes).toEqual([5, 25, 45]);
  });

  it('takes 7 as Sunday, like 0', () => {
    expect(next('0 0 * * 7', 'UTC', '2026-01-05T00:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
    expect(next('0 0 * * 0', 'UTC', '2026-01-05T00:00:00Z')).toBe('2026-01-11T00:00:00.000Z');
  });

  it('fires on a day matching either day field when both are restricted, and on both when one is *', () => {
    // 2026-02-06 is a Friday, before the 13th.
    expect(next('0 0 13 * 5', 'UTC', '2026-02-01T00:00:00Z')).toBe('2026-02-06T00:00:00.000Z');
    expect(next('0 0 29 2 *', 'UTC', '2026-01-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('skips a wall-clock time that a spring-forward jump removes', () => {
    // New York jumps from 02:00 to 03:00 on 2026-03-08.
    expect(next('30 2 * * *', 'America/New_York', '2026-03-08T05:00:00Z')).toBe('2026-03-09T06:30:00.000Z');
  });

  it('fires a wall-clock time that happens twice (fall back) only the first time', () => {
    // New York repeats 01:00–02:00 on 2026-11-01: 01:30 EDT is 05:30Z, 01:30 EST is 06:30Z.
    expect(next('30 1 * * *', 'America/New_York', '2026-11-01T04:00:00Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(next('30 1 * * *', 'America/New_York', '2026-11-01T05:30:00Z')).toBe('2026-11-02T06:30:00.000Z');
  });

  it.each(['0 9 * *', '0 9 * * * *', '60 9 * * *', '0 9 0 * *', '0 5-2 * * *', '*/0 * * * *', '0 9 * JAN MON'])(
    'refuses %s as rules do',
    (cron) => {
      expect(() => parseCronExpression(cron)).toThrow(SyntaxError);
    },
  );

  it('gives up on an expression that never fires', () => {
    expect(() => nextCronFire('0 0 31 2 *', 'UTC', at('2026-01-01T00:00:00Z'))).toThrow(RangeError);
  });
});
