/** Cancels a timer set with {@link Clock.setTimer}; calling it after the timer fired does nothing. */
export type CancelTimer = () => void;

/**
 * Time, as the runtime reads it: the current instant and one-shot timers. Code that waits (delayed jobs, retries
 * with backoff, schedules) takes a Clock instead of calling `Date.now` and `setTimeout`, so tests move time with
 * a manual clock instead of sleeping.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now (0 or less: as soon as the clock lets it). */
  setTimer(delayMs: number, callback: () => void): CancelTimer;
}
