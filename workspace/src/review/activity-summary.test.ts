import { describe, expect, it } from 'vitest';
import type { ActivityReview } from '../api/reviews.ts';
import { metricSeries, personTotals, recentPeriod } from './activity-summary.ts';

const row = (userId: number, bucket: string, counts: Partial<ActivityReview['rows'][number]> = {}) => ({
  userId,
  bucket,
  newCustomers: 0,
  contactRecords: 0,
  opportunities: 0,
  opportunityAmount: '0.00',
  orders: 0,
  orderAmount: '0.00',
  ...counts,
});

const review: ActivityReview = {
  from: '2026-11-01',
  to: '2026-11-02',
  bucket: 'day',
  timeZone: 'Asia/Shanghai',
  buckets: ['2026-11-01', '2026-11-02'],
  people: [
    { userId: 3, displayName: '李娜', teamId: 1 },
    { userId: 4, displayName: '张伟', teamId: 1 },
  ],
  rows: [
    row(3, '2026-11-01', { contactRecords: 2, orderAmount: '0.10' }),
    row(3, '2026-11-02', { contactRecords: 1, orders: 1, orderAmount: '0.20' }),
    row(4, '2026-11-02', { newCustomers: 5 }),
  ],
};

describe('activity summary', () => {
  it('totals each person’s period, amounts exact to the cent', () => {
    const [li, zhang] = personTotals(review);
    expect(li!.totals).toEqual({ newCustomers: 0, contactRecords: 3, opportunities: 0, opportunityAmount: 0, orders: 1, orderAmount: 0.3 });
    expect(zhang!.totals.newCustomers).toBe(5);
  });

  it('gives one value per bucket per person, zero where a bucket has no row', () => {
    expect(metricSeries(review, 'newCustomers')).toEqual([
      { name: '李娜', values: [0, 0] },
      { name: '张伟', values: [0, 5] },
    ]);
  });

  it('counts the recent days in the person’s zone, not the machine’s', () => {
    // 2026-11-01T17:00Z is already 2 Nov in Shanghai, still 1 Nov in New York.
    const now = new Date('2026-11-01T17:00:00Z');
    expect(recentPeriod(now, 'Asia/Shanghai', 7)).toEqual({ from: '2026-10-27', to: '2026-11-02' });
    expect(recentPeriod(now, 'America/New_York', 1)).toEqual({ from: '2026-11-01', to: '2026-11-01' });
  });
});
