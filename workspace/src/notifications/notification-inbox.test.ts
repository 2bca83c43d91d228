import { describe, expect, it } from 'vitest';
import type { AppNotification } from '../api/notifications.ts';
import { emptyInbox, updateInbox } from './notification-inbox.ts';

const reminder = (id: number, overrides: Partial<AppNotification> = {}): AppNotification => ({
  id,
  kind: 'reminder',
  title: { en: `Call back ${id}`, 'zh-CN': `回访 ${id}` },
  body: null,
  severity: 'info',
  popup: true,
  link: { entity: 'customer', id, customerId: id },
  createdAt: '2026-11-26T01:00:00.000Z',
  readAt: null,
  ...overrides,
});

describe('the notification inbox', () => {
  it('counts and pops up a live reminder once, even when the stream replays it', () => {
    const loaded = updateInbox(emptyInbox, { type: 'loaded', items: [reminder(1, { readAt: '2026-11-26T02:00:00.000Z' })], unreadCount: 0 });
    const once = updateInbox(loaded, { type: 'received', notification: reminder(2) });
    const twice = updateInbox(once, { type: 'received', notification: reminder(2) });
    expect(twice).toBe(once);
    expect(twice.unreadCount).toBe(1);
    expect(twice.popups.map((popup) => popup.id)).toEqual([2]);
    expect(twice.items.map((item) => item.id)).toEqual([2, 1]);
  });

  it('lists a notice that is not a pop-up without popping it', () => {
    const inbox = updateInbox(emptyInbox, { type: 'received', notification: reminder(3, { kind: 'notice', popup: false }) });
    expect(inbox.popups).toEqual([]);
    expect(inbox.unreadCount).toBe(1);
  });

  it('takes a read one off the count and off the screen', () => {
    const inbox = updateInbox(emptyInbox, { type: 'received', notification: reminder(4) });
    const read = updateInbox(inbox, { type: 'read', notification: reminder(4, { readAt: '2026-11-26T03:00:00.000Z' }) });
    expect(read.unreadCount).toBe(0);
    expect(read.popups).toEqual([]);
    expect(read.items[0]!.readAt).not.toBeNull();
    // Reading it again does not count below zero.
    expect(updateInbox(read, { type: 'read', notification: reminder(4, { readAt: '2026-11-26T03:00:00.000Z' }) }).unreadCount).toBe(0);
  });

  it('believes the server’s count when the stream opens', () => {
    expect(updateInbox(emptyInbox, { type: 'ready', unreadCount: 12 }).unreadCount).toBe(12);
  });

  it('marks everything read at once and clears the pop-ups', () => {
    const inbox = updateInbox(updateInbox(emptyInbox, { type: 'received', notification: reminder(5) }), { type: 'received', notification: reminder(6) });
    const all = updateInbox(inbox, { type: 'allRead', unreadCount: 0 });
    expect(all.items.every((item) => item.readAt !== null)).toBe(true);
    expect(all.popups).toEqual([]);
  });
});
