/** A session ends after this long without a request… */
export const sessionIdleMs = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in. */
export const sessionAbsoluteMs = 7 * 24 * 60 * 60 * 1000;
// last_seen_at is written at most this often per session, so a busy page does not write a row on every request.
export const lastSeenWriteIntervalMs = 60 * 1000;
