import { useCallback, useEffect, useReducer } from 'react';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationStreamPath,
  type AppNotification,
} from '../api/notifications.ts';
import { emptyInbox, updateInbox, type Inbox } from './notification-inbox.ts';

export interface Notifications {
  inbox: Inbox;
  markRead(notification: AppNotification): void;
  markAllRead(): void;
  dismiss(id: number): void;
}

/**
 * The signed-in person's notifications: the newest page once, then every new one live from the server's event
 * stream. EventSource reconnects by itself and sends Last-Event-ID, and the server replays what was missed.
 */
export function useNotifications(api: ApiClient): Notifications {
  const [inbox, dispatch] = useReducer(updateInbox, emptyInbox);

  useEffect(() => {
    let current = true;
    fetchNotifications(api).then(
      (page) => current && dispatch({ type: 'loaded', items: page.items, unreadCount: page.unreadCount }),
      (error: unknown) => {
        // The bell stays at zero rather than breaking the page; the stream may still bring news.
        if (!isApiFailure(error)) throw error;
      },
    );
    if (typeof EventSource === 'undefined') return () => {
      current = false;
    };
    const stream = new EventSource(notificationStreamPath);
    stream.addEventListener('ready', (event) => {
      const { unreadCount } = JSON.parse((event as MessageEvent<string>).data) as { unreadCount: number };
      dispatch({ type: 'ready', unreadCount });
    });
    stream.addEventListener('notification', (event) => {
      dispatch({ type: 'received', notification: JSON.parse((event as MessageEvent<string>).data) as AppNotification });
    });
    return () => {
      current = false;
      stream.close();
    };
  }, [api]);

  const markRead = useCallback(
    (notification: AppNotification) => {
      markNotificationRead(api, notification.id).then(
        (read) => dispatch({ type: 'read', notification: read }),
        (error: unknown) => {
          if (!isApiFailure(error)) throw error;
        },
      );
    },
    [api],
  );
  const markAllRead = useCallback(() => {
    markAllNotificationsRead(api).then(
      ({ unreadCount }) => dispatch({ type: 'allRead', unreadCount }),
      (error: unknown) => {
        if (!isApiFailure(error)) throw error;
      },
    );
  }, [api]);
  const dismiss = useCallback((id: number) => dispatch({ type: 'dismissed', id }), []);
  return { inbox, markRead, markAllRead, dismiss };
}
