import { describe, expect, it } from 'vitest';
import { createSystemClock } from './system-clock.ts';

describe('system clock', () => {
  it('fires a timer after its delay', async () => {
    const clock = createSystemClock();
    const setAt = clock.now();
    const firedAt = await new Promise<number>((resolve) => clock.setTimer(30, () => resolve(clock.now())));
    expect(firedAt - setAt).toBeGreaterThanOrEqual(30);
  });

  it('waits out a delay longer than setTimeout can hold instead of firing at once', async () => {
    const clock = createSystemClock();
    let fired = false;
    const cancel = clock.setTimer(40 * 24 * 3_600_000, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 30));
    cancel();
    expect(fired).toBe(false);
  });
});
