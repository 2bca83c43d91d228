import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;
let zhang: string;

beforeAll(async () => {
  app = await startTestApp('opportunities_funnel');
  await installGenericTemplate(app);
  [li, zhang] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const aCustomer = () => aCustomerOf(app, li, '商机测试客户', ++serial);

async function anOpportunity(customerId: number, body: Record<string, unknown> = {}) {
  const response = await api(app, 'POST', `/api/customers/${customerId}/opportunities`, { cookie: li, body: { name: '年度采购', ...body } });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { id: number; version: number; [key: string]: unknown };
}

const fire = (id: number, type: string) => api(app, 'POST', `/api/opportunities/${id}/events`, { cookie: li, body: { type } });
const customerOf = async (id: number) => (await api(app, 'GET', `/api/customers/${id}`, { cookie: li })).body;

describe('opportunities', () => {
  it('opens in the funnel’s first stage with its probability, and its selling makes the customer an opportunity customer', async () => {
    const customerId = await aCustomer();
    const opportunity = await anOpportunity(customerId, { amount: 50_000 });
    expect(opportunity).toMatchObject({
      customerId,
      stage: 'qualification',
      status: 'open',
      probability: 10,
      amount: 50_000,
      flags: { selling: 'selling' },
      definition: { key: 'opportunity-funnel', version: 1 },
    });
    const customer = await customerOf(customerId);
    expect(customer).toMatchObject({ stage: 'opportunity', flags: { tracking: 'tracking' } });
    const { rows } = await app.schema.pool.query(
      "select actor_id::int as actor, why->'trace'->>'event' as event from audit_entry where entity = 'customer' and record_id = $1 and action = 'event'",
      [customerId],
    );
    expect(rows).toEqual([{ actor: expect.any(Number), event: 'OPPORTUNITY_SELLING' }]);
    const listed = (await api(app, 'GET', `/api/customers/${customerId}/opportunities`, { cookie: li })).body;
    expect(listed.map((item: { id: number }) => item.id)).toEqual([opportunity.id]);
  });

  it('moves through the funnel by events: probability and status follow the stage, won queues the order effect', async () => {
    const customerId = await aCustomer();
    const { id, version } = await anOpportunity(customerId);
    const missing = await fire(id, 'ADVANCE');
    expect(missing.status).toBe(409);
    expect(missing.body.reason.code).toBe('requiredFieldMissing');
    const patched = await api(app, 'PATCH', `/api/opportunities/${id}`, { cookie: li, body: { amount: 88_000 }, headers: { 'if-match': `"${version}"` } });
    expect(patched.status).toBe(200);
    expect((await fire(id, 'ADVANCE')).body).toMatchObject({ from: 'qualification', to: 'proposal' });
    expect((await api(app, 'GET', `/api/opportunities/${id}`, { cookie: li })).body).toMatchObject({ stage: 'proposal', probability: 40, status: 'open' });

    const won = await fire(id, 'MARK_WON');
    expect(won.status).toBe(200);
    expect(won.body.effects.map((effect: { type: string }) => effect.type)).toEqual(['createRecord', 'notify']);
    const after = (await api(app, 'GET', `/api/opportunities/${id}`, { cookie: li })).body;
    expect(after).toMatchObject({ stage: 'won', status: 'won', probability: 100, flags: { selling: 'ended' } });
    const { rows } = await app.schema.pool.query("select idempotency_key, payload from outbox where topic = 'effect.createRecord' and payload->>'recordId' = $1", [String(id)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].idempotency_key).toBe(`opportunity:${id}:v${after.version}:event:MARK_WON:0`);
    expect(rows[0].payload.effect).toMatchObject({ type: 'createRecord', params: { entity: 'order', linkToSource: true } });
    expect((await fire(id, 'MARK_LOST')).body.reason.code).toBe('machineDone');
    const locked = await api(app, 'PATCH', `/api/opportunities/${id}`, { cookie: li, body: { amount: 1 }, headers: { 'if-match': `"${after.version}"` } });
    expect(locked.status).toBe(403);
  });

  it('pauses a customer’s selling opportunities when the customer pauses tracking, and resuming one moves nothing back', async () => {
    const customerId = await aCustomer();
    const first = await anOpportunity(customerId);
    const second = await anOpportunity(customerId);
    expect((await fire(second.id, 'PAUSE_SELLING')).status).toBe(200);
    const paused = await api(app, 'POST', `/api/customers/${customerId}/events`, { cookie: li, body: { type: 'PAUSE_TRACKING' } });
    expect(paused.status).toBe(200);
    expect(paused.body.followUps).toEqual([expect.objectContaining({ entity: 'opportunity', id: first.id, event: 'CUSTOMER_TRACKING_PAUSED', flags: { selling: 'paused' } })]);
    expect((await api(app, 'GET', `/api/opportunities/${first.id}`, { cookie: li })).body.flags).toEqual({ selling: 'paused' });

    const resumed = await fire(first.id, 'RESUME_SELLING');
    expect(resumed.status).toBe(200);
    // The customer already is an opportunity customer: its stage does not take OPPORTUNITY_SELLING, nothing follows.
    expect(resumed.body.followUps).toEqual([]);
    expect(await customerOf(customerId)).toMatchObject({ stage: 'opportunity', flags: { tracking: 'paused' } });
  });

  it('pauses an opportunity added while the pause was being decided: a customer seen without any does not stay so', async () => {
    // An opportunity customer whose only opportunity is then deleted: tracking, with no live opportunity.
    const customerId = await aCustomer();
    const template = await anOpportunity(customerId);
    await app.schema.pool.query('update opportunity set deleted_at = now() where id = $1', [template.id]);
    expect(await customerOf(customerId)).toMatchObject({ stage: 'opportunity', flags: { tracking: 'tracking' } });
    const { rows: columns } = await app.schema.pool.query<{ name: string }>(
      "select column_name as name from information_schema.columns where table_schema = $1 and table_name = 'opportunity' and column_name not in ('id', 'deleted_at')",
      [app.schema.name],
    );
    const copied = columns.map(({ name }) => `"${name}"`).join(', ');
    // Another transaction adds an opportunity (its trigger flags the customer, holding the row) and waits to commit.
    const adding = await app.schema.pool.connect();
    try {
      await adding.query('begin');
      const { rows } = await adding.query<{ id: number }>(
        `insert into opportunity (${copied}) select ${copied} from opportunity where id = $1 returning id::int as id`,
        [template.id],
      );
      const added = rows[0]!.id;
      const pausing = api(app, 'POST', `/api/customers/${customerId}/events`, { cookie: li, body: { type: 'PAUSE_TRACKING' } });
      // The pause read the customer without live opportunities; its write now waits for the adding transaction.
      const blocker = (await adding.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await expect
        .poll(async () => (await app.schema.pool.query('select 1 from pg_stat_activity where pg_blocking_pids(pid) @> array[$1::int]', [blocker])).rowCount, {
          timeout: 10_000,
        })
        .toBe(1);
      await adding.query('commit');
      const paused = await pausing;
      expect(paused.status).toBe(200);
      expect(paused.body.followUps).toEqual([expect.objectContaining({ entity: 'opportunity', id: added, event: 'CUSTOMER_TRACKING_PAUSED' })]);
    } finally {
      adding.release();
    }
  });

  it('lists the funnel’s buttons, agreeing with the events endpoint, and hides opportunities of customers out of sight', async () => {
    const customerId = await aCustomer();
    const { id } = await anOpportunity(customerId);
    const actions = (await api(app, 'GET', `/api/opportunities/${id}/actions`, { cookie: li })).body as Array<{ event: string; available: boolean; reason?: { code: string } }>;
    expect(actions.map((action) => action.event)).toEqual(['ADVANCE', 'MARK_LOST', 'PAUSE_SELLING', 'RESUME_SELLING']);
    for (const action of actions) {
      const fresh = await anOpportunity(customerId);
      const answer = await fire(fresh.id, action.event);
      if (action.available) expect(answer.status, action.event).toBe(200);
      else expect(answer.body.reason.code, action.event).toBe(action.reason?.code);
    }
    for (const path of [`/api/opportunities/${id}`, `/api/opportunities/${id}/actions`, `/api/customers/${customerId}/opportunities`]) {
      expect((await api(app, 'GET', path, { cookie: zhang })).status, path).toBe(404);
    }
    expect((await api(app, 'POST', `/api/opportunities/${id}/events`, { cookie: zhang, body: { type: 'MARK_LOST' } })).status).toBe(404);
  });
});
