import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, tableSnapshot, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let manager: string;
let li: string;
let liId: number;
let managerId: number;

beforeAll(async () => {
  app = await startTestApp('customers_crud');
  await installGenericTemplate(app);
  [admin, manager, li] = await Promise.all([signIn(app, 'admin'), signIn(app, 'manager.wang'), signIn(app, 'rep.li')]);
  [liId, managerId] = await Promise.all([userIdOf(app, 'rep.li'), userIdOf(app, 'manager.wang')]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
/** A customer body with a name and phone no other test uses. */
function aCustomer(overrides: Record<string, unknown> = {}) {
  serial++;
  return { name: `测试客户${serial}号有限公司`, phone: `139${String(10_000_000 + serial).padStart(8, '0')}`, ...overrides };
}

async function create(cookie: string, body: Record<string, unknown>) {
  const response = await api(app, 'POST', '/api/customers', { cookie, body });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as { id: number; version: number; [key: string]: unknown };
}

async function auditOf(id: number) {
  const { rows } = await app.schema.pool.query(
    'select action, actor_id::int as actor, before, after, why from audit_entry where entity = $1 and record_id = $2 order by id',
    ['customer', id],
  );
  return rows;
}

/** Puts a customer into a stage directly, as the transitions slice will do through events. */
async function moveToStage(id: number, stage: string, flags: Record<string, unknown>) {
  await app.schema.pool.query(
    `update customer set stage = $2::text, machine_snapshot = machine_snapshot || jsonb_build_object('value', $2::text, 'flags', $3::jsonb) where id = $1`,
    [id, stage, JSON.stringify(flags)],
  );
}

describe('creating a customer', () => {
  it('makes it the caller’s own reserve customer, numbered, with its ownership history and an audit entry explaining the stage', async () => {
    const response = await api(app, 'POST', '/api/customers', {
      cookie: li,
      body: { name: '  上海测试科技有限公司 ', phone: '+86 138-1234-5678', keywords: ['测试科技'], customFields: { industry: 'it' } },
    });
    expect(response.status).toBe(201);
    const customer = response.body;
    expect(customer).toMatchObject({
      name: '上海测试科技有限公司',
      phone: '+86 138-1234-5678',
      keywords: ['测试科技'],
      stage: 'reserve',
      flags: { contacted: false },
      ownership: 'personal',
      ownerId: liId,
      owners: [{ userId: liId, role: 'primary' }],
      definition: { key: 'customer-lifecycle', version: 1 },
      customFields: { industry: 'it', customerNumber: 'C000001' },
      callCount: 0,
      version: 1,
    });
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/api/customers/${customer.id}`);

    const events = await app.schema.pool.query('select owner_id::int as owner, action, actor_id::int as actor from ownership_event where customer_id = $1', [customer.id]);
    expect(events.rows).toEqual([{ owner: liId, action: 'create', actor: liId }]);
    const [entry] = await auditOf(customer.id);
    expect(entry).toMatchObject({ action: 'create', actor: liId, before: null, after: { name: '上海测试科技有限公司', stage: 'reserve' } });
    expect(entry.why).toMatchObject({ kind: 'trace', trace: { machine: 'customer-lifecycle', event: 'xstate.init', to: 'reserve' } });
  });

  it('refuses a field the role may only read with 403 naming it, and writes nothing', async () => {
    const before = await tableSnapshot(app);
    const response = await api(app, 'POST', '/api/customers', { cookie: li, body: aCustomer({ customFields: { level: 'A', industry: 'it' } }) });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: 'https://stagecraft.dev/problems/forbidden', errors: [{ path: '/customFields/level' }] });
    expect(response.body.errors[0].message).toMatch(/read-only/);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('answers bad values with 400 naming each path', async () => {
    const response = await api(app, 'POST', '/api/customers', {
      cookie: manager,
      body: aCustomer({ phone: '12345', stage: 'nowhere', customFields: { industry: 'mining', annualRevenue: -1 } }),
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['/customFields/annualRevenue', '/customFields/industry', '/phone', '/stage'].sort(),
    );
  });

  it('lets a manager import straight into a later stage, entering it with its entry effects in the outbox', async () => {
    const customer = await create(manager, aCustomer({ stage: 'potential', customFields: { industry: 'retail', subIndustry: 'ecommerce' } }));
    expect(customer).toMatchObject({ stage: 'potential', flags: { tracking: 'tracking' }, ownerId: managerId });
    const outbox = await app.schema.pool.query('select topic, payload, idempotency_key, status from outbox where payload->>\'recordId\' = $1', [String(customer.id)]);
    expect(outbox.rows).toEqual([
      {
        topic: 'effect.scheduleFollowUp',
        payload: expect.objectContaining({ entity: 'customer', effect: expect.objectContaining({ type: 'scheduleFollowUp' }) }),
        idempotency_key: `customer:${customer.id}:v1:enter:potential:0`,
        status: 'pending',
      },
    ]);
    const [entry] = await auditOf(customer.id);
    expect(entry.why).toMatchObject({ kind: 'trace', trace: { event: 'stagecraft.startInStage', to: 'potential' } });
  });

  it('does not let a rep start a customer in a stage the definition does not let reps edit', async () => {
    const response = await api(app, 'POST', '/api/customers', { cookie: li, body: aCustomer({ stage: 'potential' }) });
    expect(response.status).toBe(403);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/stage' })]);
  });

  it('puts a customer in the pool without an owner when asked', async () => {
    const customer = await create(li, aCustomer({ ownership: 'pool' }));
    expect(customer).toMatchObject({ ownership: 'pool', ownerId: null, owners: [], teamId: null });
    const events = await app.schema.pool.query('select owner_id, action from ownership_event where customer_id = $1', [customer.id]);
    expect(events.rows).toEqual([{ owner_id: null, action: 'create' }]);
  });
});

describe('changing a customer', () => {
  it('applies a change made from the current version, audits before and after, and refuses a stale one with 409', async () => {
    const customer = await create(li, aCustomer({ customFields: { industry: 'it' } }));
    const changed = await api(app, 'PATCH', `/api/customers/${customer.id}`, {
      cookie: li,
      headers: { 'if-match': '"1"' },
      body: { phone: '021-6123 4567', customFields: { industry: 'finance', subIndustry: 'banking', website: 'https://example.cn' } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ phone: '021-6123 4567', version: 2, customFields: { industry: 'finance', subIndustry: 'banking' } });
    expect(changed.headers.get('etag')).toBe('"2"');

    const stale = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, headers: { 'if-match': '"1"' }, body: { phone: '13700000000' } });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('https://stagecraft.dev/problems/stale-version');
    expect((await api(app, 'GET', `/api/customers/${customer.id}`, { cookie: li })).body.phone).toBe('021-6123 4567');

    const entries = await auditOf(customer.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]).toMatchObject({
      before: { phone: customer.phone, customFields: { industry: 'it' }, version: 1 },
      after: { phone: '021-6123 4567', customFields: { industry: 'finance', subIndustry: 'banking' }, version: 2 },
      why: { kind: 'reason', code: 'edit', fields: ['phone', 'customFields.industry', 'customFields.subIndustry', 'customFields.website'] },
    });
  });

  it('needs the version it was changed from (428 without)', async () => {
    const customer = await create(li, aCustomer());
    const response = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { doNotCall: true } });
    expect(response.status).toBe(428);
    expect((await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { doNotCall: true, version: 1 } })).status).toBe(403);
  });

  it('lets only the fields the stage lists change (the name is not among a reserve customer’s)', async () => {
    const customer = await create(li, aCustomer());
    const response = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { version: 1, name: '改名有限公司', phone: '13700000001' } });
    expect(response.status).toBe(403);
    expect(response.body.errors.map((e: { path: string }) => e.path)).toEqual(['/name']);
    expect(response.body.detail).toMatch(/Reserve customer.*phone/);
  });

  it('lets a manager rename a potential customer, but a rep may not edit one at all', async () => {
    const customer = await create(li, aCustomer({ stage: 'target', customFields: { industry: 'it' } }));
    await moveToStage(customer.id, 'potential', { tracking: 'tracking' });
    const byRep = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { version: 1, customFields: { remarks: 'x' } } });
    expect(byRep.status).toBe(403);
    expect(byRep.body.detail).toMatch(/Potential customer.*may not edit/);
    const byManager = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: manager, body: { version: 1, name: '潜在客户新名称有限公司' } });
    expect(byManager.status).toBe(200);
    expect(byManager.body.name).toBe('潜在客户新名称有限公司');
  });

  it('keeps a pool customer read-only for roles that may not edit shared customers', async () => {
    const customer = await create(admin, aCustomer({ ownership: 'pool' }));
    const byRep = await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { version: 1, phone: '13700000002' } });
    expect(byRep.status).toBe(403);
    expect(byRep.body.detail).toMatch(/shared pool/);
    expect((await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: manager, body: { version: 1, phone: '13700000002' } })).status).toBe(200);
  });
});

describe('the recycle bin', () => {
  it('deletes softly, lists the customer in the bin, restores it as it was, and lets only an admin purge it — the trail stays', async () => {
    const customer = await create(li, aCustomer({ customFields: { industry: 'it' } }));
    const contact = await api(app, 'POST', `/api/customers/${customer.id}/contacts`, { cookie: li, body: { name: '陈经理', phone: '13512345678' } });
    expect(contact.status).toBe(201);

    expect((await api(app, 'DELETE', `/api/customers/${customer.id}`, { cookie: li })).status).toBe(403);
    expect((await api(app, 'DELETE', `/api/customers/${customer.id}`, { cookie: admin, headers: { 'if-match': '"9"' } })).status).toBe(409);
    expect((await api(app, 'DELETE', `/api/customers/${customer.id}`, { cookie: admin })).status).toBe(204);
    expect((await api(app, 'GET', `/api/customers/${customer.id}`, { cookie: li })).status).toBe(404);
    const bin = await api(app, 'GET', '/api/recycle-bin/customers', { cookie: li });
    expect(bin.body.items.map((c: { id: number }) => c.id)).toContain(customer.id);
    expect(bin.body.items.find((c: { id: number }) => c.id === customer.id)).toMatchObject({ deletedBy: await userIdOf(app, 'admin') });

    expect((await api(app, 'POST', `/api/customers/${customer.id}/restore`, { cookie: li })).status).toBe(403);
    const restored = await api(app, 'POST', `/api/customers/${customer.id}/restore`, { cookie: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: customer.id, ownerId: liId, version: 3 });
    expect(restored.body.deletedAt).toBeUndefined();
    expect((await api(app, 'GET', `/api/customers/${customer.id}/contacts`, { cookie: li })).body).toHaveLength(1);

    expect((await api(app, 'DELETE', `/api/recycle-bin/customers/${customer.id}`, { cookie: admin })).status).toBe(404);
    expect((await api(app, 'DELETE', `/api/customers/${customer.id}`, { cookie: admin })).status).toBe(204);
    expect((await api(app, 'DELETE', `/api/recycle-bin/customers/${customer.id}`, { cookie: manager })).status).toBe(403);
    expect((await api(app, 'DELETE', `/api/recycle-bin/customers/${customer.id}`, { cookie: admin })).status).toBe(204);

    const left = await app.schema.pool.query(
      'select (select count(*)::int from customer where id = $1) as customers, (select count(*)::int from contact where customer_id = $1) as contacts',
      [customer.id],
    );
    expect(left.rows[0]).toEqual({ customers: 0, contacts: 0 });
    const entries = await auditOf(customer.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'delete', 'restore', 'delete', 'purge']);
    expect(entries.at(-1)).toMatchObject({ before: { id: customer.id, name: customer.name }, after: null, why: { code: 'purged' } });
    const history = await app.schema.pool.query('select count(*)::int as n from ownership_event where customer_id = $1', [customer.id]);
    expect(history.rows[0].n).toBe(1);
  });
});

describe('reading a customer’s trail and its buttons', () => {
  it('shows the trail newest first with before, after and why, a page at a time', async () => {
    const customer = await create(li, aCustomer());
    expect((await api(app, 'PATCH', `/api/customers/${customer.id}`, { cookie: li, body: { version: 1, phone: '13800001111' } })).status).toBe(200);
    await api(app, 'POST', `/api/customers/${customer.id}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'noAnswer' } });
    const first = await api(app, 'GET', `/api/customers/${customer.id}/audit?limit=3`, { cookie: li });
    expect(first.status).toBe(200);
    // The call also sends the machine CONTACT_LOGGED (marking the reserve customer contacted): its own entry.
    expect(first.body.items.map((e: { entity: string; action: string }) => `${e.entity}:${e.action}`)).toEqual([
      'customer:event',
      'customer:contact-logged',
      'contact_record:create',
    ]);
    expect(first.body.items[1]).toMatchObject({ before: { callCount: 0 }, after: { callCount: 1 }, actorId: liId, requestId: expect.any(String) });
    const second = await api(app, 'GET', `/api/customers/${customer.id}/audit?limit=3&cursor=${first.body.nextCursor}`, { cookie: li });
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(second.body.nextCursor).toBeNull();
    expect((await api(app, 'GET', `/api/customers/${customer.id}/audit?limit=0`, { cookie: li })).body.errors).toEqual([
      expect.objectContaining({ path: '/query/limit' }),
    ]);
  });

  it('lists the buttons the definition offers the caller in the customer’s stage, with why a button is unavailable', async () => {
    const customer = await create(li, aCustomer());
    const actions = await api(app, 'GET', `/api/customers/${customer.id}/actions`, { cookie: li });
    expect(actions.status, app.logLines.join('\n')).toBe(200);
    const events = actions.body.map((a: { event: string }) => a.event);
    expect(events).toContain('SELECT');
    expect(events).not.toContain('DEAL_WON');
    expect(actions.body.find((a: { event: string }) => a.event === 'SELECT')).toMatchObject({ available: true, target: 'target' });

    const target = await create(li, aCustomer({ stage: 'target' }));
    const buttons = (await api(app, 'GET', `/api/customers/${target.id}/actions`, { cookie: li })).body;
    expect(buttons.find((a: { event: string }) => a.event === 'UPGRADE')).toMatchObject({ available: false, reason: { code: 'flagsMismatch' } });
  });
});
