import type { BindParams } from '../database/bound-query.ts';
import type { AuditInput, OutboxInput } from './command-context.ts';

/** Who wrote, when and for which request: the same for every audit entry and outbox message of one command. */
export interface CommandStamp {
  actorId: number | null;
  now: Date;
  requestId: string | null;
}

/** One command's audit entries and outbox messages, with its stamp; `part` names it among the commands of a statement. */
export interface CommandWrites {
  part: number;
  stamp: CommandStamp;
  audits: readonly AuditInput[];
  messages: readonly OutboxInput[];
}

/**
 * Common table expressions (`audit_rows as (…), outbox_rows as (…)`, ready to follow `with`) that insert the audit
 * entries and outbox messages of one command or of several sharing a statement, each row stamped with its own
 * command's actor, time and request: rows travel as one JSON array per table (bound, never spliced) and
 * `jsonb_to_recordset` unpacks them, so a statement pays one insert per table however many commands it carries, and
 * no entity bookkeeping. `takenParts` (SQL: a relation with an integer column `part`) keeps only the rows of the
 * commands it lists — those whose conditional update in the same statement took; absent, all are kept. The outbox
 * insert returns `id, idempotency_key` as `outbox_rows`, for the commit nudge; a statement queuing no message plans
 * no outbox insert at all. A repeated idempotency key fails on the outbox's unique index like any insert.
 */
/** An audit entry as a row of the JSON array auditEntriesInsert unpacks, stamped with its command. */
export function stampedAuditRow(entry: AuditInput, stamp: CommandStamp, part?: number) {
  return {
    part: part ?? null,
    entity: entry.entity,
    record_id: entry.recordId,
    customer_id: entry.customerId,
    action: entry.action,
    actor_id: stamp.actorId,
    at: stamp.now.toISOString(),
    before: entry.before,
    after: entry.after,
    why: entry.why,
    request_id: stamp.requestId,
  };
}

/** An insert of stampedAuditRow rows, bound as one JSON array; `where` (SQL over alias `a`) picks the rows kept. */
export function auditEntriesInsert(bind: BindParams, rows: ReadonlyArray<ReturnType<typeof stampedAuditRow>>, where = 'true'): string {
  return `insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why, request_id)
      select a.entity, a.record_id, a.customer_id, a.action, a.actor_id, a.at, a.before, a.after, a.why, a.request_id
      from jsonb_to_recordset(${bind.add(JSON.stringify(rows))}::jsonb)
        as a(part int, entity varchar, record_id bigint, customer_id bigint, action varchar, actor_id bigint, at timestamptz,
             before jsonb, after jsonb, why jsonb, request_id varchar)
      where ${where}`;
}

export function auditAndOutboxInserts(bind: BindParams, commands: readonly CommandWrites[], takenParts?: string): string {
  const auditRows = commands.flatMap(({ part, stamp, audits }) => audits.map((entry) => stampedAuditRow(entry, stamp, part)));
  const outboxRows = commands.flatMap(({ part, stamp, messages }) =>
    messages.map((message) => ({
      part,
      topic: message.topic,
      payload: message.payload,
      idempotency_key: message.idempotencyKey,
      available_at: (message.availableAt ?? stamp.now).toISOString(),
      created_at: stamp.now.toISOString(),
    })),
  );
  const kept = (alias: string) => (takenParts === undefined ? 'true' : `${alias}.part in (${takenParts})`);
  const audit = `audit_rows as (${auditEntriesInsert(bind, auditRows, kept('a'))})`;
  const outbox =
    outboxRows.length === 0
      ? 'outbox_rows as (select null::bigint as id, null::varchar as idempotency_key where false)'
      : `outbox_rows as (
      insert into outbox (topic, payload, idempotency_key, status, attempts, available_at, created_at)
      select o.topic, o.payload, o.idempotency_key, 'pending', 0, o.available_at, o.created_at
      from jsonb_to_recordset(${bind.add(JSON.stringify(outboxRows))}::jsonb)
        as o(part int, topic varchar, payload jsonb, idempotency_key varchar, available_at timestamptz, created_at timestamptz)
      where ${kept('o')}
      returning id, idempotency_key
    )`;
  return `${audit}, ${outbox}`;
}
