import type { AppNotification } from '../api/notifications.ts';
import { pathOf } from '../routing/routes.ts';

/** The page a notification leads to: the customer it or its record belongs to, or the lead it is about. */
export function notificationPathOf(notification: AppNotification): string | undefined {
  const link = notification.link;
  if (link === null) return undefined;
  const customerId = link.customerId ?? (link.entity === 'customer' ? link.id : null);
  if (customerId !== null) return pathOf({ page: 'customer', id: customerId });
  return link.entity === 'lead' ? pathOf({ page: 'lead', id: link.id }) : undefined;
}
