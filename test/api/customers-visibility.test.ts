import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
const password = 'visibility-test-password';

/** A rep role that sees phone numbers masked and neither call counts nor annual revenue. */
const maskedRep = {
  key: 'rep_masked',
  labels: { en: 'Rep (numbers hidden)', 'zh-CN': '业务员（隐藏号码）' },
  visibility: 'own',
  fieldPermissions: {
    customer: { phone: 'masked', callCount: 'hidden', annualRevenue: 'hidden' },
    contact: { phone: 'masked' },
  },
};

async function create(cookie: string, body: Record<string, unknown>) {
  const response = await api(app, 'POST', '/api/customers', { cookie, body });
  if (response.status !== 201) throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.id as number;
}

beforeAll(async () => {
  app = await startTestApp('customers_visibility');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [maskedRep.key, JSON.stringify(maskedRep)]);
  const admin = await signIn(app, 'admin');
  const south = await api(app, 'POST', '/api/teams', { cookie: admin, body: { name: '华南销售组' } });
  const eastTeam = (await app.schema.pool.query("select id::int as id from team where name = '华东销售组'")).rows[0].id;
  for (const [login, role, teamId] of [['rep.zhao', 'rep', south.body.id], ['rep.masked', 'rep_masked', eastTeam]] as const) {
    const created = await api(app, 'POST', '/api/users', { cookie: admin, body: { login, displayName: login, password, role, teamId } });
    expect(created.status).toBe(201);
  }
  cookies.admin = admin;
  for (const login of ['manager.wang', 'rep.li', 'rep.zhang']) cookies[login] = await signIn(app, login);
  for (const login of ['rep.zhao', 'rep.masked']) cookies[login] = await signIn(app, login, password);

  ids.li = await create(cookies['rep.li']!, { name: '李娜的个人客户', phone: '13811110001' });
  // Reps see the company phone masked, so they cannot write it either; their manager fills it in.
  const mainPhone = { version: 1, customFields: { mainPhone: '021-61234567' } };
  expect((await api(app, 'PATCH', `/api/customers/${ids.li}`, { cookie: cookies['manager.wang'], body: mainPhone })).status).toBe(200);
  ids.zhao = await create(cookies['rep.zhao']!, { name: '赵的华南客户', phone: '13811110002' });
  ids.pool = await create(cookies.admin, { name: '公海客户', phone: '138 1111 0003', ownership: 'pool', customFields: { mainPhone: '021-61234568', annualRevenue: 100 } });
  ids.shared = await create(cookies['rep.li']!, { name: '李娜和张伟的协同客户', phone: '13811110004' });
  // Until the ownership slice brings "share", a collaborator is added as that command will add one.
  await app.schema.pool.query("update customer set ownership = 'collaborative' where id = $1", [ids.shared]);
  await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'collaborator')", [ids.shared, await userIdOf(app, 'rep.zhang')]);
  // rep_masked is in no stage's permission table (it may not create customers), so an admin enters this one for it.
  ids.masked = await create(cookies.admin, { name: '隐藏号码业务员的客户', phone: '13812345678' });
  const maskedId = await userIdOf(app, 'rep.masked');
  await app.schema.pool.query('update customer set owner_id = $2 where id = $1', [ids.masked, maskedId]);
  await app.schema.pool.query('update customer_owner set user_id = $2 where customer_id = $1', [ids.masked, maskedId]);
});
afterAll(async () => {
  await app?.close();
});

async function visibleIds(login: string): Promise<number[]> {
  const response = await api(app, 'GET', '/api/customers', { cookie: cookies[login] });
  expect(response.status).toBe(200);
  return response.body.items.map((c: { id: number }) => c.id).sort((a: number, b: number) => a - b);
}

const sorted = (...values: number[]) => values.sort((a, b) => a - b);

describe('who sees which customers', () => {
  it('shows an admin every customer', async () => {
    expect(await visibleIds('admin')).toEqual(sorted(ids.li!, ids.zhao!, ids.pool!, ids.shared!, ids.masked!));
  });

  it('shows a manager the customers of their team’s members and the pool, not another team’s', async () => {
    expect(await visibleIds('manager.wang')).toEqual(sorted(ids.li!, ids.pool!, ids.shared!, ids.masked!));
  });

  it('shows a rep their own customers, those they collaborate on, and the pool', async () => {
    expect(await visibleIds('rep.li')).toEqual(sorted(ids.li!, ids.pool!, ids.shared!));
    expect(await visibleIds('rep.zhang')).toEqual(sorted(ids.pool!, ids.shared!));
    expect(await visibleIds('rep.zhao')).toEqual(sorted(ids.zhao!, ids.pool!));
  });

  it('answers 404, not 403, for another rep’s customer on every route, so its existence does not leak', async () => {
    const zhang = cookies['rep.zhang'];
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/customers/${ids.li}`],
      ['PATCH', `/api/customers/${ids.li}`, { version: 1, phone: '13900000000' }],
      ['DELETE', `/api/customers/${ids.li}`],
      ['GET', `/api/customers/${ids.li}/actions`],
      ['GET', `/api/customers/${ids.li}/audit`],
      ['GET', `/api/customers/${ids.li}/contacts`],
      ['POST', `/api/customers/${ids.li}/contacts`, { name: '某人' }],
      ['GET', `/api/customers/${ids.li}/contact-records`],
      ['POST', `/api/customers/${ids.li}/contact-records`, { channel: 'call', outcome: 'busy' }],
    ];
    for (const [method, path, body] of routes) {
      const response = await api(app, method, path, { cookie: zhang, ...(body === undefined ? {} : { body }) });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(response.body.type).toBe('https://stagecraft.dev/problems/not-found');
      expect(JSON.stringify(response.body)).not.toContain('李娜');
    }
    expect((await api(app, 'GET', '/api/customers/999999', { cookie: zhang })).body).toEqual(
      expect.objectContaining({ detail: 'There is no customer 999999 that you may see.' }),
    );
  });

  it('lets a manager read a team member’s customer, and shows the pool to everyone', async () => {
    expect((await api(app, 'GET', `/api/customers/${ids.li}`, { cookie: cookies['manager.wang'] })).status).toBe(200);
    expect((await api(app, 'GET', `/api/customers/${ids.zhao}`, { cookie: cookies['manager.wang'] })).status).toBe(404);
    for (const login of Object.keys(cookies)) {
      expect((await api(app, 'GET', `/api/customers/${ids.pool}`, { cookie: cookies[login] })).status, login).toBe(200);
    }
  });

  it('filters a list by ownership and by stage', async () => {
    const pool = await api(app, 'GET', '/api/customers?ownership=pool', { cookie: cookies['rep.li'] });
    expect(pool.body.items.map((c: { id: number }) => c.id)).toEqual([ids.pool]);
    const shared = await api(app, 'GET', '/api/customers?ownership=collaborative&stage=reserve', { cookie: cookies['rep.zhang'] });
    expect(shared.body.items.map((c: { id: number }) => c.id)).toEqual([ids.shared]);
    expect((await api(app, 'GET', '/api/customers?stage=won', { cookie: cookies.admin })).body.items).toEqual([]);
  });

  it('pages by id, newest first', async () => {
    const first = await api(app, 'GET', '/api/customers?limit=2', { cookie: cookies.admin });
    expect(first.body.items).toHaveLength(2);
    const second = await api(app, 'GET', `/api/customers?limit=2&cursor=${first.body.nextCursor}`, { cookie: cookies.admin });
    const third = await api(app, 'GET', `/api/customers?limit=2&cursor=${second.body.nextCursor}`, { cookie: cookies.admin });
    const all = [...first.body.items, ...second.body.items, ...third.body.items].map((c: { id: number }) => c.id);
    expect(all).toEqual(sorted(...Object.values(ids)).reverse());
    expect(third.body.nextCursor).toBeNull();
  });
});

describe('masking and hidden fields', () => {
  it('masks the phone for a role that masks it — in the read and the list — and leaves hidden fields out', async () => {
    const masked = cookies['rep.masked'];
    const read = await api(app, 'GET', `/api/customers/${ids.masked}`, { cookie: masked });
    expect(read.body.phone).toBe('138****5678');
    expect(read.body).not.toHaveProperty('callCount');
    const listed = (await api(app, 'GET', '/api/customers', { cookie: masked })).body.items;
    expect(listed.find((c: { id: number }) => c.id === ids.masked)).toMatchObject({ phone: '138****5678' });
    const pool = listed.find((c: { id: number }) => c.id === ids.pool);
    expect(pool.phone).toBe('138****0003');
    expect(pool).not.toHaveProperty('callCount');
    expect(pool.customFields).not.toHaveProperty('annualRevenue');
    // The company phone's definition masks it for the role `rep` only; this role is another.
    expect(pool.customFields.mainPhone).toBe('021-61234568');
    expect(JSON.stringify(listed)).not.toContain('13812345678');
  });

  it('masks a custom field the field definition masks for reps (the company phone), while managers see it', async () => {
    const byRep = await api(app, 'GET', `/api/customers/${ids.li}`, { cookie: cookies['rep.li'] });
    expect(byRep.body.customFields.mainPhone).toBe('021****4567');
    expect(byRep.body.phone).toBe('13811110001');
    const pool = (await api(app, 'GET', '/api/customers?ownership=pool', { cookie: cookies['rep.zhang'] })).body.items[0];
    expect(pool.customFields).toMatchObject({ mainPhone: '021****4568', annualRevenue: 100 });
    const byManager = await api(app, 'GET', `/api/customers/${ids.li}`, { cookie: cookies['manager.wang'] });
    expect(byManager.body.customFields.mainPhone).toBe('021-61234567');
  });

  it('masks the audit trail’s documents the same way', async () => {
    const trail = await api(app, 'GET', `/api/customers/${ids.masked}/audit`, { cookie: cookies['rep.masked'] });
    expect(trail.body.items[0].after.phone).toBe('138****5678');
    expect(JSON.stringify(trail.body)).not.toContain('13812345678');
  });

  it('trims a trace’s fact values for each reader, keeping the whole trace for those who may read them', async () => {
    // A guard that read the phone, as a published machine with such a guard would have left it in the trail.
    const leaf = { kind: 'leaf', fact: 'phone', operator: 'equal', value: '13800000000', factValue: '13812345678', passed: false };
    const trace = {
      machine: 'customer-lifecycle',
      version: 1,
      event: 'UPGRADE',
      from: 'reserve',
      considered: [{ target: 'target', checks: [{ check: 'guard', passed: false, trace: { kind: 'all', passed: false, children: [leaf] } }] }],
    };
    await app.schema.pool.query(
      `insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why)
       values ('customer', $1, $1, 'event', null, now(), null, null, $2)`,
      [ids.masked, JSON.stringify({ kind: 'trace', trace })],
    );
    const guardValue = async (login: string) => {
      const trail = await api(app, 'GET', `/api/customers/${ids.masked}/audit?limit=1`, { cookie: cookies[login] });
      return trail.body.items[0].why.trace.considered[0].checks[0].trace.children[0].factValue;
    };
    expect(await guardValue('rep.masked')).toBe('138****5678');
    expect(await guardValue('admin')).toBe('13812345678');
  });

  it('does not search a field by its plain value for a role that only sees it masked', async () => {
    const search = (login: string) => api(app, 'GET', '/api/customers?q=13811110003', { cookie: cookies[login] });
    expect((await search('rep.li')).body.items.map((c: { id: number }) => c.id)).toEqual([ids.pool]);
    expect((await search('rep.masked')).body.items).toEqual([]);
    expect((await api(app, 'GET', `/api/customers?q=${encodeURIComponent('公海')}`, { cookie: cookies['rep.masked'] })).body.items).toHaveLength(1);
  });

  it('refuses a masked field as a write with 403 naming it', async () => {
    const change = await api(app, 'PATCH', `/api/customers/${ids.masked}`, { cookie: cookies['rep.masked'], body: { version: 1, phone: '13900000009' } });
    expect(change.status).toBe(403);
    expect(change.body.errors).toEqual([expect.objectContaining({ path: '/phone', message: expect.stringMatching(/masked/) })]);
    const create = await api(app, 'POST', '/api/customers', { cookie: cookies['rep.masked'], body: { name: '新客户', phone: '13900000009' } });
    expect(create.status).toBe(403);
    expect(create.body.errors).toEqual([expect.objectContaining({ path: '/phone' })]);
  });
});

describe('a duplicate names the existing customer only to those who may see it', () => {
  it('names a customer the caller sees, by id and name', async () => {
    const response = await api(app, 'POST', '/api/customers', { cookie: cookies['rep.li'], body: { name: '另一个名字', phone: '+86 138-1111-0003' } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      type: 'https://stagecraft.dev/problems/duplicate',
      existing: { id: ids.pool, name: '公海客户' },
      errors: [{ path: '/phone' }],
    });
  });

  it('only says a duplicate exists when the caller may not see it', async () => {
    const response = await api(app, 'POST', '/api/customers', { cookie: cookies['rep.zhang'], body: { name: '李娜的个人客户' } });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: '/name' })]);
    expect(response.body).not.toHaveProperty('existing');
    expect(JSON.stringify(response.body)).not.toContain(String(ids.li));
  });
});
