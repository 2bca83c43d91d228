import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { anAgedCustomer, query } from './recycling-fixtures.ts';

let app: TestApp;
let admin: string;
let rep: string;
let repId: number;
const rule = 'recycle-potential-no-contact';

beforeAll(async () => {
  app = await startTestApp('recycle_sweep');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  rep = await signIn(app, 'rep.li');
  repId = await userIdOf(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

const sweep = (ruleId = rule, cookie = admin) => api(app, 'POST', `/api/recycling/rules/${ruleId}/sweep`, { cookie });
const preview = (ruleId = rule, limit = 50) => api(app, 'GET', `/api/recycling/rules/${ruleId}/preview?limit=${limit}`, { cookie: admin });
/** The fields of a customer document a recycle changes, which its audit entry records before and after. */
const ownershipFields = ({ ownership, ownerId, owners, teamId, updatedAt, version }: Record<string, unknown>) => ({
  ownership,
  ownerId,
  owners,
  teamId,
  updatedAt,
  version,
});

describe('pool recycle sweep', () => {
  it('returns a potential customer to the pool after 15 days without a contact record, as a command would write it', async () => {
    const stale = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 20 });
    const neverContacted = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: null, createdDaysAgo: 16 });
    const recent = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 10 });
    const exempt = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 20, totalDealAmount: 500 });
    const otherStage = await anAgedCustomer(app, rep, { stage: 'target', contactedDaysAgo: 20 });
    const before = (await api(app, 'GET', `/api/customers/${stale}`, { cookie: admin })).body;

    const response = await sweep();
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ruleId: rule, ruleVersion: 1, moved: 2, customerIds: [stale, neverContacted].sort((a, b) => a - b) });
    expect(response.body.reason.en).toContain('time since the last contact ≥ 15 days');
    expect(response.body.reason['zh-CN']).toContain('距上次联系 ≥ 15 天');

    const rows = await query(app, 'select id::int, ownership, owner_id, team_id, version from customer where id = any($1) order by id', [
      [stale, neverContacted, recent, exempt, otherStage],
    ]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(stale)).toMatchObject({ ownership: 'pool', owner_id: null, team_id: null, version: before.version + 1 });
    expect(byId.get(neverContacted)).toMatchObject({ ownership: 'pool', owner_id: null });
    for (const kept of [recent, exempt, otherStage]) expect(byId.get(kept)).toMatchObject({ ownership: 'personal' });
    expect(await query(app, 'select * from customer_owner where customer_id = $1', [stale])).toEqual([]);

    expect(await query(app, "select owner_id::int, actor_id, action from ownership_event where customer_id = $1 and action <> 'create'", [stale])).toEqual([
      { owner_id: repId, actor_id: null, action: 'remove' },
    ]);
    const [cooling] = await query(
      app,
      "select owner_id::int, rule_id, rule_version, extract(epoch from claimable_at - recycled_at)::int as seconds from recycled_customer where customer_id = $1",
      [stale],
    );
    expect(cooling).toEqual({ owner_id: repId, rule_id: rule, rule_version: 1, seconds: 7 * 86_400 });

    const after = (await api(app, 'GET', `/api/customers/${stale}`, { cookie: admin })).body;
    const [audit] = await query(app, "select actor_id, before, after, why, at from audit_entry where record_id = $1 and action = 'recycle'", [stale]);
    expect(audit.actor_id).toBeNull();
    // The entry holds what the move changed; the statement builds it in SQL, and it must be the API's own, field for field.
    expect(audit.before).toEqual(ownershipFields(before));
    expect(audit.after).toEqual(ownershipFields(after));
    expect(audit.why).toEqual({ kind: 'reason', code: 'recycled', rule: { id: rule, version: 1 }, words: response.body.reason });

    const outbox = await query(app, "select topic, payload, idempotency_key from outbox where payload->>'recordId' = $1::text and topic = 'effect.notify'", [
      String(stale),
    ]);
    expect(outbox).toEqual([
      {
        topic: 'effect.notify',
        idempotency_key: `customer:${stale}:v${after.version}:recycle:${rule}:1`,
        payload: expect.objectContaining({
          entity: 'customer',
          recordId: stale,
          actorId: null,
          rule: { id: rule, version: 1 },
          formerOwnerIds: [repId],
          effect: expect.objectContaining({ type: 'notify', params: expect.objectContaining({ to: [{ userId: String(repId) }] }) }),
        }),
      },
    ]);

    const trail = await api(app, 'GET', `/api/customers/${stale}/audit`, { cookie: admin });
    expect(trail.body.items[0]).toMatchObject({ action: 'recycle', actorId: null, why: { code: 'recycled', rule: { id: rule } } });
  });

  it('moves exactly what its preview listed, and a second run finds nothing left', async () => {
    const ids = [
      await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 16 }),
      await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 30 }),
      await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 15 }),
    ];
    await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 14 });
    const seen = await preview();
    expect(seen.status).toBe(200);
    expect(seen.body.count).toBe(3);
    expect(seen.body.customers.map((c: { id: number }) => c.id)).toEqual(ids);
    expect(seen.body.customers[0]).toMatchObject({ stage: 'potential', ownerId: repId, name: expect.stringContaining('回收测试客户') });
    const limited = await preview(rule, 2);
    expect(limited.body).toMatchObject({ count: 3, customers: [{ id: ids[0] }, { id: ids[1] }] });

    const moved = await sweep();
    expect(moved.body.moved).toBe(seen.body.count);
    expect(moved.body.customerIds).toEqual(seen.body.customers.map((c: { id: number }) => c.id));
    expect((await preview()).body.count).toBe(0);
    expect((await sweep()).body.moved).toBe(0);
  });

  it('leaves a customer a command holds right now to the next run, which records the row as that command left it', async () => {
    const held = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 20 });
    const free = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 20 });
    const command = await app.schema.pool.connect();
    try {
      await command.query('begin');
      await command.query("update customer set keywords = '{held}', version = version + 1 where id = $1", [held]);
      const first = await sweep();
      expect(first.body.customerIds).toContain(free);
      expect(first.body.customerIds).not.toContain(held);
      await command.query('commit');
    } finally {
      command.release();
    }
    const changed = (await api(app, 'GET', `/api/customers/${held}`, { cookie: admin })).body;
    expect(changed.keywords).toEqual(['held']);

    const second = await sweep();
    expect(second.body.customerIds).toEqual([held]);
    const [audit] = await query(app, "select before, after from audit_entry where record_id = $1 and action = 'recycle'", [held]);
    expect(audit.before).toEqual(ownershipFields(changed));
    expect(audit.after).toEqual(ownershipFields((await api(app, 'GET', `/api/customers/${held}`, { cookie: admin })).body));
  });

  it('warns the owner once per due day before a customer would be recycled', async () => {
    const dueSoon = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 13 });
    const notYet = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 10 });
    const first = await sweep();
    expect(first.body.warned).toBeGreaterThanOrEqual(1);
    const warnings = await query(app, "select payload, idempotency_key from outbox where idempotency_key like 'recycle-warning:%' and payload->>'recordId' = any($1)", [
      [String(dueSoon), String(notYet)],
    ]);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning.payload.recordId).toBe(dueSoon);
    expect(warning.payload.effect).toMatchObject({ type: 'notify', params: { to: [{ userId: String(repId) }], severity: 'warning' } });
    expect(warning.payload.effect.params.body['zh-CN']).toContain(warning.payload.dueOn);
    expect(warning.idempotency_key).toBe(`recycle-warning:${rule}:v1:customer:${dueSoon}:owner:${repId}:due:${warning.payload.dueOn}:0`);
    // Two days from now in Shanghai: 13 days since the last contact today, 15 then.
    const [expected] = await query(app, "select to_char(((now() + interval '2 days') at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day");
    expect(warning.payload.dueOn).toBe(expected.day);

    const second = await sweep();
    expect(second.body.warned).toBe(0);
    expect(await query(app, "select 1 from outbox where idempotency_key like 'recycle-warning:%' and payload->>'recordId' = $1", [String(dueSoon)])).toHaveLength(1);
  });

  it('lists the recycle rules with their schedules and reasons', async () => {
    const response = await api(app, 'GET', '/api/recycling/rules', { cookie: admin });
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { ruleId: string }) => item.ruleId)).toEqual([
      'recycle-opportunity-no-deal',
      'recycle-potential-no-contact',
      'recycle-target-no-contact',
    ]);
    expect(response.body.items[1]).toMatchObject({
      enabled: true,
      schedule: { cron: '0 2 * * *', timeZone: 'Asia/Shanghai' },
      warningDays: 3,
      coolDownDays: 7,
    });
    expect(response.body.items[1].reason['zh-CN']).toContain('不属于例外（已成交客户）');
  });

  it('is for administrators only, and names unknown rules as not found', async () => {
    expect((await sweep(rule, rep)).status).toBe(403);
    expect((await api(app, 'GET', `/api/recycling/rules/${rule}/preview`, { cookie: rep })).status).toBe(403);
    const missing = await sweep('recycle-nothing-like-this');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    // A rule of another kind is not a recycle rule.
    expect((await preview('route-new-lead')).status).toBe(404);
    const bad = await api(app, 'GET', `/api/recycling/rules/${rule}/preview?limit=0`, { cookie: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('/query/limit');
  });
});
