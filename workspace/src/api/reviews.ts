import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { Customer } from './customers.ts';

export const reviewBuckets = ['day', 'week', 'month'] as const;
export type ReviewBucket = (typeof reviewBuckets)[number];

/** One person's work in one bucket (api/reviews/review-activity.schema.ts); amounts are exact decimal text. */
export interface ActivityRow {
  userId: number;
  bucket: string;
  newCustomers: number;
  contactRecords: number;
  opportunities: number;
  opportunityAmount: string;
  orders: number;
  orderAmount: string;
}

export interface ActivityReview {
  from: string;
  to: string;
  bucket: ReviewBucket;
  timeZone: string;
  buckets: string[];
  people: Array<{ userId: number; displayName: string; teamId: number | null }>;
  rows: ActivityRow[];
}

export interface ActivityPeriod {
  from: string;
  to: string;
  bucket: ReviewBucket;
  /** One team only (administrators); absent: everyone the viewer reviews. */
  team?: number;
}

export function fetchActivityReview(api: ApiClient, period: ActivityPeriod): Promise<ActivityReview> {
  const query = new URLSearchParams({ from: period.from, to: period.to, bucket: period.bucket });
  if (period.team !== undefined) query.set('team', String(period.team));
  return api.get<ActivityReview>(`/api/reviews/activity?${query}`);
}

/** A contact record to review (api/reviews/review-lists.schema.ts), with its customer's name and stage. */
export interface TeamContactRecord {
  id: number;
  customerId: number;
  customerName: string;
  customerStage: string;
  authorId: number;
  channel: string;
  outcome: string;
  notes: string;
  occurredAt: string;
  nextFollowUpAt: string | null;
}

export interface TeamContactRecordFilters {
  author?: number;
  from?: string;
  to?: string;
}

export function fetchTeamContactRecords(
  api: ApiClient,
  filters: TeamContactRecordFilters,
  cursor?: string,
): Promise<{ items: TeamContactRecord[]; nextCursor: string | null }> {
  const search = new URLSearchParams({ limit: '50' });
  if (filters.author !== undefined) search.set('author', String(filters.author));
  if (filters.from !== undefined && filters.from !== '') search.set('from', filters.from);
  if (filters.to !== undefined && filters.to !== '') search.set('to', filters.to);
  if (cursor !== undefined) search.set('cursor', cursor);
  return api.get(`/api/reviews/contact-records?${search}`);
}

/** Owned customers whose machine flag has a value, e.g. tracking = paused. */
export function fetchFlaggedCustomers(api: ApiClient, flag: { flag: string; value: string }, cursor?: number): Promise<{ items: Customer[]; nextCursor: number | null }> {
  const search = new URLSearchParams({ flag: flag.flag, value: flag.value, limit: '50' });
  if (cursor !== undefined) search.set('cursor', String(cursor));
  return api.get(`/api/reviews/flagged-customers?${search}`);
}

/** GET /api/teams: every team for a role that sees everyone. */
export const fetchTeams = (api: ApiClient) => api.get<Array<{ id: number; name: string }>>('/api/teams');
