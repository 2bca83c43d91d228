import customerMachine from '../../../definitions/defaults/machines/customer-lifecycle.json' with { type: 'json' };
import opportunityMachine from '../../../definitions/defaults/machines/opportunity-funnel.json' with { type: 'json' };
import orderMachine from '../../../definitions/defaults/machines/order-follow-up.json' with { type: 'json' };

/** A pg Client, PoolClient or Pool: anything that runs one parameterised statement. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: any[]; rowCount: number | null }>;
}

export interface GenerateCustomersOptions {
  /** How many customers to add. */
  count: number;
  /** Owners, taken in turn (customer n belongs to ownerIds[n % length]); empty: every customer goes to the pool. */
  ownerIds: readonly number[];
  /** Share of customers left in the shared pool, 0–1 (default 0.2). */
  poolShare?: number;
  /** Share of owned customers with the next owner in the list as a collaborator, 0–1 (default 0.05). */
  collaboratorShare?: number;
  /** Contact records per owned customer, written by its owner (default 1). */
  contactRecordsPerCustomer?: number;
  /** The clock dates are spread around (default now): follow-ups from 10 days before to 20 after, contacts up to 60 days before. */
  now?: Date;
  /** Varies every pseudo-random choice; the same seed and count give the same rows (default 'gen'). */
  seed?: string;
}

export interface GeneratedCustomers {
  /** The new customers are those with firstId <= id <= lastId (with nobody else inserting meanwhile, exactly those). */
  firstId: number;
  lastId: number;
  customers: number;
  opportunities: number;
  orders: number;
  contactRecords: number;
}

/**
 * Adds `count` customers with their owners, contact records, opportunities and orders in a handful of set-based
 * statements (generate_series, no row-by-row inserts), for benchmarks and large tests: a million customers take
 * well under a minute. Pseudo-random but deterministic per seed (hashes of the row number), spread like a working
 * CRM — 40 % reserve, 25 % target, 20 % potential, 10 % opportunity, 5 % won customers of the generic template's
 * machines (snapshots with each stage's declared flags); an open opportunity for each opportunity customer and a
 * won one plus an order (pending, confirmed, shipped or completed) for each won customer; levels A–D or none;
 * next follow-ups on about 60 % of the owned target, potential and opportunity customers. Names, name keys and
 * phones continue after the table's largest id, so calls can be repeated on one schema. The customers' live-record
 * flags (migration 0017) are written with them, as the records below will make them, so the records' insert triggers
 * find nothing to update and the customer table is left without dead rows. Run it in a transaction of your own if
 * you need all or nothing.
 */
export async function generateCustomers(client: Queryable, options: GenerateCustomersOptions): Promise<GeneratedCustomers> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? 'gen';
  const poolPercent = Math.round((options.poolShare ?? 0.2) * 1000);
  const collaboratorPercent = options.ownerIds.length > 1 ? Math.round((options.collaboratorShare ?? 0.05) * 1000) : 0;

  const flagsOf = (machine: { states: object }) =>
    Object.fromEntries(Object.entries(machine.states).map(([key, state]) => [key, (state as { flags?: object }).flags ?? {}]));

  const { rows: [inserted] } = await client.query(
    `with base as (select coalesce(max(id), 0) as offset_id from customer),
     rows as (
       select g, b.offset_id + g as serial,
              abs(hashtext($1 || ':' || g)::bigint) as h1, abs(hashtext($1 || ':b:' || g)::bigint) as h2, abs(hashtext($1 || ':c:' || g)::bigint) as h3
       from generate_series(1, $2::int) g, base b
     ),
     shaped as (
       select r.*,
              case when r.h1 % 100 < 40 then 'reserve' when r.h1 % 100 < 65 then 'target' when r.h1 % 100 < 85 then 'potential'
                   when r.h1 % 100 < 95 then 'opportunity' else 'won' end as stage,
              case when cardinality($3::bigint[]) = 0 or r.h2 % 1000 < $4::int then null
                   else ($3::bigint[])[1 + (r.g % cardinality($3::bigint[]))] end as owner_id,
              (r.h3 % 1000 < $5::int) as shared
       from rows r
     ),
     made as (
     insert into customer (name, name_key, phone, phone_normalized, stage, machine_snapshot, definition_key, definition_version,
                           ownership, owner_id, call_count, last_contact_at, next_follow_up_at, custom_fields, created_at, updated_at,
                           has_live_opportunities, has_live_orders)
     select '生成客户 ' || s.serial, 'gen ' || s.serial, '13' || lpad(s.serial::text, 9, '0'), '13' || lpad(s.serial::text, 9, '0'),
            s.stage,
            jsonb_build_object('machine', $6::text, 'version', $7::int, 'value', s.stage, 'flags', ($8::jsonb) -> s.stage,
                               'enteredAt', to_jsonb($9::timestamptz), 'status', 'active'),
            $6::text, $7::int,
            case when s.owner_id is null then 'pool' when s.shared then 'collaborative' else 'personal' end,
            s.owner_id,
            s.h3 % 7,
            case when s.h2 % 10 < 8 then $9::timestamptz - (s.h1 % 1440) * interval '1 hour' end,
            case when s.owner_id is not null and s.stage in ('target', 'potential', 'opportunity') and s.h3 % 10 < 6
                 then $9::timestamptz + ((s.h2 % 720) - 240) * interval '1 hour' end,
            case when s.h3 % 5 = 4 then '{}'::jsonb else jsonb_build_object('level', (array['A', 'B', 'C', 'D'])[1 + s.h3 % 4]) end,
            $9::timestamptz - (s.h1 % 365) * interval '1 day', $9::timestamptz,
            s.stage in ('opportunity', 'won'), s.stage = 'won'
     from shaped s
     returning id)
     select min(id)::int as first_id, max(id)::int as last_id, count(*)::int as made from made`,
    [seed, options.count, options.ownerIds, poolPercent, collaboratorPercent, customerMachine.id, customerMachine.version, flagsOf(customerMachine), now],
  );
  const { first_id: firstId, last_id: lastId, made } = inserted as { first_id: number; last_id: number; made: number };
  const range = [firstId, lastId];

  await client.query(
    `insert into customer_owner (customer_id, user_id, role, since)
     select id, owner_id, 'primary', created_at from customer where id between $1 and $2 and owner_id is not null`,
    range,
  );
  // The collaborator is the next owner in the list: never the primary owner itself.
  await client.query(
    `insert into customer_owner (customer_id, user_id, role, since)
     select c.id, ($3::bigint[])[1 + ((array_position($3::bigint[], c.owner_id)) % cardinality($3::bigint[]))], 'collaborator', c.created_at
     from customer c where c.id between $1 and $2 and c.ownership = 'collaborative'`,
    [...range, options.ownerIds],
  );
  await client.query(
    `insert into ownership_event (customer_id, owner_id, action, actor_id, occurred_at)
     select id, owner_id, 'create', owner_id, created_at from customer where id between $1 and $2 and owner_id is not null`,
    range,
  );
  const contactRecords = await client.query(
    `insert into contact_record (customer_id, channel, outcome, notes, occurred_at, author_id, created_at, updated_at)
     select c.id, 'call', (array['connected', 'noAnswer', 'interested', 'callbackRequested'])[1 + ((c.id + n) % 4)], '',
            coalesce(c.last_contact_at, c.created_at) - (n - 1) * interval '3 days', c.owner_id, c.created_at, c.created_at
     from customer c, generate_series(1, $3::int) n
     where c.id between $1 and $2 and c.owner_id is not null`,
    [...range, options.contactRecordsPerCustomer ?? 1],
  );
  const opportunities = await client.query(
    `insert into opportunity (customer_id, name, stage, status, amount, probability, owner_id, machine_snapshot, definition_key,
                              definition_version, next_follow_up_at, created_at, updated_at)
     select c.id, '商机 ' || c.id, s.stage, s.status, ((abs(hashtext($3 || ':o:' || c.id)::bigint) % 100000) + 100)::numeric(14, 2),
            s.probability, c.owner_id,
            jsonb_build_object('machine', $4::text, 'version', $5::int, 'value', s.stage, 'flags', ($6::jsonb) -> s.stage,
                               'enteredAt', to_jsonb(c.created_at), 'status', 'active'),
            $4::text, $5::int,
            case when s.status = 'open' and c.id % 3 <> 0 then c.created_at + (c.id % 400) * interval '1 day' end,
            c.created_at, c.created_at
     from customer c
     cross join lateral (select case when c.stage = 'won' then 'won' else (array['qualification', 'proposal', 'negotiation'])[1 + c.id % 3] end as stage,
                                case when c.stage = 'won' then 'won' else 'open' end as status,
                                case when c.stage = 'won' then 100 else (array[10, 40, 70])[1 + c.id % 3] end as probability) s
     where c.id between $1 and $2 and c.stage in ('opportunity', 'won')`,
    [...range, seed, opportunityMachine.id, opportunityMachine.version, flagsOf(opportunityMachine)],
  );
  const orders = await client.query(
    `insert into sales_order (customer_id, order_number, status, amount, owner_id, machine_snapshot, definition_key, definition_version,
                              due_on, next_follow_up_at, created_at, updated_at)
     select c.id, 'GEN' || c.id, s.status, ((abs(hashtext($3 || ':so:' || c.id)::bigint) % 500000) + 500)::numeric(14, 2), c.owner_id,
            jsonb_build_object('machine', $4::text, 'version', $5::int, 'value', s.status, 'flags', ($6::jsonb) -> s.status,
                               'enteredAt', to_jsonb(c.created_at), 'status', case when s.status = 'completed' then 'done' else 'active' end),
            $4::text, $5::int, (c.created_at + interval '30 days')::date,
            case when s.status <> 'completed' then c.created_at + (c.id % 200) * interval '1 day' end,
            c.created_at, c.created_at
     from customer c
     cross join lateral (select (array['pending', 'confirmed', 'shipped', 'completed'])[1 + c.id % 4] as status) s
     where c.id between $1 and $2 and c.stage = 'won'`,
    [...range, seed, orderMachine.id, orderMachine.version, flagsOf(orderMachine)],
  );
  return {
    firstId,
    lastId,
    customers: made,
    opportunities: opportunities.rowCount ?? 0,
    orders: orders.rowCount ?? 0,
    contactRecords: contactRecords.rowCount ?? 0,
  };
}
