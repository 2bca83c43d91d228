import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import type { DeadLetterPageQuery, DeadLetterView } from './dead-letter-view.schema.ts';

interface DeadLetterRow {
  id: string;
  topic: string;
  idempotency_key: string;
  payload: Record<string, unknown>;
  attempts: number;
  last_error: string | null;
  dead_reason: { en: string; 'zh-CN': string } | null;
  // The ORM's pg client leaves timestamps as text; read them either way.
  created_at: Date | string;
  dead_at: Date | string;
  dead_micros: string;
}

/** Dead letters, most recently parked first, one page at a time; the cursor is `<parked at, µs>-<id>` of the last. */
export async function listDeadLetters(
  em: EntityManager,
  query: DeadLetterPageQuery,
): Promise<{ items: DeadLetterView[]; nextCursor: string | null }> {
  const limit = query.limit ?? 50;
  const [micros, id] = query.cursor === undefined ? [undefined, undefined] : query.cursor.split('-');
  const rows = await boundQuery<DeadLetterRow>(
    em,
    `select id, topic, idempotency_key, payload, attempts, last_error, dead_reason, created_at, dead_at,
            (extract(epoch from dead_at) * 1000000)::bigint::text as dead_micros
     from outbox
     where status = 'dead' ${micros === undefined ? '' : "and (dead_at, id) < (timestamptz 'epoch' + $2::bigint * interval '1 microsecond', $3::bigint)"}
     order by dead_at desc, id desc
     limit $1`,
    micros === undefined ? [limit + 1] : [limit + 1, micros, id],
  );
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map((row) => ({
      id: Number(row.id),
      topic: row.topic,
      idempotencyKey: row.idempotency_key,
      payload: row.payload,
      attempts: row.attempts,
      error: row.last_error,
      reason: row.dead_reason ?? { en: row.last_error ?? '', 'zh-CN': row.last_error ?? '' },
      createdAt: new Date(row.created_at).toISOString(),
      deadAt: new Date(row.dead_at).toISOString(),
    })),
    nextCursor: rows.length > limit && last !== undefined ? `${last.dead_micros}-${last.id}` : null,
  };
}
