import { describe, expect, it } from 'vitest';
import { durationToMs } from './duration-to-ms.ts';

describe('reading an admin’s duration', () => {
  it.each([
    ['15d', 15 * 86_400_000],
    ['4h', 4 * 3_600_000],
    ['1d12h', 36 * 3_600_000],
    ['90m', 90 * 60_000],
    ['1h30m15s', 5_415_000],
  ])('%s is %i ms', (text, ms) => {
    expect(durationToMs(text)).toBe(ms);
  });

  it('has no value for text that is not a duration', () => {
    expect(durationToMs('4h1d')).toBeUndefined();
    expect(durationToMs('')).toBeUndefined();
  });
});
