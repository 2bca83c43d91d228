import { loadSignedIn, type SignedIn } from '../../api/auth/signed-in.ts';
import type { TestApp } from '../support/test-app.ts';

let made = 0;

export interface QueueCustomerFields {
  stage: string;
  nextFollowUpAt?: string | null;
  lastContactAt?: string | null;
  level?: string;
  /** More owners besides the primary one. */
  collaborators?: number[];
  deleted?: boolean;
}

/**
 * A customer row written straight into the tables (with its owner rows), so a test sets exactly the dates, stage
 * and level the queue orders by; `ownerId` null puts it in the pool. Returns its id.
 */
export async function aQueueCustomer(app: TestApp, ownerId: number | null, fields: QueueCustomerFields): Promise<number> {
  made += 1;
  const collaborators = fields.collaborators ?? [];
  const ownership = ownerId === null ? 'pool' : collaborators.length > 0 ? 'collaborative' : 'personal';
  const { rows } = await app.schema.pool.query(
    `insert into customer (name, name_key, phone, phone_normalized, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id,
                           last_contact_at, next_follow_up_at, custom_fields, deleted_at)
     values ($1, $2, $3, $3, $4::text, jsonb_build_object('machine', 'customer-lifecycle', 'version', 1, 'value', $4::text, 'flags', '{}'::jsonb,
             'enteredAt', now(), 'status', 'active'), 'customer-lifecycle', 1, $5, $6, $7, $8, $9, $10)
     returning id::int as id`,
    [
      `队列客户 ${made}`,
      `queue customer ${made} ${Math.random().toString(36).slice(2, 8)}`,
      `1380${String(made).padStart(7, '0')}`,
      fields.stage,
      ownership,
      ownerId,
      fields.lastContactAt ?? null,
      fields.nextFollowUpAt ?? null,
      fields.level === undefined ? {} : { level: fields.level },
      fields.deleted === true ? new Date() : null,
    ],
  );
  const id: number = rows[0].id;
  if (ownerId !== null) {
    await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'primary')", [id, ownerId]);
  }
  for (const collaborator of collaborators) {
    await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'collaborator')", [id, collaborator]);
  }
  return id;
}

export interface QueueRecordFields {
  amount: number | null;
  status?: string;
  nextFollowUpAt?: string | null;
  deleted?: boolean;
}

/** An opportunity of the customer (open, qualification, unless told). */
export async function anOpportunity(app: TestApp, customerId: number, fields: QueueRecordFields): Promise<number> {
  const status = fields.status ?? 'open';
  const stage = status === 'open' ? 'qualification' : status;
  const { rows } = await app.schema.pool.query(
    `insert into opportunity (customer_id, name, stage, status, amount, owner_id, machine_snapshot, definition_key, definition_version,
                              next_follow_up_at, deleted_at)
     select $1, '商机 ' || $1::bigint || '-' || $2::text, $3, $4, $5, owner_id, '{}'::jsonb, 'opportunity-funnel', 1, $6, $7 from customer where id = $1::bigint
     returning id::int as id`,
    [customerId, Math.random().toString(36).slice(2, 8), stage, status, fields.amount, fields.nextFollowUpAt ?? null, fields.deleted ? new Date() : null],
  );
  return rows[0].id;
}

/** An order of the customer (pending unless told). */
export async function anOrder(app: TestApp, customerId: number, fields: QueueRecordFields): Promise<number> {
  made += 1;
  const { rows } = await app.schema.pool.query(
    `insert into sales_order (customer_id, order_number, status, amount, owner_id, machine_snapshot, definition_key, definition_version,
                              next_follow_up_at, deleted_at)
     select $1, $2, $3, $4, owner_id, '{}'::jsonb, 'order-follow-up', 1, $5, $6 from customer where id = $1
     returning id::int as id`,
    [customerId, `QT${String(made).padStart(6, '0')}${Math.random().toString(36).slice(2, 6)}`, fields.status ?? 'pending', fields.amount ?? 0,
      fields.nextFollowUpAt ?? null, fields.deleted ? new Date() : null],
  );
  return rows[0].id;
}

/** The signed-in caller behind a session cookie, as the API sees them on each request. */
export async function callerOf(app: TestApp, cookie: string): Promise<SignedIn> {
  const token = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  const caller = await loadSignedIn(app.orm.em.fork(), token);
  if (caller === undefined) throw new Error('no session');
  return caller;
}

/** Removes every record the queue reads, so a test starts from nothing. */
export async function clearRecords(app: TestApp): Promise<void> {
  await app.schema.pool.query('truncate sales_order, opportunity, customer_owner, contact_record, customer cascade');
}
