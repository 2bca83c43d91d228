import type { CancelTimer, Clock } from './clock.port.ts';

/** A clock that stands still until a test moves it; even a timer set for 0 ms waits for the next `advance`. */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in due order (timers set by those
   * callbacks included). After each timer, and at the end, it lets pending promise callbacks run, so code that
   * reacts to a timer without real I/O has finished by the time `advance` resolves.
   */
  advance(ms: number): Promise<void>;
  /** How many timers are set and not yet fired or cancelled. */
  pendingTimers(): number;
}

interface PendingTimer {
  dueAt: number;
  order: number;
  callback: () => void;
}

/** One macrotask turn: every promise callback queued before it has run when it resolves. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A manual clock starting at `startMs` (default 2026-01-05T00:00:00Z, a Monday). */
export function createManualClock(startMs: number = Date.UTC(2026, 0, 5)): ManualClock {
  let now = startMs;
  let nextOrder = 0;
  const timers = new Set<PendingTimer>();

  const nextDue = (until: number): PendingTimer | undefined => {
    let earliest: PendingTimer | undefined;
    for (const timer of timers) {
      if (timer.dueAt > until) continue;
      if (!earliest || timer.dueAt < earliest.dueAt || (timer.dueAt === earliest.dueAt && timer.order < earliest.order)) {
        earliest = timer;
      }
    }
    return earliest;
  };

  return {
    now: () => now,
    setTimer(delayMs: number, callback: () => void): CancelTimer {
      const timer = { dueAt: now + Math.max(0, delayMs), order: nextOrder++, callback };
      timers.add(timer);
      return () => {
        timers.delete(timer);
      };
    },
    async advance(ms: number): Promise<void> {
      if (!(ms >= 0)) throw new RangeError(`A manual clock only moves forward; got ${ms} ms.`);
      const target = now + ms;
      await settle();
      for (let timer = nextDue(target); timer; timer = nextDue(target)) {
        timers.delete(timer);
        now = Math.max(now, timer.dueAt);
        timer.callback();
        await settle();
      }
      now = target;
      await settle();
    },
    pendingTimers: () => timers.size,
  };
}
