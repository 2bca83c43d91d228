import type { ActivityReview, ActivityRow } from '../api/reviews.ts';
import { zonedLocalOf } from '../contact-log/zoned-time.ts';

export const activityMetrics = ['newCustomers', 'contactRecords', 'opportunities', 'opportunityAmount', 'orders', 'orderAmount'] as const;
export type ActivityMetric = (typeof activityMetrics)[number];

/** One person's totals over the period, every metric as a number (amounts in the currency's unit). */
export interface PersonTotals {
  userId: number;
  displayName: string;
  totals: Record<ActivityMetric, number>;
}

const valueOf = (row: ActivityRow, metric: ActivityMetric): number => Number(row[metric]);

// Amounts arrive as exact decimal text; summing them as cents keeps 0.1 + 0.2 from showing 0.30000000000000004.
function sumOf(rows: readonly ActivityRow[], metric: ActivityMetric): number {
  if (metric === 'opportunityAmount' || metric === 'orderAmount') {
    return rows.reduce((cents, row) => cents + Math.round(valueOf(row, metric) * 100), 0) / 100;
  }
  return rows.reduce((sum, row) => sum + valueOf(row, metric), 0);
}

/** Each person's totals for the period, in the answer's order (by name). */
export function personTotals(review: ActivityReview): PersonTotals[] {
  return review.people.map((person) => {
    const rows = review.rows.filter((row) => row.userId === person.userId);
    const totals = Object.fromEntries(activityMetrics.map((metric) => [metric, sumOf(rows, metric)])) as Record<ActivityMetric, number>;
    return { userId: person.userId, displayName: person.displayName, totals };
  });
}

/** One series per person for a metric: a value for every bucket, in the buckets' order (zeros included). */
export function metricSeries(review: ActivityReview, metric: ActivityMetric): Array<{ name: string; values: number[] }> {
  return review.people.map((person) => {
    const byBucket = new Map(review.rows.filter((row) => row.userId === person.userId).map((row) => [row.bucket, valueOf(row, metric)]));
    return { name: person.displayName, values: review.buckets.map((bucket) => byBucket.get(bucket) ?? 0) };
  });
}

/** The last `days` days up to today, in the person's time zone, as YYYY-MM-DD. */
export function recentPeriod(now: Date, timeZone: string, days: number): { from: string; to: string } {
  const to = zonedLocalOf(now, timeZone).slice(0, 10);
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}
