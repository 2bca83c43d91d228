import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { boundQuery } from '../database/bound-query.ts';
import type { NotificationSeverity } from './notification-view.schema.ts';

/**
 * The PostgreSQL channel new notifications are announced on. The payload names the schema, the user and the row,
 * never the text: a payload is capped at 8000 bytes, and a listener reads the row as its reader may see it.
 */
export const notificationChannel = 'stagecraft_notification';

export interface NotificationAnnouncement {
  schema: string;
  userId: number;
  id: number;
}

/** What to tell whom. `sourceKey` makes it once per person: the same key for the same user is written only once. */
export interface NewNotification {
  userIds: readonly number[];
  kind: 'reminder' | 'notice';
  title: LocalizedText;
  body?: LocalizedText | null;
  severity?: NotificationSeverity;
  popup?: boolean;
  link?: { entity: string; recordId: number; customerId: number | null } | null;
  sourceKey: string;
}

/**
 * Writes one notification per active user named, in the command's transaction, and announces each with pg_notify in
 * that same transaction: PostgreSQL delivers the announcement only if and when it commits, so a browser never hears of
 * a notification that was rolled back, and one written by a worker process reaches a stream held by the API process.
 * A repeated delivery (same source key) writes and announces nothing. Returns the ids written.
 */
export async function notifyPeople(context: CommandContext, notification: NewNotification): Promise<number[]> {
  const userIds = [...new Set(notification.userIds)];
  if (userIds.length === 0) return [];
  const link = notification.link ?? null;
  const rows = await boundQuery<{ id: string }>(
    context.em,
    `with written as (
       insert into notification (user_id, kind, title, body, severity, popup, entity, record_id, customer_id, source_key, created_at)
       select u.id, $2, $3::jsonb, $4::jsonb, $5, $6, $7, $8, $9, $10, $11
       from app_user u where u.id = any($1::bigint[]) and u.active
       order by u.id
       on conflict (user_id, source_key) do nothing
       returning id, user_id)
     select id::text as id, pg_notify($12, json_build_object('schema', current_schema(), 'userId', user_id, 'id', id)::text) as announced
     from written`,
    [
      userIds,
      notification.kind,
      JSON.stringify(notification.title),
      notification.body == null ? null : JSON.stringify(notification.body),
      notification.severity ?? 'info',
      notification.popup ?? false,
      link?.entity ?? null,
      link?.recordId ?? null,
      link?.customerId ?? null,
      notification.sourceKey,
      context.now,
      notificationChannel,
    ],
  );
  return rows.map((row) => Number(row.id));
}
