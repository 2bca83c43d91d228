import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverOutboxMessage } from '../../api/outbox/deliver-outbox-message.ts';
import { outboxHandlers } from '../../api/outbox/outbox-handlers.ts';
import { call } from '../support/people-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';
import { publishPolicy, singleRulePolicy, startLeadsStage } from './lead-fixtures.ts';
import { contactForm, defineForm, submit } from './web-form-fixtures.ts';

let app: TestApp;
let admin: string;
let li: string;
let zhang: string;
let wang: string;
let ids: Record<string, number>;

beforeAll(async () => {
  ({ app, admin, li, zhang, wang, ids } = await startLeadsStage('lead-events'));
}, 60_000);

afterAll(async () => {
  await app?.close();
});

let serial = 0;
/** A new lead routed to rep.li, entered by `cookie`. */
async function leadOfLi(cookie: string = admin): Promise<{ id: number; version: number }> {
  serial++;
  const response = await call(app, 'POST', '/api/leads', {
    cookie,
    body: { name: `事件线索${serial}`, company: `事件公司${serial}`, phone: `1370037${String(serial).padStart(4, '0')}`, source: 'event', routingPolicy: 'to-li' },
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${response.text}`);
  return response.json();
}

const fire = (cookie: string, id: number, body: Record<string, unknown>) => call(app, 'POST', `/api/leads/${id}/events`, { cookie, body });

async function auditOf(id: number) {
  const { rows } = await app.schema.pool.query<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; why: Record<string, unknown> }>(
    'select action, before, after, why from audit_entry where entity = $1 and record_id = $2 order by id',
    ['lead', id],
  );
  return rows;
}

describe('lead buttons', () => {
  it('offers the rep who owns a new lead START_WORK and DISQUALIFY, never the system’s CONVERTED', async () => {
    const lead = await leadOfLi();
    const response = await call(app, 'GET', `/api/leads/${lead.id}/actions`, { cookie: li });
    expect(response.status).toBe(200);
    const buttons = response.json() as Array<{ event: string; available: boolean }>;
    expect(buttons.filter((b) => b.available).map((b) => b.event).sort()).toEqual(['DISQUALIFY', 'START_WORK']);
    expect(buttons.find((b) => b.event === 'CONVERTED')?.available ?? false).toBe(false);
  });

  it('answers 404 for a lead out of sight, on the buttons and the events alike', async () => {
    const lead = await leadOfLi();
    expect((await call(app, 'GET', `/api/leads/${lead.id}/actions`, { cookie: zhang })).status).toBe(404);
    expect((await fire(zhang, lead.id, { type: 'START_WORK' })).status).toBe(404);
    expect((await fire(li, 999_999_999, { type: 'START_WORK' })).status).toBe(404);
    expect((await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: admin })).json().status).toBe('new');
  });
});

describe('lead events', () => {
  it('moves a lead to working on START_WORK, one version step, audited with the engine’s trace', async () => {
    const lead = await leadOfLi();
    const response = await fire(li, lead.id, { type: 'START_WORK' });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ entity: 'lead', id: lead.id, event: 'START_WORK', from: 'new', to: 'working', version: lead.version + 1 });
    expect(response.headers.get('etag')).toBe(`"${lead.version + 1}"`);
    const shown = (await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: li })).json();
    expect(shown).toMatchObject({ status: 'working', version: lead.version + 1 });
    const trail = await auditOf(lead.id);
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'event']);
    expect(trail[1]!.why.kind).toBe('trace');
    expect(trail[1]!.after).toMatchObject({ stage: 'working' });
  });

  it('refuses a stale version and an event the state does not take', async () => {
    const lead = await leadOfLi();
    const stale = await fire(li, lead.id, { type: 'START_WORK', version: lead.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.json().type).toMatch(/stale-version$/);
    expect((await fire(li, lead.id, { type: 'START_WORK' })).status).toBe(200);
    const again = await fire(li, lead.id, { type: 'START_WORK' });
    expect(again.status).toBe(409);
    expect(again.json().type).toMatch(/transition-refused$/);
    expect(again.json().reason.code).toBe('eventNotAccepted');
  });

  it('asks a disqualification for its reason and keeps it in the audit entry', async () => {
    const lead = await leadOfLi();
    const bare = await fire(li, lead.id, { type: 'DISQUALIFY' });
    expect(bare.status).toBe(400);
    expect(bare.json().errors.map((e: { path: string }) => e.path)).toEqual(['/payload']);
    const blank = await fire(li, lead.id, { type: 'DISQUALIFY', payload: { reason: '  ' } });
    expect(blank.status).toBe(400);
    expect(blank.json().errors.map((e: { path: string }) => e.path)).toContain('/payload/reason');
    expect((await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: li })).json().status).toBe('new');

    const taken = await fire(li, lead.id, { type: 'DISQUALIFY', payload: { reason: '号码是空号' } });
    expect(taken.status).toBe(200);
    expect(taken.json()).toMatchObject({ from: 'new', to: 'disqualified' });
    const trail = await auditOf(lead.id);
    expect(trail.at(-1)).toMatchObject({ action: 'event', why: { payload: { reason: '号码是空号' } } });
  });

  it('lets a manager reopen a disqualified lead and refuses the rep, who has no button for it', async () => {
    const lead = await leadOfLi();
    expect((await fire(li, lead.id, { type: 'DISQUALIFY', payload: { reason: 'duplicate of a call' } })).status).toBe(200);
    const byRep = await fire(li, lead.id, { type: 'REOPEN' });
    expect(byRep.status).toBe(403);
    expect(byRep.json().reason.code).toBe('roleNotAllowed');
    const byManager = await fire(wang, lead.id, { type: 'REOPEN' });
    expect(byManager.status).toBe(200);
    expect(byManager.json()).toMatchObject({ from: 'disqualified', to: 'working' });
  });

  it('refuses CONVERTED to a person: only the conversion command sends it', async () => {
    const lead = await leadOfLi();
    const response = await fire(admin, lead.id, { type: 'CONVERTED' });
    expect(response.status).toBe(403);
    expect(response.json().reason.code).toBe('roleNotAllowed');
    expect((await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: admin })).json().status).toBe('new');
  });
});

describe('conversion through the machine', () => {
  it('takes the CONVERTED transition as the system, one version step, audited as an event and a conversion', async () => {
    const lead = await leadOfLi();
    expect((await fire(li, lead.id, { type: 'START_WORK' })).status).toBe(200);
    const converted = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: li, body: {} });
    expect(converted.status).toBe(200);
    expect(converted.json().lead).toMatchObject({ status: 'converted', version: lead.version + 2, convertedCustomerId: converted.json().customerId });
    const trail = await auditOf(lead.id);
    expect(trail.map((entry) => entry.action)).toEqual(['create', 'event', 'event', 'convert']);
    expect(trail[2]).toMatchObject({ before: { stage: 'working' }, after: { stage: 'converted' } });
    const { rows } = await app.schema.pool.query('select machine_snapshot from lead where id = $1', [lead.id]);
    expect(rows[0].machine_snapshot.value).toBe('converted');
    const buttons = (await call(app, 'GET', `/api/leads/${lead.id}/actions`, { cookie: li })).json() as Array<{ available: boolean }>;
    expect(buttons.some((b) => b.available)).toBe(false);
  });

  it('answers the machine’s refusal for a converted or disqualified lead, creating nothing', async () => {
    const done = await leadOfLi();
    expect((await call(app, 'POST', `/api/leads/${done.id}/convert`, { cookie: admin, body: {} })).status).toBe(200);
    const out = await leadOfLi();
    expect((await fire(li, out.id, { type: 'DISQUALIFY', payload: { reason: 'no budget' } })).status).toBe(200);
    const { rows: before } = await app.schema.pool.query('select count(*)::int as n from customer');
    for (const id of [done.id, out.id]) {
      for (const cookie of [admin, li]) {
        const refused = await call(app, 'POST', `/api/leads/${id}/convert`, { cookie, body: {} });
        expect(refused.status).toBe(409);
        expect(refused.json().type).toMatch(/transition-refused$/);
        expect(refused.json().reason.code).toBe(id === done.id ? 'machineDone' : 'eventNotAccepted');
      }
    }
    const { rows: after } = await app.schema.pool.query('select count(*)::int as n from customer');
    expect(after[0].n).toBe(before[0].n);
  });

  it('rolls the transition back when the conversion itself is refused', async () => {
    const lead = await leadOfLi();
    const refused = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: admin, body: { overrides: { customer: { name: ' ' } } } });
    expect(refused.status).toBe(409);
    const shown = (await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: admin })).json();
    expect(shown).toMatchObject({ status: 'new', version: lead.version });
    expect((await auditOf(lead.id)).map((entry) => entry.action)).toEqual(['create']);
  });
});

describe('the rep a lead is routed to', () => {
  async function drainOutbox(): Promise<void> {
    const policy = { maxAttempts: 3, retryBaseMs: 0, retryMaxMs: 0 };
    while ((await deliverOutboxMessage(app.orm, outboxHandlers, policy)) !== undefined);
  }

  it('is notified once, through the outbox, with a notification about the lead; nobody else is', async () => {
    const lead = await leadOfLi(admin);
    const { rows: queued } = await app.schema.pool.query<{ topic: string; payload: { entity: string; recordId: number } }>(
      `select topic, payload from outbox where idempotency_key like $1`,
      [`lead:${lead.id}:%`],
    );
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ topic: 'effect.notify', payload: { entity: 'lead', recordId: lead.id } });

    await drainOutbox();
    await drainOutbox();
    const { rows } = await app.schema.pool.query<{ user_id: string; title: { en: string }; body: { en: string } | null }>(
      'select user_id, title, body from notification where source_key like $1',
      [`outbox:lead:${lead.id}:%`],
    );
    expect(rows.map((row) => Number(row.user_id))).toEqual([ids['rep.li']]);
    expect(rows[0]!.title.en).toContain(`事件线索${serial}`);
    expect(rows[0]!.body?.en).toBeTruthy();
    const forLi = await call(app, 'GET', '/api/me/notifications', { cookie: li });
    expect(forLi.text).toContain(`事件线索${serial}`);
    const aboutTheLead = forLi.json().items.find((item: { link: { entity: string; id: number } | null }) => item.link?.entity === 'lead' && item.link.id === lead.id);
    expect(aboutTheLead?.link).toEqual({ entity: 'lead', id: lead.id, customerId: null });
    const forZhang = await call(app, 'GET', '/api/me/notifications', { cookie: zhang });
    expect(forZhang.status).toBe(200);
    expect(forZhang.text).not.toContain(`事件线索${serial}`);
  });

  it('is told of a lead a web form brought in, nobody entering it', async () => {
    await defineForm(app, admin, contactForm('events-contact', { routingPolicy: 'to-li' }));
    expect((await submit(app, 'events-contact', { name: '表单线索', phone: '13700379999' })).status).toBe(202);
    const { rows: leads } = await app.schema.pool.query<{ id: string }>('select id from lead where phone_normalized = $1', ['13700379999']);
    expect(leads).toHaveLength(1);
    await drainOutbox();
    const { rows } = await app.schema.pool.query<{ user_id: string }>('select user_id from notification where source_key like $1', [
      `outbox:lead:${leads[0]!.id}:%`,
    ]);
    expect(rows.map((row) => Number(row.user_id))).toEqual([ids['rep.li']]);
  });

  it('is not told of a lead they entered themselves', async () => {
    const lead = await leadOfLi(li);
    const { rows } = await app.schema.pool.query('select 1 from outbox where idempotency_key like $1', [`lead:${lead.id}:%`]);
    expect(rows).toHaveLength(0);
  });

  it('is not looked for when the lead goes to the pool', async () => {
    await publishPolicy(app, admin, { ...singleRulePolicy('to-nobody', { type: 'roundRobin', candidates: { users: ['no.such.user'] } }) });
    const response = await call(app, 'POST', '/api/leads', { cookie: admin, body: { name: '公海线索', source: 'event', routingPolicy: 'to-nobody' } });
    expect(response.status).toBe(201);
    expect(response.json().ownerId).toBeNull();
    const { rows } = await app.schema.pool.query('select 1 from outbox where idempotency_key like $1', [`lead:${response.json().id}:%`]);
    expect(rows).toHaveLength(0);
  });
});
