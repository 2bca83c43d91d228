/** How often and how patiently a failing message is tried again before it is parked as a dead letter. */
export interface OutboxRetryPolicy {
  /** Tries in all, the first included; the last failure parks the message. */
  maxAttempts: number;
  /** The wait after the first failure; each further failure doubles it. */
  retryBaseMs: number;
  /** The longest wait between two tries. */
  retryMaxMs: number;
}

export const defaultOutboxRetryPolicy: OutboxRetryPolicy = { maxAttempts: 8, retryBaseMs: 1_000, retryMaxMs: 10 * 60_000 };

/** The wait before the next try after `failedAttempts` failures: base, 2×base, 4×base … capped. */
export function retryDelayMsAfter(policy: OutboxRetryPolicy, failedAttempts: number): number {
  return Math.min(policy.retryMaxMs, policy.retryBaseMs * 2 ** Math.max(0, failedAttempts - 1));
}
