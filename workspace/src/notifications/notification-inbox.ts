import type { AppNotification } from '../api/notifications.ts';

/** The bell's state: the newest notifications, the unread count the server keeps, and the pop-ups on screen. */
export interface Inbox {
  items: AppNotification[];
  unreadCount: number;
  popups: AppNotification[];
}

export const emptyInbox: Inbox = { items: [], unreadCount: 0, popups: [] };

const listLength = 20;
const mostPopups = 3;

export type InboxEvent =
  | { type: 'loaded'; items: AppNotification[]; unreadCount: number }
  | { type: 'ready'; unreadCount: number }
  | { type: 'received'; notification: AppNotification }
  | { type: 'read'; notification: AppNotification; unreadCount?: number }
  | { type: 'allRead'; unreadCount: number }
  | { type: 'dismissed'; id: number };

const byNewest = (a: AppNotification, b: AppNotification) => b.id - a.id;

/**
 * The inbox after an event. The stream may replay a notification the list already holds (a reconnect with
 * Last-Event-ID), so one arriving twice is counted and popped once.
 */
export function updateInbox(inbox: Inbox, event: InboxEvent): Inbox {
  switch (event.type) {
    case 'loaded':
      return { ...inbox, items: [...event.items].sort(byNewest).slice(0, listLength), unreadCount: event.unreadCount };
    case 'ready':
      return { ...inbox, unreadCount: event.unreadCount };
    case 'received': {
      const { notification } = event;
      if (inbox.items.some((item) => item.id === notification.id)) return inbox;
      const popups =
        notification.popup && notification.readAt === null ? [notification, ...inbox.popups].slice(0, mostPopups) : inbox.popups;
      return {
        items: [notification, ...inbox.items].sort(byNewest).slice(0, listLength),
        unreadCount: inbox.unreadCount + (notification.readAt === null ? 1 : 0),
        popups,
      };
    }
    case 'read': {
      const wasUnread = inbox.items.some((item) => item.id === event.notification.id && item.readAt === null);
      return {
        items: inbox.items.map((item) => (item.id === event.notification.id ? event.notification : item)),
        unreadCount: event.unreadCount ?? Math.max(0, inbox.unreadCount - (wasUnread ? 1 : 0)),
        popups: inbox.popups.filter((popup) => popup.id !== event.notification.id),
      };
    }
    case 'allRead': {
      const now = new Date().toISOString();
      return { items: inbox.items.map((item) => (item.readAt === null ? { ...item, readAt: now } : item)), unreadCount: event.unreadCount, popups: [] };
    }
    case 'dismissed':
      return { ...inbox, popups: inbox.popups.filter((popup) => popup.id !== event.id) };
  }
}
