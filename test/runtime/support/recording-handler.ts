import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { createRecordingEffectAdapter } from '../../../adapters/effects/recording-effect-adapter.ts';
import { boundExecute } from '../../../api/database/bound-query.ts';
import { effectAdapterHandler } from '../../../api/outbox/effect-adapter.handler.ts';
import type { OutboxHandler } from '../../../api/outbox/outbox-handler.ts';

/** The topic the fault tests send through the recording adapter. */
export const recordedTopic = 'test.recorded';

/** The table a recording handler writes to, in the test's schema; one row per delivery that committed. */
export async function createRecordingTable(pool: pg.Pool): Promise<void> {
  await pool.query('create table recorded_effect (idempotency_key text not null, pid integer not null, at timestamptz not null default clock_timestamp())');
}

/**
 * Delivers a message twice over: a row in `recorded_effect` inside the delivering transaction (it commits with the
 * `done` mark or not at all — the exactly-once side) and a call of the recording adapter, appended to `file` at once
 * (the provider's side, which sees a call again when a worker dies before its commit). `delayMs` keeps the
 * transaction open a while, so a kill lands in the middle of deliveries.
 */
export function recordingHandler(options: { file?: string; delayMs?: number } = {}): OutboxHandler {
  const deliver = effectAdapterHandler(createRecordingEffectAdapter(options.file === undefined ? {} : { file: options.file }));
  return async (context, delivery) => {
    await boundExecute(context.em, 'insert into recorded_effect (idempotency_key, pid) values ($1, $2)', [delivery.idempotencyKey, process.pid]);
    await deliver(context, delivery);
    if (options.delayMs) await sleep(options.delayMs);
  };
}

/** Inserts `count` due messages of the recorded topic with keys `<prefix>-<n>`, as one statement. */
export async function insertRecordedMessages(pool: pg.Pool, prefix: string, from: number, count: number): Promise<void> {
  await pool.query(
    `insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
     select $1, jsonb_build_object('n', n), $2 || '-' || n, 'pending', 0, now(), now()
     from generate_series($3::int, $3::int + $4::int - 1) as n`,
    [recordedTopic, prefix, from, count],
  );
}
