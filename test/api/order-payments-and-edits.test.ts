import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;
let zhang: string;
let manager: string;

beforeAll(async () => {
  app = await startTestApp('order_payments');
  await installGenericTemplate(app);
  [li, zhang, manager] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang'), signIn(app, 'manager.wang')]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const aCustomer = () => aCustomerOf(app, li, '收款测试客户', ++serial);

type Order = { id: number; version: number; amount: number; status: string; [key: string]: unknown };

/** A confirmed order of 1,000.00 (two lines), owned by rep.li. */
async function aConfirmedOrder(lines = [{ product: '显示器', quantity: 2, unitPrice: 500 }]): Promise<Order> {
  const customerId = await aCustomer();
  const created = await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: li, body: { lines, dueOn: '2026-12-31' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const confirmed = await api(app, 'POST', `/api/orders/${created.body.id}/events`, { cookie: li, body: { type: 'CONFIRM' } });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return (await api(app, 'GET', `/api/orders/${created.body.id}`, { cookie: li })).body;
}

const pay = (orderId: number, amount: number, extra: Record<string, unknown> = {}, cookie = li) =>
  api(app, 'POST', `/api/orders/${orderId}/payments`, { cookie, body: { amount, paidOn: '2026-11-20', method: 'bankTransfer', ...extra } });

async function tables(): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const table of ['sales_order', 'order_line', 'order_payment', 'audit_entry', 'outbox']) {
    const { rows } = await app.schema.pool.query(`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from ${table} t`);
    result[table] = rows[0];
  }
  return result;
}

describe('order payments', () => {
  it('records a part payment: partly paid, the machine takes PAYMENT_RECORDED, one version step, one audit entry', async () => {
    const order = await aConfirmedOrder();
    const response = await pay(order.id, 300.5, { method: 'alipay', note: '定金' });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/orders/${order.id}/payments`);
    expect(response.body.payment).toMatchObject({ orderId: order.id, amount: 300.5, paidOn: '2026-11-20', method: 'alipay', note: '定金' });
    expect(response.body.order).toMatchObject({
      paidAmount: 300.5,
      isPaid: false,
      paymentState: 'partlyPaid',
      status: 'confirmed',
      version: order.version + 1,
    });
    expect(response.body.event).toMatchObject({ event: 'PAYMENT_RECORDED', from: 'confirmed', to: 'confirmed' });
    expect(response.body.event.effects.map((effect: { type: string }) => effect.type)).toEqual(['scheduleFollowUp']);
    expect(response.headers.get('etag')).toBe(`"${order.version + 1}"`);
    const { rows } = await app.schema.pool.query(
      "select action, before->>'paymentState' as before, after->>'paymentState' as after from audit_entry where entity = 'order' and record_id = $1 and action in ('payment', 'event') order by id",
      [order.id],
    );
    expect(rows.slice(-2)).toEqual([
      { action: 'payment', before: 'unpaid', after: 'partlyPaid' },
      { action: 'event', before: null, after: null },
    ]);
  });

  it('moves a confirmed order to paid once the payments reach the amount, and lists them oldest first', async () => {
    const order = await aConfirmedOrder();
    expect((await pay(order.id, 400)).status).toBe(201);
    const last = await pay(order.id, 600, { paidOn: '2026-11-21', method: 'cash' });
    expect(last.status).toBe(201);
    expect(last.body.order).toMatchObject({ paidAmount: 1000, isPaid: true, paymentState: 'paid', status: 'paid' });
    expect(last.body.event).toMatchObject({ from: 'confirmed', to: 'paid' });
    const listed = await api(app, 'GET', `/api/orders/${order.id}/payments`, { cookie: li });
    expect(listed.status).toBe(200);
    expect(listed.body.map((payment: { amount: number; method: string }) => [payment.amount, payment.method])).toEqual([
      [400, 'bankTransfer'],
      [600, 'cash'],
    ]);
  });

  it('refuses an overpayment naming /amount, and writes nothing', async () => {
    const order = await aConfirmedOrder();
    expect((await pay(order.id, 999.99)).status).toBe(201);
    const before = await tables();
    const refused = await pay(order.id, 0.02);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.errors).toEqual([{ path: '/amount', message: expect.stringContaining('0.01') }]);
    expect(await tables()).toEqual(before);
    const zero = await pay(order.id, 0);
    expect(zero.status).toBe(400);
    expect(zero.body.errors.map((error: { path: string }) => error.path)).toEqual(['/amount']);
  });

  it('keeps a payment on a pending order without moving it, refuses one on a cancelled order, and a stale If-Match', async () => {
    const customerId = await aCustomer();
    const pending = (await api(app, 'POST', `/api/customers/${customerId}/orders`, { cookie: li, body: { lines: [{ product: '键盘', quantity: 1, unitPrice: 200 }] } })).body;
    const deposit = await pay(pending.id, 50);
    expect(deposit.status).toBe(201);
    expect(deposit.body.event).toBeNull();
    expect(deposit.body.order).toMatchObject({ status: 'pending', paymentState: 'partlyPaid' });

    const stale = await api(app, 'POST', `/api/orders/${pending.id}/payments`, {
      cookie: li,
      headers: { 'if-match': `"${pending.version}"` },
      body: { amount: 10, paidOn: '2026-11-20', method: 'cash' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toContain('stale-version');

    expect((await api(app, 'POST', `/api/orders/${pending.id}/events`, { cookie: manager, body: { type: 'CANCEL' } })).status).toBe(200);
    const closed = await pay(pending.id, 10);
    expect(closed.status).toBe(409);
    expect(closed.body.type).toContain('order-closed');
  });

  it('never overpays under parallel payments: of ten simultaneous 200.00 payments on 1,000.00, five are taken', async () => {
    const order = await aConfirmedOrder();
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(order.id, 200)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 201, 400, 400, 400, 400, 400]);
    const shown = (await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li })).body;
    expect(shown).toMatchObject({ paidAmount: 1000, paymentState: 'paid', status: 'paid', version: order.version + 5 });
  });

  it('answers 404 to a rep who cannot see the order, on reads and writes alike', async () => {
    const order = await aConfirmedOrder();
    expect((await api(app, 'GET', `/api/orders/${order.id}/payments`, { cookie: zhang })).status).toBe(404);
    expect((await pay(order.id, 10, {}, zhang)).status).toBe(404);
    expect((await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: zhang, body: { version: order.version, note: 'x' } })).status).toBe(404);
    expect((await api(app, 'GET', `/api/orders/${order.id}/payments`, { cookie: manager })).status).toBe(200);
  });

  it('keeps paid = Σ payments ≤ amount and the payment state in step, whatever payments arrive', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 5 }), async (amountsInCents) => {
        const order = await aConfirmedOrder([{ product: '耗材', quantity: 1, unitPrice: 1000 }]);
        let paidCents = 0;
        for (const amountCents of amountsInCents) {
          const response = await pay(order.id, amountCents / 100);
          if (paidCents + amountCents > 100_000) {
            expect(response.status).toBe(400);
            continue;
          }
          expect(response.status, JSON.stringify(response.body)).toBe(201);
          paidCents += amountCents;
        }
        const { rows } = await app.schema.pool.query(
          `select (o.paid_amount * 100)::int as paid, o.is_paid, o.status,
                  (select coalesce(sum(p.amount * 100), 0)::int from order_payment p where p.order_id = o.id) as payments
             from sales_order o where o.id = $1`,
          [order.id],
        );
        expect(rows[0]).toEqual({ paid: paidCents, payments: paidCents, is_paid: paidCents === 100_000, status: paidCents === 100_000 ? 'paid' : 'confirmed' });
        const shown = (await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li })).body;
        expect(shown.paymentState).toBe(paidCents === 0 ? 'unpaid' : paidCents === 100_000 ? 'paid' : 'partlyPaid');
      }),
      { numRuns: 12 },
    );
  });
});

describe('editing an order', () => {
  it('changes address, dates, note and lines with its version; the amount follows the lines', async () => {
    const order = await aConfirmedOrder();
    const changed = await api(app, 'PATCH', `/api/orders/${order.id}`, {
      cookie: li,
      headers: { 'if-match': `"${order.version}"` },
      body: {
        shippingAddress: '上海市徐汇区虹桥路 1 号',
        expectedShipOn: '2026-12-05',
        note: '分两批发货',
        lines: [
          { product: '显示器', quantity: 3, unitPrice: 500 },
          { product: '支架', quantity: 3, unitPrice: 99.9 },
        ],
      },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      shippingAddress: '上海市徐汇区虹桥路 1 号',
      expectedShipOn: '2026-12-05',
      note: '分两批发货',
      amount: 1799.7,
      version: order.version + 1,
      lines: [
        { product: '显示器', quantity: 3, unitPrice: 500, amount: 1500 },
        { product: '支架', quantity: 3, unitPrice: 99.9, amount: 299.7 },
      ],
    });
    expect(changed.headers.get('etag')).toBe(`"${order.version + 1}"`);
    expect((await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li })).body).toEqual(changed.body);

    const stale = await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { version: order.version, note: '旧' } });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toContain('stale-version');
    expect((await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { note: '无版本' } })).status).toBe(428);
    const { rows } = await app.schema.pool.query("select after->>'note' as note from audit_entry where entity = 'order' and record_id = $1 and action = 'update'", [order.id]);
    expect(rows).toEqual([{ note: '分两批发货' }]);
  });

  it('refuses lines below what is paid (400 at /lines) and any lines once shipped (409), but keeps the address editable', async () => {
    const order = await aConfirmedOrder();
    const paid = await pay(order.id, 800);
    const version = paid.body.order.version;
    const below = await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { version, lines: [{ product: '显示器', quantity: 1, unitPrice: 500 }] } });
    expect(below.status).toBe(400);
    expect(below.body.errors.map((error: { path: string }) => error.path)).toEqual(['/lines']);

    const shipped = await api(app, 'POST', `/api/orders/${order.id}/events`, { cookie: li, body: { type: 'SHIPPED' } });
    expect(shipped.body).toMatchObject({ from: 'confirmed', to: 'shipped' });
    const after = (await api(app, 'GET', `/api/orders/${order.id}`, { cookie: li })).body;
    expect(after.shippedAt).toEqual(expect.any(String));
    const fixed = await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { version: after.version, lines: [{ product: '显示器', quantity: 9, unitPrice: 500 }] } });
    expect(fixed.status).toBe(409);
    expect(fixed.body.type).toContain('order-shipped');
    expect(fixed.body.errors.map((error: { path: string }) => error.path)).toEqual(['/lines']);
    const address = await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { version: after.version, shippingAddress: '改到仓库自提' } });
    expect(address.status).toBe(200);
    expect(address.body.shippingAddress).toBe('改到仓库自提');

    const rest = await pay(order.id, 200);
    expect(rest.body.event).toMatchObject({ from: 'shipped', to: 'completed' });
    const done = await api(app, 'PATCH', `/api/orders/${order.id}`, { cookie: li, body: { version: rest.body.order.version, note: '已完成' } });
    expect(done.status).toBe(409);
    expect(done.body.type).toContain('order-closed');
  });
});
