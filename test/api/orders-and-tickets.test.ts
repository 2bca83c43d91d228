import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;
let zhang: string;

beforeAll(async () => {
  app = await startTestApp('orders_and_tickets');
  await installGenericTemplate(app);
  [li, zhang] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const aCustomer = () => aCustomerOf(app, li, '订单测试客户', ++serial);

const lines = [
  { product: '办公椅', quantity: 3, unitPrice: 499.9 },
  { product: '办公桌', quantity: 2, unitPrice: 1200.05 },
];

async function anOrder(customerId: number, body: Record<string, unknown> = {}) {
  const response = await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: li, body: { lines, ...body } });
  if (response.status !== 201) throw new Error(`order answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { id: number; version: number; [key: string]: unknown };
}

async function aTicket(customerId: number, body: Record<string, unknown> = {}) {
  const response = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '椅子坏了', ...body } });
  if (response.status !== 201) throw new Error(`ticket answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { id: number; version: number; [key: string]: unknown };
}

const fire = (what: 'orders' | 'tickets', id: number, type: string, cookie = li) =>
  api(app, 'POST', `/api/${what}/${id}/events`, { cookie, body: { type } });

/** Row count and an md5 of every row per table: equal snapshots mean nothing was written. */
async function snapshot(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of ['customer', 'sales_order', 'order_line', 'ticket', 'audit_entry', 'outbox']) {
    const { rows } = await app.schema.pool.query(`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${table} t`);
    result[table] = rows[0];
  }
  return result;
}

describe('orders', () => {
  it('creates an order with its lines, the amount summed, and wins the customer in the same transaction', async () => {
    const customerId = await aCustomer();
    const order = await anOrder(customerId);
    expect(order).toMatchObject({
      customerId,
      status: 'pending',
      amount: 3899.8,
      paidAmount: 0,
      isPaid: false,
      dueOn: null,
      flags: { tracking: 'tracking' },
      definition: { key: 'order-follow-up', version: 1 },
      lines: [
        { product: '办公椅', quantity: 3, unitPrice: 499.9, amount: 1499.7 },
        { product: '办公桌', quantity: 2, unitPrice: 1200.05, amount: 2400.1 },
      ],
    });
    expect(order.orderNumber).toMatch(/^SO\d{6}$/);
    const customer = (await api(app, 'GET', `/api/customers/${customerId}`, { cookie: li })).body;
    expect(customer).toMatchObject({ stage: 'won' });
    const { rows } = await app.schema.pool.query(
      "select why->'trace'->>'event' as event from audit_entry where entity = 'customer' and record_id = $1 and action = 'event'",
      [customerId],
    );
    expect(rows).toEqual([{ event: 'DEAL_WON' }]);
    const listed = (await api(app, 'GET', `/api/customers/${customerId}/orders`, { cookie: li })).body;
    expect(listed.map((item: { id: number }) => item.id)).toEqual([order.id]);
    const fetched = await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li });
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(order);
  });

  it('moves through its machine: confirm needs the due date, then shipped; a refused event writes nothing', async () => {
    const customerId = await aCustomer();
    const undated = await anOrder(customerId);
    const before = await snapshot();
    const refused = await fire('orders', undated.id, 'CONFIRM');
    expect(refused.status).toBe(409);
    expect(refused.body.reason.code).toBe('requiredFieldMissing');
    const cancel = await fire('orders', undated.id, 'CANCEL');
    expect(cancel.status).toBe(403);
    expect(await snapshot()).toEqual(before);

    const order = await anOrder(customerId, { dueOn: '2026-12-31' });
    const actions = (await api(app, 'GET', `/api/orders/${order.id}/actions`, { cookie: li })).body;
    expect(actions.find((action: { event: string }) => action.event === 'CONFIRM')).toMatchObject({ available: true, target: 'confirmed' });
    const confirmed = await fire('orders', order.id, 'CONFIRM');
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ entity: 'order', from: 'pending', to: 'confirmed' });
    expect(confirmed.body.effects.map((effect: { type: string }) => effect.type)).toEqual(['scheduleFollowUp']);
    expect((await fire('orders', order.id, 'SHIPPED')).body).toMatchObject({ from: 'confirmed', to: 'shipped' });
    const partPayment = await fire('orders', order.id, 'PAYMENT_RECORDED');
    expect(partPayment.body).toMatchObject({ from: 'shipped', to: 'shipped' });
    const after = (await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li })).body;
    expect(after).toMatchObject({ status: 'shipped', version: order.version + 3 });
    const { rows } = await app.schema.pool.query('select status from sales_order where id = $1', [order.id]);
    expect(rows).toEqual([{ status: 'shipped' }]);
  });

  it('answers 404 to a rep who cannot see the customer, and 400 with paths for bad bodies', async () => {
    const customerId = await aCustomer();
    const order = await anOrder(customerId);
    for (const path of [`/api/customers/${customerId}/orders`, `/api/orders/${order.id}`, `/api/orders/${order.id}/actions`]) {
      expect((await api(app, 'GET', path, { cookie: zhang })).status, path).toBe(404);
    }
    expect((await fire('orders', order.id, 'CONFIRM', zhang)).status).toBe(404);
    expect((await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: zhang, body: { lines } })).status).toBe(404);

    const bad = await api(app, 'POST', `/api/customers/${customerId}/orders`, {
      cookie: li,
      body: { lines: [{ product: '', quantity: 0, unitPrice: -1 }], dueOn: 'tomorrow', extra: 1 },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['/lines/0/product', '/lines/0/quantity', '/lines/0/unitPrice', '/dueOn']));
    const empty = await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: li, body: { lines: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((error: { path: string }) => error.path)).toContain('/lines');
    const foreign = await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: li, body: { lines, opportunityId: 999_999 } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors.map((error: { path: string }) => error.path)).toEqual(['/opportunityId']);
  });
});

describe('tickets', () => {
  it('is opened new, taken, worked, escalated and resolved per its definition', async () => {
    const customerId = await aCustomer();
    const order = await anOrder(customerId);
    const ticket = await aTicket(customerId, { priority: 'high', channel: 'phone', orderId: order.id });
    expect(ticket).toMatchObject({
      customerId,
      orderId: order.id,
      status: 'new',
      priority: 'high',
      channel: 'phone',
      firstResponseAt: null,
      definition: { key: 'ticket-escalation', version: 1 },
    });
    expect((await api(app, 'GET', `/api/customers/${customerId}/tickets`, { cookie: li })).body.map((t: { id: number }) => t.id)).toEqual([ticket.id]);

    const before = await snapshot();
    const early = await fire('tickets', ticket.id, 'RESOLVE');
    expect(early.status).toBe(409);
    expect(await snapshot()).toEqual(before);

    expect((await fire('tickets', ticket.id, 'TAKE')).body).toMatchObject({ from: 'new', to: 'assigned' });
    expect((await fire('tickets', ticket.id, 'START_WORK')).body).toMatchObject({ from: 'assigned', to: 'inProgress' });
    expect((await fire('tickets', ticket.id, 'ESCALATE')).body).toMatchObject({ from: 'inProgress', to: 'escalatedLevel1' });
    const twice = await fire('tickets', ticket.id, 'ESCALATE');
    expect(twice.status).toBe(403);
    expect((await fire('tickets', ticket.id, 'RESOLVE')).body).toMatchObject({ from: 'escalatedLevel1', to: 'resolved' });
    const resolved = (await api(app, 'GET', `/api/tickets/${ticket.id}`, { cookie: li })).body;
    expect(resolved).toMatchObject({ status: 'resolved', firstResponseAt: expect.any(String), resolvedAt: expect.any(String) });
    const actions = (await api(app, 'GET', `/api/tickets/${ticket.id}/actions`, { cookie: li })).body;
    expect(actions.map((action: { event: string }) => action.event)).toEqual(expect.arrayContaining(['REOPEN', 'CLOSE']));
  });

  it('answers 404 to a rep who cannot see the customer, and 400 with paths for bad bodies', async () => {
    const customerId = await aCustomer();
    const ticket = await aTicket(customerId);
    for (const path of [`/api/customers/${customerId}/tickets`, `/api/tickets/${ticket.id}`, `/api/tickets/${ticket.id}/actions`]) {
      expect((await api(app, 'GET', path, { cookie: zhang })).status, path).toBe(404);
    }
    expect((await fire('tickets', ticket.id, 'TAKE', zhang)).status).toBe(404);
    const bad = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: ' ', priority: 'asap', channel: 'fax' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['/subject', '/priority', '/channel']));
    const badEvent = await api(app, 'POST', `/api/tickets/${ticket.id}/events`, { cookie: li, body: {} });
    expect(badEvent.status).toBe(400);
  });
});
