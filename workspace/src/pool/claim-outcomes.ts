import type { ClaimOutcome, ClaimResults } from '../api/claims.ts';
import type { MessageKey } from '../i18n/translate.ts';

/** What each outcome of POST /api/customers/claims tells the rep. */
export const claimOutcomeMessages: Record<ClaimOutcome, MessageKey> = {
  claimed: 'pool.outcome.claimed',
  alreadyYours: 'pool.outcome.alreadyYours',
  notInPool: 'pool.outcome.notInPool',
  quotaExceeded: 'pool.outcome.quotaExceeded',
  stageForbids: 'pool.outcome.stageForbids',
  coolingDown: 'pool.outcome.coolingDown',
  capacityReached: 'pool.outcome.capacityReached',
};

export interface ClaimReport {
  claimed: number[];
  /** The customers not claimed, each with why, in the order asked. */
  refused: Array<{ customerId: number; outcome: Exclude<ClaimOutcome, 'claimed'>; claimableAt?: string }>;
  /** Set when the quota stopped some claims: the rep should hear that first, not read it off each row. */
  quotaReached: boolean;
  remaining: number;
}

/** Sorts a claim's answer into what was claimed and what was not, and whether today's quota is used up. */
export function claimReport(answer: ClaimResults): ClaimReport {
  const claimed: number[] = [];
  const refused: ClaimReport['refused'] = [];
  for (const result of answer.results) {
    if (result.outcome === 'claimed') claimed.push(result.customerId);
    else
      refused.push({
        customerId: result.customerId,
        outcome: result.outcome,
        ...(result.claimableAt === undefined ? {} : { claimableAt: result.claimableAt }),
      });
  }
  return {
    claimed,
    refused,
    quotaReached: answer.quota.remaining === 0 || refused.some((entry) => entry.outcome === 'quotaExceeded'),
    remaining: answer.quota.remaining,
  };
}

/** The selection after a claim: what was claimed has left the pool; what was refused stays selected to look at. */
export function selectionAfterClaim(selected: ReadonlySet<number>, report: ClaimReport): Set<number> {
  const claimed = new Set(report.claimed);
  return new Set([...selected].filter((id) => !claimed.has(id)));
}
