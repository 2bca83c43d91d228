import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/notifications.ts';
import { notificationPathOf } from './notification-path.ts';

const about = (link: AppNotification['link']): AppNotification => ({
  id: 1,
  kind: 'notice',
  title: { en: 'x', 'zh-CN': 'x' },
  body: null,
  severity: 'info',
  popup: false,
  link,
  createdAt: '2026-11-24T08:00:00Z',
  readAt: null,
});

describe('where a notification leads', () => {
  it('opens the customer a record belongs to, the customer itself, or the lead', () => {
    expect(notificationPathOf(about({ entity: 'order', id: 9, customerId: 4 }))).toBe('/customers/4');
    expect(notificationPathOf(about({ entity: 'customer', id: 4, customerId: null }))).toBe('/customers/4');
    expect(notificationPathOf(about({ entity: 'lead', id: 12, customerId: null }))).toBe('/leads/12');
  });

  it('leads nowhere without a record, or for a record of no page', () => {
    expect(notificationPathOf(about(null))).toBeUndefined();
    expect(notificationPathOf(about({ entity: 'ticket', id: 3, customerId: null }))).toBeUndefined();
  });
});
