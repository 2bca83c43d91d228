import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactRecordBody, emptyContactLog } from './contact-log-form.ts';
import { instantOfZonedLocal, zonedLocalOf } from './zoned-time.ts';

describe('a follow-up time typed in the rep’s own time zone', () => {
  it('is that wall-clock time in her zone, wherever the browser is', () => {
    expect(instantOfZonedLocal('2026-11-26T09:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(instantOfZonedLocal('2026-07-01T09:00', 'America/Los_Angeles')?.toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(instantOfZonedLocal('2026-12-01T09:00', 'America/Los_Angeles')?.toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(instantOfZonedLocal('tomorrow', 'Asia/Shanghai')).toBeUndefined();
  });

  it('shows back as the same wall-clock time it was typed as', () => {
    const zones = ['Asia/Shanghai', 'America/Los_Angeles', 'Europe/Berlin', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const local = zonedLocalOf(new Date(Math.floor(ms / 60_000) * 60_000), zone);
        const instant = instantOfZonedLocal(local, zone)!;
        // An hour a clock change repeats may come back as its other instant, but always as the same wall-clock time.
        expect(zonedLocalOf(instant, zone)).toBe(local);
      }),
    );
  });
});

describe('the contact record a form sends', () => {
  it('sends channel and outcome, trimmed notes, and no dates when none were given', () => {
    expect(contactRecordBody({ ...emptyContactLog, notes: '  约下周再谈  ' }, 'Asia/Shanghai')).toEqual({
      body: { channel: 'call', outcome: 'connected', notes: '约下周再谈' },
    });
  });

  it('counts the reminder back from the follow-up', () => {
    const result = contactRecordBody({ ...emptyContactLog, nextFollowUp: '2026-11-27T10:00', reminder: '15m' }, 'Asia/Shanghai');
    expect(result).toEqual({
      body: { channel: 'call', outcome: 'connected', nextFollowUpAt: '2026-11-27T02:00:00.000Z', reminderAt: '2026-11-27T01:45:00.000Z' },
    });
  });

  it('asks for a follow-up before it sets a reminder', () => {
    expect(contactRecordBody({ ...emptyContactLog, reminder: '1h' }, 'Asia/Shanghai')).toEqual({
      problem: 'reminderAt',
      message: 'contactLog.error.reminderNeedsFollowUp',
    });
  });
});
