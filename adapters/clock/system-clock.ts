import type { CancelTimer, Clock } from './clock.port.ts';

// setTimeout keeps its delay in a signed 32-bit integer: anything longer (about 24.8 days) fires at once.
const longestTimeoutMs = 2 ** 31 - 1;

/** The machine's clock: `Date.now()` and `setTimeout`, with delays of any length and never early. */
export function createSystemClock(): Clock {
  return {
    now: () => Date.now(),
    setTimer(delayMs: number, callback: () => void): CancelTimer {
      const dueAt = Date.now() + Math.max(0, delayMs);
      let timeout: NodeJS.Timeout;
      // Timers run on a monotonic clock and can fire a millisecond before Date.now() reaches dueAt: wait that out.
      const arm = () => {
        const remaining = dueAt - Date.now();
        if (remaining <= 0) callback();
        else timeout = setTimeout(arm, Math.min(remaining, longestTimeoutMs));
      };
      timeout = setTimeout(arm, Math.min(Math.max(0, delayMs), longestTimeoutMs));
      return () => clearTimeout(timeout);
    },
  };
}
