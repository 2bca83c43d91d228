import type { ApiClient } from '../../../ui-kit/api/api-client.ts';

/** GET /api/me/claim-quota and the quota a claim answers with (api/ownership/ownership-view.schema.ts). */
export interface ClaimQuota {
  limit: number;
  usedToday: number;
  remaining: number;
  resetsAt: string;
  timeZone: string;
}

export const claimOutcomes = ['claimed', 'alreadyYours', 'notInPool', 'quotaExceeded', 'stageForbids', 'coolingDown', 'capacityReached'] as const;
export type ClaimOutcome = (typeof claimOutcomes)[number];

export interface ClaimResult {
  customerId: number;
  outcome: ClaimOutcome;
  claimableAt?: string;
}

export interface ClaimResults {
  results: ClaimResult[];
  quota: ClaimQuota;
}

export const fetchClaimQuota = (api: ApiClient) => api.get<ClaimQuota>('/api/me/claim-quota');

/** Each customer is judged on its own; the answer is 200 whatever the outcomes. */
export const claimCustomers = (api: ApiClient, customerIds: readonly number[]) =>
  api.post<ClaimResults>('/api/customers/claims', { customerIds });

/** POST …/remove-claim (managers and administrators): back to the pool; answers the customer as it is now. */
export const removeClaim = (api: ApiClient, customerId: number, reason?: string) =>
  api.post<unknown>(`/api/customers/${customerId}/remove-claim`, reason === undefined || reason.trim() === '' ? {} : { reason: reason.trim() });
