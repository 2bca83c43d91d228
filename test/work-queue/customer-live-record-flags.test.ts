import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, anOpportunity, anOrder, clearRecords } from './work-queue-fixtures.ts';

/**
 * The customer's live-record flags (migration 0017) that let the work queue probe only the customers with records:
 * `has_live_opportunities` / `has_live_orders` / `has_live_tickets` must always equal "has a row in that table with
 * deleted_at null". Triggers keep them, so they hold whichever path writes the records — the API's create commands,
 * a multi-row insert, a soft delete or restore, a move to another customer, a hard delete, a customer's cascade.
 */
let app: TestApp;
let li: string;
let liId: number;

beforeAll(async () => {
  app = await startTestApp('customer-live-record-flags');
  await installGenericTemplate(app);
  li = await signIn(app, 'rep.li');
  liId = await userIdOf(app, 'rep.li');
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const tables = [
  { table: 'opportunity', flag: 'has_live_opportunities' },
  { table: 'sales_order', flag: 'has_live_orders' },
  { table: 'ticket', flag: 'has_live_tickets' },
] as const;

/** Customers whose flag differs from its definition, per table: empty when every flag is right. */
async function wrongFlags(): Promise<string[]> {
  const wrong: string[] = [];
  for (const { table, flag } of tables) {
    const { rows } = await app.schema.pool.query<{ id: number; flag: boolean }>(
      `select c.id::int as id, c.${flag} as flag from customer c
       where c.${flag} is distinct from exists (select 1 from ${table} r where r.customer_id = c.id and r.deleted_at is null)`,
    );
    wrong.push(...rows.map((row) => `${table}: customer ${row.id} flagged ${row.flag}`));
  }
  return wrong;
}

async function flagsOf(customerId: number): Promise<Record<string, boolean>> {
  const { rows } = await app.schema.pool.query(
    'select has_live_opportunities, has_live_orders, has_live_tickets from customer where id = $1',
    [customerId],
  );
  return rows[0];
}

const aTicket = async (customerId: number, deleted = false): Promise<number> => {
  const { rows } = await app.schema.pool.query(
    `insert into ticket (customer_id, subject, status, machine_snapshot, definition_key, definition_version, deleted_at)
     values ($1, '椅子坏了', 'open', '{}'::jsonb, 'ticket-handling', 1, $2) returning id::int as id`,
    [customerId, deleted ? new Date() : null],
  );
  return rows[0].id;
};

type Table = (typeof tables)[number]['table'];

/** One change to the records, on customers and records picked by index among those that exist. */
type Operation =
  | { kind: 'insert'; table: Table; customers: number[]; deleted: boolean[] }
  | { kind: 'softDelete' | 'restore' | 'hardDelete'; table: Table; record: number }
  | { kind: 'move'; table: Table; record: number; to: number };

const tableArbitrary = fc.constantFrom<Table>('opportunity', 'sales_order', 'ticket');
const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    table: tableArbitrary,
    customers: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    deleted: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constantFrom('softDelete' as const, 'restore' as const, 'hardDelete' as const), table: tableArbitrary, record: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), table: tableArbitrary, record: fc.nat(), to: fc.nat() }),
);

async function apply(operation: Operation, customers: readonly number[]): Promise<void> {
  const pick = <T>(values: readonly T[], index: number) => values[index % values.length]!;
  const pool = app.schema.pool;
  if (operation.kind === 'insert') {
    // Several rows in one statement: the insert trigger sees them all at once.
    const owners = operation.customers.map((index) => pick(customers, index));
    const deleted = owners.map((_, index) => (operation.deleted[index]! ? new Date() : null));
    const rows = owners.map((_, index) => `($${index * 2 + 1}::bigint, $${index * 2 + 2}::timestamptz)`).join(', ');
    const values = owners.flatMap((owner, index) => [owner, deleted[index]]);
    const insert = {
      opportunity: `insert into opportunity (customer_id, name, stage, status, machine_snapshot, definition_key, definition_version, deleted_at)
                    select v.customer_id, '商机', 'qualification', 'open', '{}'::jsonb, 'opportunity-funnel', 1, v.deleted_at`,
      sales_order: `insert into sales_order (customer_id, order_number, status, amount, machine_snapshot, definition_key, definition_version, deleted_at)
                    select v.customer_id, 'FLAG' || gen_random_uuid(), 'pending', 0, '{}'::jsonb, 'order-follow-up', 1, v.deleted_at`,
      ticket: `insert into ticket (customer_id, subject, status, machine_snapshot, definition_key, definition_version, deleted_at)
               select v.customer_id, '椅子坏了', 'open', '{}'::jsonb, 'ticket-handling', 1, v.deleted_at`,
    }[operation.table];
    await pool.query(`${insert} from (values ${rows}) as v (customer_id, deleted_at)`, values);
    return;
  }
  const { rows } = await pool.query<{ id: number }>(`select id::int as id from ${operation.table} order by id`);
  if (rows.length === 0) return;
  const record = pick(rows, operation.record).id;
  switch (operation.kind) {
    case 'softDelete':
      await pool.query(`update ${operation.table} set deleted_at = now() where id = $1`, [record]);
      return;
    case 'restore':
      await pool.query(`update ${operation.table} set deleted_at = null where id = $1`, [record]);
      return;
    case 'hardDelete':
      if (operation.table === 'sales_order') await pool.query('delete from ticket where order_id = $1', [record]);
      await pool.query(`delete from ${operation.table} where id = $1`, [record]);
      return;
    case 'move':
      await pool.query(`update ${operation.table} set customer_id = $2 where id = $1`, [record, pick(customers, operation.to)]);
      return;
  }
}

describe('the customers’ live-record flags', () => {
  it('equal their definition after any sequence of inserts, soft deletes, restores, moves and hard deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operationArbitrary, { minLength: 1, maxLength: 25 }), async (operations) => {
        await clearRecords(app);
        await app.schema.pool.query('truncate ticket cascade');
        const customers: number[] = [];
        for (let index = 0; index < 4; index++) customers.push(await aQueueCustomer(app, liId, { stage: 'target' }));
        for (const operation of operations) {
          await apply(operation, customers);
          expect(await wrongFlags()).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  }, 240_000);

  it('are set by the API’s create commands and the queue fixtures alike', async () => {
    const customer = await aCustomerOf(app, li, '标记客户', 1);
    expect(await flagsOf(customer)).toEqual({ has_live_opportunities: false, has_live_orders: false, has_live_tickets: false });
    expect((await api(app, 'POST', `/api/customers/${customer}/opportunities`, { cookie: li, body: { name: '标记商机' } })).status).toBe(201);
    const lines = [{ product: '办公椅', quantity: 1, unitPrice: 100 }];
    expect((await api(app, 'POST', `/api/customers/${customer}/orders`, { cookie: li, body: { lines } })).status).toBe(201);
    expect((await api(app, 'POST', `/api/customers/${customer}/tickets`, { cookie: li, body: { subject: '椅子坏了' } })).status).toBe(201);
    expect(await flagsOf(customer)).toEqual({ has_live_opportunities: true, has_live_orders: true, has_live_tickets: true });

    const other = await aQueueCustomer(app, liId, { stage: 'target' });
    await anOpportunity(app, other, { amount: 1, deleted: true });
    await anOrder(app, other, { amount: 1 });
    await aTicket(other, true);
    expect(await flagsOf(other)).toEqual({ has_live_opportunities: false, has_live_orders: true, has_live_tickets: false });
    expect(await wrongFlags()).toEqual([]);
  });

  it('stay right when a record is added while another of the customer’s is being deleted, in either order', async () => {
    const insertOpportunity = 'insert into opportunity (customer_id, name, stage, status, machine_snapshot, definition_key, definition_version) ' +
      "values ($1, '并发商机', 'qualification', 'open', '{}'::jsonb, 'opportunity-funnel', 1)";
    for (const first of ['insert', 'delete'] as const) {
      const customer = await aQueueCustomer(app, liId, { stage: 'target' });
      const existing = await anOpportunity(app, customer, { amount: 1 });
      const [adding, deleting] = [await app.schema.pool.connect(), await app.schema.pool.connect()];
      try {
        await adding.query('begin');
        await deleting.query('begin');
        const add = () => adding.query(insertOpportunity, [customer]);
        const remove = () => deleting.query('update opportunity set deleted_at = now() where id = $1', [existing]);
        // The first statement runs to its end; the second is sent while the first one's transaction is still open.
        if (first === 'insert') await add();
        else await remove();
        const second = first === 'insert' ? remove() : add();
        await (first === 'insert' ? adding : deleting).query('commit');
        await second;
        await (first === 'insert' ? deleting : adding).query('commit');
      } finally {
        adding.release();
        deleting.release();
      }
      expect(await flagsOf(customer)).toMatchObject({ has_live_opportunities: true });
    }
    expect(await wrongFlags()).toEqual([]);
  });

  it('survive a customer’s hard delete cascading to its records', async () => {
    const customer = await aQueueCustomer(app, liId, { stage: 'target' });
    const neighbour = await aQueueCustomer(app, liId, { stage: 'target' });
    await anOpportunity(app, customer, { amount: 1 });
    await anOpportunity(app, neighbour, { amount: 1 });
    await app.schema.pool.query('delete from customer_owner where customer_id = $1', [customer]);
    await app.schema.pool.query('delete from customer where id = $1', [customer]);
    expect(await flagsOf(neighbour)).toMatchObject({ has_live_opportunities: true });
    expect(await wrongFlags()).toEqual([]);
  });
});
