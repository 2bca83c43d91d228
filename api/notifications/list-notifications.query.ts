import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { ListNotificationsQuery } from './notification-bodies.schema.ts';
import { notificationColumns, notificationView, type NotificationPage, type NotificationRow, type NotificationView } from './notification-view.schema.ts';

export async function unreadCount(em: EntityManager, userId: number): Promise<number> {
  const [row] = await boundQuery<{ count: number }>(em, 'select count(*)::int as count from notification where user_id = $1 and read_at is null', [
    userId,
  ]);
  return row?.count ?? 0;
}

/** The caller's notifications, newest first, a page at a time, with the count of all their unread ones. */
export async function listNotifications(orm: MikroORM, userId: number, query: ListNotificationsQuery): Promise<NotificationPage> {
  const em = orm.em.fork();
  const limit = query.limit ?? 50;
  const rows = await boundQuery<NotificationRow>(
    em,
    `select ${notificationColumns} from notification
     where user_id = $1 and ($2::bool is not true or read_at is null) and ($3::bigint is null or id < $3)
     order by id desc limit $4`,
    [userId, query.unread ?? null, query.cursor ?? null, limit + 1],
  );
  const items = rows.slice(0, limit).map(notificationView);
  return { items, unreadCount: await unreadCount(em, userId), nextCursor: rows.length > limit ? String(items.at(-1)?.id) : null };
}

/** One notification of the user's, or undefined: someone else's is as unknown as one that does not exist. */
export async function findNotification(em: EntityManager, userId: number, id: number): Promise<NotificationView | undefined> {
  const [row] = await boundQuery<NotificationRow>(em, `select ${notificationColumns} from notification where id = $1 and user_id = $2`, [id, userId]);
  return row === undefined ? undefined : notificationView(row);
}

/** The user's notifications after `afterId`, oldest first: what a reconnecting stream missed. */
export async function notificationsAfter(em: EntityManager, userId: number, afterId: number, limit = 100): Promise<NotificationView[]> {
  const rows = await boundQuery<NotificationRow>(
    em,
    `select ${notificationColumns} from notification where user_id = $1 and id > $2 order by id limit $3`,
    [userId, afterId, limit],
  );
  return rows.map(notificationView);
}
