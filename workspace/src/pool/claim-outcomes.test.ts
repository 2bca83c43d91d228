import { describe, expect, it } from 'vitest';
import { claimOutcomes, type ClaimResults } from '../api/claims.ts';
import { catalogues } from '../i18n/translate.ts';
import { claimOutcomeMessages, claimReport, selectionAfterClaim } from './claim-outcomes.ts';

const quota = (remaining: number) => ({ limit: 20, usedToday: 20 - remaining, remaining, resetsAt: '2026-11-26T16:00:00.000Z', timeZone: 'Asia/Shanghai' });

describe('a claim’s outcomes', () => {
  it('separates the customers claimed from the ones refused, keeping the order asked', () => {
    const answer: ClaimResults = {
      results: [
        { customerId: 7, outcome: 'claimed' },
        { customerId: 3, outcome: 'coolingDown', claimableAt: '2026-12-01T00:00:00.000Z' },
        { customerId: 9, outcome: 'claimed' },
        { customerId: 4, outcome: 'notInPool' },
      ],
      quota: quota(16),
    };
    expect(claimReport(answer)).toEqual({
      claimed: [7, 9],
      refused: [
        { customerId: 3, outcome: 'coolingDown', claimableAt: '2026-12-01T00:00:00.000Z' },
        { customerId: 4, outcome: 'notInPool' },
      ],
      quotaReached: false,
      remaining: 16,
    });
  });

  it('says the quota is reached when it stopped a claim or none is left', () => {
    expect(claimReport({ results: [{ customerId: 1, outcome: 'quotaExceeded' }], quota: quota(0) }).quotaReached).toBe(true);
    expect(claimReport({ results: [{ customerId: 1, outcome: 'claimed' }], quota: quota(0) }).quotaReached).toBe(true);
    expect(claimReport({ results: [{ customerId: 1, outcome: 'capacityReached' }], quota: quota(5) }).quotaReached).toBe(false);
  });

  it('keeps refused customers selected and drops the claimed ones', () => {
    const report = claimReport({ results: [{ customerId: 1, outcome: 'claimed' }, { customerId: 2, outcome: 'quotaExceeded' }], quota: quota(0) });
    expect([...selectionAfterClaim(new Set([1, 2, 5]), report)]).toEqual([2, 5]);
  });

  it('has words for every outcome the API can give, in both languages', () => {
    for (const outcome of claimOutcomes) {
      expect(catalogues.en[claimOutcomeMessages[outcome]]).toBeTruthy();
      expect(catalogues['zh-CN'][claimOutcomeMessages[outcome]]).not.toBe(catalogues.en[claimOutcomeMessages[outcome]]);
    }
  });
});
