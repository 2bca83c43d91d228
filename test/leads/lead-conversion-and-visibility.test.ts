import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/people-fixtures.ts';
import type { TestApp } from '../support/test-app.ts';
import { startLeadsStage } from './lead-fixtures.ts';

let app: TestApp;
let admin: string;
let li: string;
let zhang: string;
let wang: string;
let ids: Record<string, number>;

beforeAll(async () => {
  ({ app, admin, li, zhang, wang, ids } = await startLeadsStage('lead-conversion'));
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const newLead = (cookie: string, body: Record<string, unknown>) =>
  call(app, 'POST', '/api/leads', { cookie, body: { source: 'event', routingPolicy: 'to-li', ...body } });

describe('lead dedupe', () => {
  it('refuses a lead whose phone a lead or a customer already has, in any written form', async () => {
    expect((await newLead(zhang, { name: '赵六', phone: '138 0013 8000' })).status).toBe(201);
    const again = await newLead(zhang, { name: 'Zhao Liu', phone: '+86 138-0013-8000' });
    expect(again.status).toBe(409);
    expect(again.json().errors.map((e: { path: string }) => e.path)).toEqual(['/phone']);
    expect((await call(app, 'POST', '/api/customers', { cookie: zhang, body: { name: '钱七公司', phone: '13900139000' } })).status).toBe(201);
    const customer = await newLead(li, { name: '钱七', phone: '0086 139 0013 9000' });
    expect(customer.status).toBe(409);
    // rep.li may not see rep.zhang's customer: told it exists, not which.
    expect(customer.json().existing).toBeUndefined();
  });
});

describe('lead visibility', () => {
  it('shows a rep their own leads, a manager the team’s, an admin all, and 404s the rest', async () => {
    const created = (await newLead(admin, { name: '孙八', phone: '13700137001' })).json();
    expect(created.ownerId).toBe(ids['rep.li']);
    for (const [cookie, status] of [[li, 200], [wang, 200], [admin, 200], [zhang, 404]] as const) {
      expect((await call(app, 'GET', `/api/leads/${created.id}`, { cookie })).status).toBe(status);
    }
    const zhangList = (await call(app, 'GET', '/api/leads', { cookie: zhang })).json();
    expect(zhangList.items.map((l: { id: number }) => l.id)).not.toContain(created.id);
  });
});

describe('lead conversion', () => {
  it('creates customer, contact and opportunity in one go, links them, and closes the lead', async () => {
    const lead = (await newLead(admin, { name: '周九', company: '杭州周氏贸易', phone: '13600136001', email: 'zhou@example.cn' })).json();
    const converted = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: li, body: { createOpportunity: true } });
    expect(converted.status).toBe(200);
    const result = converted.json();
    expect(result.lead).toMatchObject({ status: 'converted', convertedCustomerId: result.customerId, convertedContactId: result.contactId });
    const customer = (await call(app, 'GET', `/api/customers/${result.customerId}`, { cookie: li })).json();
    // Entered in the mapping's stage (potential); the new opportunity starts selling, which moves it on (linked machines).
    expect(customer).toMatchObject({ name: '杭州周氏贸易', stage: 'opportunity', ownerId: ids['rep.li'] });
    const { rows: links } = await app.schema.pool.query('select campaign_id, lead_id from customer where id = $1', [result.customerId]);
    expect(Number(links[0].lead_id)).toBe(lead.id);
    expect(result.opportunityId).toEqual(expect.any(Number));
    const { rows } = await app.schema.pool.query('select action from audit_entry where entity = $1 and record_id = $2 order by id', ['lead', lead.id]);
    expect(rows.map((r) => r.action)).toEqual(['create', 'event', 'convert']);
    const again = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: li, body: {} });
    expect(again.status).toBe(409);
    expect(again.json().type).toMatch(/transition-refused$/);
  });

  it('refuses, creating nothing, when the customer would duplicate one', async () => {
    const { rows: before } = await app.schema.pool.query('select count(*)::int as n from customer');
    const lead = (await newLead(admin, { name: '吴十', company: '钱七公司', phone: '13500135001' })).json();
    const refused = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: admin, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.json().type).toMatch(/duplicate$/);
    const { rows: after } = await app.schema.pool.query('select count(*)::int as n from customer');
    expect(after[0].n).toBe(before[0].n);
    expect((await call(app, 'GET', `/api/leads/${lead.id}`, { cookie: admin })).json().status).toBe('new');
  });

  it('refuses with the path of a required field the mapping leaves empty', async () => {
    const lead = (await newLead(admin, { name: '郑十一', phone: '13400134001' })).json();
    const refused = await call(app, 'POST', `/api/leads/${lead.id}/convert`, { cookie: admin, body: { overrides: { customer: { name: ' ' } } } });
    expect(refused.status).toBe(409);
    expect(refused.json().errors.map((e: { path: string }) => e.path)).toEqual(['/mapping/customer/name']);
  });
});
