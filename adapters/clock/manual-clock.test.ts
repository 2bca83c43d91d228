import { describe, expect, it } from 'vitest';
import { createManualClock } from './manual-clock.ts';

describe('manual clock', () => {
  it('stands still until advanced, then fires due timers in due order at their due time', async () => {
    const clock = createManualClock(1_000);
    const fired: string[] = [];
    clock.setTimer(300, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(100, () => fired.push(`a@${clock.now()}`));
    clock.setTimer(900, () => fired.push(`c@${clock.now()}`));
    expect(clock.now()).toBe(1_000);
    await clock.advance(500);
    expect(fired).toEqual(['a@1100', 'b@1300']);
    expect(clock.now()).toBe(1_500);
    expect(clock.pendingTimers()).toBe(1);
  });

  it('fires timers set by timers within the same advance, after letting promise callbacks run', async () => {
    const clock = createManualClock(0);
    const fired: number[] = [];
    clock.setTimer(100, () => {
      void Promise.resolve().then(() => clock.setTimer(100, () => fired.push(clock.now())));
    });
    await clock.advance(250);
    expect(fired).toEqual([200]);
  });

  it('does not fire a cancelled timer', async () => {
    const clock = createManualClock(0);
    let fired = false;
    const cancel = clock.setTimer(10, () => (fired = true));
    cancel();
    await clock.advance(20);
    expect(fired).toBe(false);
  });
});
