import type { MikroORM } from '@mikro-orm/postgresql';
import { boundQuery } from '../../../api/database/bound-query.ts';
import { noteOutboxInserted } from '../../../api/outbox/outbox-commit-nudge.ts';
import { recordedTopic } from './recording-handler.ts';

/**
 * Commits `count` recorded-topic messages as a command does: inserted with SQL in a transaction and noted for the
 * commit nudge (what runCommand's one-statement insert is to call), so they are nudged once the transaction commits.
 */
export async function enqueueRecorded(orm: MikroORM, prefix: string, from: number, count: number): Promise<void> {
  await orm.em.fork().transactional(async (em) => {
    const rows = await boundQuery<{ id: string }>(
      em,
      `insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
       select $1, jsonb_build_object('n', n), $2 || '-' || n, 'pending', 0, now(), now()
       from generate_series($3::int, $3::int + $4::int - 1) as n
       returning id`,
      [recordedTopic, prefix, from, count],
    );
    noteOutboxInserted(em, rows.map((row) => Number(row.id)));
  });
}
