import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import customerFields from '../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let rep: string;

beforeAll(async () => {
  app = await startTestApp('caller_fields');
  await installGenericTemplate(app);
  [admin, rep] = await Promise.all([signIn(app, 'admin'), signIn(app, 'rep.li')]);
});
afterAll(async () => {
  await app?.close();
});

const accessByKey = (fields: Array<{ key: string; access: string }>) => Object.fromEntries(fields.map((field) => [field.key, field.access]));

describe('GET /api/fields/:entity', () => {
  it('gives the published fields in order, each with what the caller’s role may do with it', async () => {
    const [asRep, asAdmin] = await Promise.all([
      api(app, 'GET', '/api/fields/customer', { cookie: rep }),
      api(app, 'GET', '/api/fields/customer', { cookie: admin }),
    ]);
    expect(asRep.status).toBe(200);
    expect(asRep.body.fields.map((field: { key: string }) => field.key)).toEqual(customerFields.fields.map((field) => field.key));
    // The field definition masks the company phone for reps and keeps customer numbers read-only for everyone; the
    // rep role's own field permissions make the level read-only.
    expect(accessByKey(asRep.body.fields)).toMatchObject({ mainPhone: 'masked', customerNumber: 'read', level: 'read', industry: 'write' });
    expect(accessByKey(asAdmin.body.fields)).toMatchObject({ mainPhone: 'write', customerNumber: 'read', level: 'write' });
    // The definition's per-role permissions are the server's business, not the form's.
    expect(asRep.body.fields.some((field: Record<string, unknown>) => 'permissions' in field)).toBe(false);
    const city = asRep.body.fields.find((field: { key: string }) => field.key === 'city');
    expect(city).toMatchObject({ type: 'dropdown', cascadeFrom: 'province' });
  });

  it('leaves out a field the role may not see', async () => {
    const { rows: [before] } = await app.schema.pool.query(`select document from role where key = 'rep'`);
    await app.schema.pool.query(
      `update role set document = jsonb_set(document, '{fieldPermissions,customer,remarks}', '"hidden"'::jsonb) where key = 'rep'`,
    );
    try {
      const again = await signIn(app, 'rep.li');
      const keys = (await api(app, 'GET', '/api/fields/customer', { cookie: again })).body.fields.map((field: { key: string }) => field.key);
      expect(keys).not.toContain('remarks');
      expect(keys).toContain('address');
    } finally {
      await app.schema.pool.query(`update role set document = $1 where key = 'rep'`, [before.document]);
    }
  });

  it('answers an entity with no published fields with none, refuses an unknown one and a stranger', async () => {
    expect((await api(app, 'GET', '/api/fields/ticket', { cookie: rep })).body).toEqual({ fields: [] });
    const unknown = await api(app, 'GET', '/api/fields/invoice', { cookie: rep });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('/params/entity');
    expect((await api(app, 'GET', '/api/fields/customer')).status).toBe(401);
  });
});

describe('GET /api/customers/:id/editable-fields', () => {
  let serial = 0;
  async function aCustomer(cookie: string, body: Record<string, unknown>): Promise<{ id: number; version: number }> {
    serial++;
    const created = await api(app, 'POST', '/api/customers', { cookie, body: { name: `可改字段客户${serial}`, phone: `1390000810${serial}`, ...body } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }
  const rightsOf = async (cookie: string, id: number) => (await api(app, 'GET', `/api/customers/${id}/editable-fields`, { cookie })).body;

  it('offers what PATCH accepts: the stage’s editable fields the role may write, and refuses the rest alike', async () => {
    const target = await aCustomer(rep, { stage: 'target' });
    const rights = await rightsOf(rep, target.id);
    // Target customers' editable fields, less the masked company phone: columns first, then the definition's order.
    expect(rights).toEqual({ fields: ['phone', 'industry', 'subIndustry', 'city', 'website', 'wechatId'], mayCreate: ['contact', 'opportunity', 'order', 'ticket'] });
    const refused = await api(app, 'PATCH', `/api/customers/${target.id}`, {
      cookie: rep,
      headers: { 'if-match': `"${target.version}"` },
      body: { customFields: { province: 'zhejiang' } },
    });
    expect(refused.status).toBe(403);
    const taken = await api(app, 'PATCH', `/api/customers/${target.id}`, {
      cookie: rep,
      headers: { 'if-match': `"${target.version}"` },
      body: { customFields: { industry: 'it', website: 'https://example.cn' } },
    });
    expect(taken.status).toBe(200);
  });

  it('offers every writable field in a stage that does not narrow them, and none of a pool customer to a rep', async () => {
    const potential = await aCustomer(admin, { stage: 'potential' });
    const fields: string[] = (await rightsOf(admin, potential.id)).fields;
    expect(fields).toEqual(expect.arrayContaining(['name', 'phone', 'keywords', 'contractEndsOn', 'level', 'province', 'mainPhone', 'remarks']));
    expect(fields).not.toContain('customerNumber');
    const shared = await aCustomer(rep, { stage: 'target', ownership: 'pool' });
    expect(await rightsOf(rep, shared.id)).toEqual({ fields: [], refusal: 'sharedCustomer', mayCreate: ['ticket'] });
    // What it says may not be opened is refused, what it says may be is taken.
    const opportunity = await api(app, 'POST', `/api/customers/${shared.id}/opportunities`, { cookie: rep, body: { name: '公海商机' } });
    expect(opportunity.status).toBe(403);
    const ticket = await api(app, 'POST', `/api/customers/${shared.id}/tickets`, { cookie: rep, body: { subject: '投诉', priority: 'normal' } });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  });

  it('answers 404 for a customer the caller may not see', async () => {
    const theirs = await aCustomer(admin, { stage: 'target' });
    const other = await signIn(app, 'rep.zhang');
    expect((await api(app, 'GET', `/api/customers/${theirs.id}/editable-fields`, { cookie: other })).status).toBe(404);
  });
});
