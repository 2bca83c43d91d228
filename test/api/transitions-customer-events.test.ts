import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, tableSnapshot } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let manager: string;
let li: string;
let zhang: string;

beforeAll(async () => {
  app = await startTestApp('transitions_events');
  await installGenericTemplate(app);
  [admin, manager, li, zhang] = await Promise.all([
    signIn(app, 'admin'),
    signIn(app, 'manager.wang'),
    signIn(app, 'rep.li'),
    signIn(app, 'rep.zhang'),
  ]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
async function aCustomer(cookie: string, overrides: Record<string, unknown> = {}): Promise<{ id: number; version: number }> {
  serial++;
  const body = { name: `流转测试客户${serial}号`, phone: `137${String(20_000_000 + serial).padStart(8, '0')}`, ...overrides };
  const response = await api(app, 'POST', '/api/customers', { cookie, body });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

const fire = (cookie: string, id: number, type: string, headers: Record<string, string> = {}) =>
  api(app, 'POST', `/api/customers/${id}/events`, { cookie, body: { type }, headers });

async function customerOf(id: number) {
  return (await api(app, 'GET', `/api/customers/${id}`, { cookie: admin })).body;
}

/** A customer of rep.li in the potential stage, reached the way a rep gets there: select, call, fill in, upgrade. */
async function aPotentialCustomer(): Promise<number> {
  const { id } = await aCustomer(li, { customFields: { industry: 'it' } });
  expect((await fire(li, id, 'SELECT')).status).toBe(200);
  expect((await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'interested' } })).status).toBe(201);
  expect((await fire(li, id, 'UPGRADE')).status).toBe(200);
  return id;
}

describe('POST /api/customers/:id/events', () => {
  it('lets a rep select a reserve customer, mark it contacted by logging a call, and upgrade it to potential', async () => {
    const { id } = await aCustomer(li, { customFields: { industry: 'it' } });
    const selected = await fire(li, id, 'SELECT');
    expect(selected.status).toBe(200);
    expect(selected.body).toMatchObject({ entity: 'customer', id, event: 'SELECT', from: 'reserve', to: 'target', flags: { contacted: false } });
    expect(selected.headers.get('etag')).toBe(`"${selected.body.version}"`);

    const refused = await fire(li, id, 'UPGRADE');
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.reason).toMatchObject({ code: 'flagsMismatch', path: '/states/target/on/UPGRADE' });

    const versionBeforeCall = (await customerOf(id)).version;
    await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'interested' } });
    const called = await customerOf(id);
    expect(called.flags).toEqual({ contacted: true });
    expect(called.version).toBe(versionBeforeCall);

    const upgraded = await fire(li, id, 'UPGRADE', { 'if-match': `"${called.version}"` });
    expect(upgraded.status).toBe(200);
    expect(upgraded.body).toMatchObject({ from: 'target', to: 'potential', flags: { tracking: 'tracking' }, version: called.version + 1 });
    expect(upgraded.body.effects).toEqual([{ type: 'scheduleFollowUp', idempotencyKey: `customer:${id}:v${called.version + 1}:event:UPGRADE:0` }]);
    const { rows } = await app.schema.pool.query('select stage, machine_snapshot from customer where id = $1', [id]);
    expect(rows[0]).toMatchObject({ stage: 'potential', machine_snapshot: { value: 'potential', flags: { tracking: 'tracking' } } });
    const outbox = await app.schema.pool.query("select topic, idempotency_key, payload from outbox where idempotency_key like $1", [`customer:${id}:%UPGRADE%`]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]).toMatchObject({ topic: 'effect.scheduleFollowUp', payload: { entity: 'customer', recordId: id, effect: { type: 'scheduleFollowUp' } } });
  });

  it('writes the engine’s trace as the why of the audit entry, readable in the customer’s trail', async () => {
    const id = await aPotentialCustomer();
    const trail = (await api(app, 'GET', `/api/customers/${id}/audit`, { cookie: li })).body.items;
    const upgrade = trail.find((entry: { action: string; why: { trace?: { event: string } } }) => entry.action === 'event' && entry.why.trace?.event === 'UPGRADE');
    expect(upgrade).toMatchObject({
      entity: 'customer',
      before: { stage: 'target', flags: { contacted: true } },
      after: { stage: 'potential', flags: { tracking: 'tracking' } },
      why: { kind: 'trace', trace: { from: 'target', to: 'potential', taken: ['/states/target/on/UPGRADE'] } },
    });
    const checks = upgrade.why.trace.considered[0].checks.map((check: { check: string; passed: boolean }) => [check.check, check.passed]);
    expect(checks).toEqual([['permission', true], ['flags', true], ['requiredFields', true]]);
    const contacted = trail.find((entry: { action: string; why: { trace?: { event: string } } }) => entry.why.trace?.event === 'CONTACT_LOGGED');
    expect(contacted).toMatchObject({ action: 'event', after: { flags: { contacted: true } } });
  });

  it('refuses an event the stage does not take and leaves rows, audit and outbox exactly as they were', async () => {
    const { id } = await aCustomer(li);
    const before = await tableSnapshot(app);
    const refused = await fire(li, id, 'RESUME_TRACKING');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ type: 'https://stagecraft.dev/problems/transition-refused', reason: { code: 'eventNotAccepted' } });
    const unknown = await fire(li, id, 'NO_SUCH_EVENT');
    expect(unknown.status).toBe(409);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('answers 403 with the reason when the role may not take the transition, and changes nothing', async () => {
    const { id } = await aCustomer(li);
    const before = await tableSnapshot(app);
    const system = await fire(li, id, 'OPPORTUNITY_SELLING');
    expect(system.status).toBe(403);
    expect(system.body.reason).toMatchObject({ code: 'roleNotAllowed', path: '/states/reserve/on/OPPORTUNITY_SELLING' });
    await app.schema.pool.query(
      `update customer set stage = 'won', machine_snapshot = machine_snapshot || '{"value":"won","flags":{"tracking":"tracking","orderInProgress":false}}'::jsonb where id = $1`,
      [id],
    );
    const wonBefore = await tableSnapshot(app);
    const downgrade = await api(app, 'POST', `/api/customers/${id}/events`, { cookie: li, body: { type: 'DOWNGRADE' }, headers: { 'accept-language': 'zh-CN' } });
    expect(downgrade.status).toBe(403);
    expect(downgrade.body.reason).toMatchObject({ code: 'permissionDenied', path: '/states/won/on/DOWNGRADE' });
    expect(downgrade.body.reason.message).toContain('downgrade');
    expect(downgrade.body.detail).toMatch(/成交客户/);
    expect(await tableSnapshot(app)).toEqual(wonBefore);
    expect(wonBefore.audit_entry).toEqual(before.audit_entry);
  });

  it('answers 409 stale-version when If-Match or version names an older version', async () => {
    const { id, version } = await aCustomer(li);
    expect((await fire(li, id, 'SELECT', { 'if-match': `"${version}"` })).status).toBe(200);
    const stale = await api(app, 'POST', `/api/customers/${id}/events`, { cookie: li, body: { type: 'CONTACT_LOGGED', version } });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('https://stagecraft.dev/problems/stale-version');
  });

  it('lets exactly one of 20 simultaneous events with the same expected version through', async () => {
    const id = await aPotentialCustomer();
    const { version } = await customerOf(id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => fire(li, id, 'PAUSE_TRACKING', { 'if-match': `"${version}"` })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    const { rows } = await app.schema.pool.query(
      "select count(*)::int as n from audit_entry where record_id = $1 and entity = 'customer' and why->'trace'->>'event' = 'PAUSE_TRACKING'",
      [id],
    );
    expect(rows[0].n).toBe(1);
    expect((await customerOf(id)).version).toBe(version + 1);
  });

  it('answers 404 for a customer the caller may not see, as for one nobody has', async () => {
    const { id } = await aCustomer(li);
    expect((await fire(zhang, id, 'SELECT')).status).toBe(404);
    expect((await fire(zhang, 99_999_999, 'SELECT')).status).toBe(404);
    expect((await fire(zhang, 'x' as unknown as number, 'SELECT')).status).toBe(404);
  });
});

describe('GET /api/customers/:id/actions and POST …/events agree', () => {
  it('takes every action listed as available and refuses every unavailable one with the reason the button shows', async () => {
    for (const stageSetup of ['reserve', 'potential'] as const) {
      for (const cookie of [li, manager]) {
        const probe = stageSetup === 'reserve' ? (await aCustomer(cookie)).id : await aPotentialCustomer();
        const actions = (await api(app, 'GET', `/api/customers/${probe}/actions`, { cookie })).body as Array<{ event: string; available: boolean; reason?: { code: string } }>;
        expect(actions.length).toBeGreaterThan(0);
        for (const action of actions) {
          // Each available action on a fresh customer in the same stage, so one action does not change the next.
          const id = stageSetup === 'reserve' ? (await aCustomer(cookie)).id : await aPotentialCustomer();
          const answer = await fire(cookie, id, action.event);
          if (action.available) {
            expect(answer.status, `${action.event} in ${stageSetup}`).toBe(200);
          } else {
            expect([403, 409]).toContain(answer.status);
            expect(answer.body.reason.code, `${action.event} in ${stageSetup}`).toBe(action.reason?.code);
          }
        }
      }
    }
  });
});

describe('a customer on an older definition version', () => {
  it('keeps moving on the version it runs on after a new version is published', async () => {
    const { id } = await aCustomer(li);
    const { rows } = await app.schema.pool.query("select document from definition_version where kind = 'machine' and key = 'customer-lifecycle'");
    const next = structuredClone(rows[0].document);
    next.version = 2;
    delete next.states.reserve.on.SELECT;
    await app.schema.pool.query(
      "insert into definition_version (kind, key, version, document, source, published_at) values ('machine', 'customer-lifecycle', 2, $1, 'test', now())",
      [JSON.stringify(next)],
    );
    try {
      const newer = await aCustomer(li);
      expect((await customerOf(newer.id)).definition).toEqual({ key: 'customer-lifecycle', version: 2 });
      expect((await fire(li, newer.id, 'SELECT')).body.reason.code).toBe('eventNotAccepted');
      const older = await fire(li, id, 'SELECT');
      expect(older.status).toBe(200);
      expect(older.body.to).toBe('target');
      expect((await customerOf(id)).definition).toEqual({ key: 'customer-lifecycle', version: 1 });
    } finally {
      await app.schema.pool.query("delete from definition_version where kind = 'machine' and key = 'customer-lifecycle' and version = 2");
    }
  });
});
