import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { LocalizedText } from './me.ts';

/** A notification, in the list and on the live stream alike (api/notifications/notification-view.schema.ts). */
export interface AppNotification {
  id: number;
  kind: string;
  title: LocalizedText;
  body: LocalizedText | null;
  severity: 'info' | 'warning' | 'urgent';
  popup: boolean;
  link: { entity: string; id: number; customerId: number | null } | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: AppNotification[];
  unreadCount: number;
  nextCursor: string | null;
}

export const notificationStreamPath = '/api/me/notifications/stream';

export const fetchNotifications = (api: ApiClient) => api.get<NotificationPage>('/api/me/notifications?limit=20');

export const markNotificationRead = (api: ApiClient, id: number) => api.post<AppNotification>(`/api/me/notifications/${id}/read`);

export const markAllNotificationsRead = (api: ApiClient, upToId?: number) =>
  api.post<{ marked: number; unreadCount: number }>('/api/me/notifications/read-all', upToId === undefined ? {} : { upToId });
