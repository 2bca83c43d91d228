import type { BindParams } from '../database/bound-query.ts';
import type { AuditInput, OutboxInput } from './command-context.ts';

/** Who wrote, when and for which request: the same for every audit entry and outbox message of one command. */
export interface CommandStamp {
  actorId: number | null;
  now: Date;
  requestId: string | null;
}

/**
 * Common table expressions (`audit_rows as (…), outbox_rows as (…)`, ready to follow `with`) that insert a command's
 * audit entries and outbox messages, whatever their number: rows travel as one JSON array per table (bound, never
 * spliced) and `jsonb_to_recordset` unpacks them, so a command pays one round trip and no entity bookkeeping for
 * them. `onlyIf` (SQL) makes both inserts conditional — on the row a write in the same statement returned. The
 * outbox insert returns the new ids as `outbox_rows`, for the commit nudge. A repeated idempotency key fails on the
 * outbox's unique index like any insert. `prefix` goes before both names, so several commands' inserts can share
 * one statement (see api/transitions/one-write-batches.ts).
 */
export function auditAndOutboxInserts(
  bind: BindParams,
  stamp: CommandStamp,
  audits: readonly AuditInput[],
  messages: readonly OutboxInput[],
  onlyIf = 'true',
  prefix = '',
): string {
  const auditRows = audits.map((entry) => ({
    entity: entry.entity,
    record_id: entry.recordId,
    customer_id: entry.customerId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    why: entry.why,
  }));
  const outboxRows = messages.map((message) => ({
    topic: message.topic,
    payload: message.payload,
    idempotency_key: message.idempotencyKey,
    available_at: (message.availableAt ?? stamp.now).toISOString(),
  }));
  const now = `${bind.add(stamp.now)}::timestamptz`;
  // Most events queue no effect: an insert of nothing is still an insert to plan, so it is left out.
  const outbox =
    outboxRows.length === 0
      ? `${prefix}outbox_rows as (select null::bigint as id where false)`
      : `${prefix}outbox_rows as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      select o.topic, o.payload, o.idempotency_key, 'pending', 0, o.available_at, ${now}
      from jsonb_to_recordset(${bind.add(JSON.stringify(outboxRows))}::jsonb)
        as o(topic varchar, payload jsonb, idempotency_key varchar, available_at timestamptz)
      where ${onlyIf}
      returning id
    )`;
  return `${prefix}audit_rows as (
      insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why, request_id)
      select a.entity, a.record_id, a.customer_id, a.action, ${bind.add(stamp.actorId)}::bigint, ${now}, a.before, a.after,
             a.why, ${bind.add(stamp.requestId)}::varchar
      from jsonb_to_recordset(${bind.add(JSON.stringify(auditRows))}::jsonb)
        as a(entity varchar, record_id bigint, customer_id bigint, action varchar, before jsonb, after jsonb, why jsonb)
      where ${onlyIf}
    ),
    ${outbox}`;
}
