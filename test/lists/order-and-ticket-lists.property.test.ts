import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { dayTextNear, instantNear } from '../engine/condition-differential.records.ts';
import { customersOfThreeOwners, type Owner } from './customers-of-three-owners.ts';
import { expectListMatchesClosure } from './list-against-closure.ts';

/**
 * GET /api/orders and GET /api/tickets: every order or ticket of a customer the caller sees, through the same list
 * machinery — checked against the engine's closure on generated rows, for the admin and for rep.li.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 15);
const timeZone = 'Asia/Shanghai';

let app: TestApp;
const cookies = { admin: '', li: '' };
let customers: Record<Owner, number>;
const catalogues: { order?: FactCatalogue; ticket?: FactCatalogue } = {};

beforeAll(async () => {
  app = await startTestApp('lists_orders_tickets');
  await installGenericTemplate(app);
  await app.schema.pool.query(
    `insert into definition_version (kind, key, version, document, source) values ('fieldDefinitions', 'order', 1, $1, 'order list test')`,
    [JSON.stringify({ entity: 'order', fields: [{ key: 'region', type: 'text', label: { en: 'Region', 'zh-CN': '区域' } }] })],
  );
  await app.schema.pool.query('update app_user set time_zone = $1', [timeZone]);
  cookies.admin = await signIn(app, 'admin');
  cookies.li = await signIn(app, 'rep.li');
  customers = await customersOfThreeOwners(app);
  catalogues.order = await recordListCatalogue(app.orm.em.fork(), 'order', true);
  catalogues.ticket = await recordListCatalogue(app.orm.em.fork(), 'ticket', true);
  expect(catalogues.order.facts.map((fact) => fact.name)).toEqual(expect.arrayContaining(['custom.region', 'status', 'amount']));
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const base = Math.floor(Date.now() / msPerDay) * msPerDay;
const levelsOf = (facts: string[]): fc.Arbitrary<SortLevel[]> =>
  fc
    .shuffledSubarray(facts, { maxLength: 4 })
    .chain((chosen) => fc.tuple(...chosen.map((fact) => fc.constantFrom<SortLevel>({ fact, direction: 'asc' }, { fact, direction: 'desc' }))));

const orderArbitrary = fc.record({
  customer: fc.constantFrom<Owner>('li', 'zhang', 'pool'),
  status: fc.constantFrom('pending', 'confirmed', 'shipped', 'completed', 'cancelled'),
  amount: fc.constantFrom(0, 15, 15.5, 100, 1000),
  paid: fc.constantFrom(0, 15),
  due_on: nullable(dayTextNear(base, { min: -3, max: 3 })),
  created_at: instantNear(base, { min: -40, max: 0 }).map((ms) => new Date(ms)),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.2),
  region: fc.constantFrom<unknown>('华东', 'north', '', null, 3),
});
type GeneratedOrder = typeof orderArbitrary extends fc.Arbitrary<infer T> ? T : never;

const ticketArbitrary = fc.record({
  customer: fc.constantFrom<Owner>('li', 'zhang', 'pool'),
  subject: fc.constantFrom('Wang Wei', 'wang', 'An', '王', '北方', 'North'),
  status: fc.constantFrom('new', 'assigned', 'inProgress', 'resolved', 'closed'),
  priority: fc.constantFrom('low', 'normal', 'high', 'urgent'),
  channel: nullable(fc.constantFrom('phone', 'email', 'web')),
  created_at: instantNear(base, { min: -40, max: 0 }).map((ms) => new Date(ms)),
  resolved_at: nullable(instantNear(base, { min: -5, max: 0 }).map((ms) => new Date(ms))),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.2),
});
type GeneratedTicket = typeof ticketArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function loadOrders(orders: readonly GeneratedOrder[]): Promise<number[]> {
  await app.schema.pool.query('delete from ticket');
  await app.schema.pool.query('delete from sales_order');
  const ids: number[] = [];
  for (const [index, o] of orders.entries()) {
    const { rows } = await app.schema.pool.query(
      `insert into sales_order (customer_id, order_number, status, amount, paid_amount, is_paid, due_on, machine_snapshot, definition_key,
                                definition_version, custom_fields, created_at, updated_at, deleted_at)
       values ($1, $2, $3::text, $4, least($5::numeric, $4::numeric), $5::numeric >= $4::numeric, $6, jsonb_build_object('value', $3::text),
               'order-follow-up', 1, $7, $8, $8, case when $9::boolean then now() end)
       returning id::int as id`,
      [customers[o.customer], `T${Date.now()}-${index}`, o.status, o.amount, o.paid, o.due_on, JSON.stringify(o.region === null ? {} : { region: o.region }),
        o.created_at, o.deleted],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

async function loadTickets(tickets: readonly GeneratedTicket[]): Promise<number[]> {
  await app.schema.pool.query('delete from ticket');
  const ids: number[] = [];
  for (const t of tickets) {
    const { rows } = await app.schema.pool.query(
      `insert into ticket (customer_id, subject, status, priority, channel, machine_snapshot, definition_key, definition_version,
                           created_at, updated_at, resolved_at, deleted_at)
       values ($1, $2, $3::text, $4, $5, jsonb_build_object('value', $3::text), 'ticket-escalation', 1, $6, $6, $7,
               case when $8::boolean then now() end)
       returning id::int as id`,
      [customers[t.customer], t.subject, t.status, t.priority, t.channel, t.created_at, t.resolved_at, t.deleted],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

describe('order and ticket lists', () => {
  it(`list orders as the closure selects them, paged in one order, a rep only their customers' and the pool's (${runs} cases)`, async () => {
    const catalogue = catalogues.order!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArbitrary, { minLength: 1, maxLength: 14 }),
        conditionArbitrary(catalogue, base),
        levelsOf(['status', 'amount', 'paidAmount', 'isPaid', 'dueOn', 'createdAt', 'custom.region']),
        fc.integer({ min: 1, max: 5 }),
        async (orders, filter, sort, limit) => {
          const ids = await loadOrders(orders);
          const byId = new Map(ids.map((id, index) => [id, orders[index]!]));
          await expectListMatchesClosure(
            app,
            { path: '/api/orders', table: 'sales_order', alias: 'so', catalogue },
            { filter, sort, limit, timeZone, admin: cookies.admin },
            { cookie: cookies.li, maySee: (id) => byId.get(id)!.customer !== 'zhang' },
          );
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it(`list tickets as the closure selects them, paged in one order, a rep only their customers' and the pool's (${runs} cases)`, async () => {
    const catalogue = catalogues.ticket!;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArbitrary, { minLength: 1, maxLength: 14 }),
        conditionArbitrary(catalogue, base),
        levelsOf(['subject', 'status', 'priority', 'channel', 'createdAt', 'resolvedAt']),
        fc.integer({ min: 1, max: 5 }),
        async (tickets, filter, sort, limit) => {
          const ids = await loadTickets(tickets);
          const byId = new Map(ids.map((id, index) => [id, tickets[index]!]));
          await expectListMatchesClosure(
            app,
            { path: '/api/tickets', table: 'ticket', alias: 't', catalogue },
            { filter, sort, limit, timeZone, admin: cookies.admin },
            { cookie: cookies.li, maySee: (id) => byId.get(id)!.customer !== 'zhang' },
          );
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it('leaves the assignee out of ticket filters, as the owner of other lists', async () => {
    const filter = encodeURIComponent(JSON.stringify({ fact: 'assigneeId', operator: 'equal', value: '1' }));
    const response = await api(app, 'GET', `/api/tickets?filter=${filter}`, { cookie: cookies.admin });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toMatch(/^\/query\/filter/);
  });
});
