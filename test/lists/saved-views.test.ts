import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies = { admin: '', manager: '', li: '', zhang: '', masked: '' };
const password = 'saved-views-test-password';

/** A role that sees phone numbers masked and call counts not at all. */
const maskedRep = {
  key: 'rep_masked',
  labels: { en: 'Rep (numbers hidden)', 'zh-CN': '业务员（隐藏号码）' },
  visibility: 'own',
  fieldPermissions: { customer: { phone: 'masked', callCount: 'hidden' } },
};

const aView = (overrides: Record<string, unknown> = {}) => ({
  entity: 'customer',
  name: { en: 'Hot leads', 'zh-CN': '重点客户' },
  columns: ['name', 'stage', 'nextFollowUpAt', 'custom.level'],
  filter: { all: [{ fact: 'stage', operator: 'in', value: ['potential', 'target'] }, { fact: 'callCount', operator: 'lessThan', value: 3 }] },
  sort: [{ fact: 'stage', direction: 'asc' }, { fact: 'nextFollowUpAt', direction: 'desc' }],
  ...overrides,
});

const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((error) => error.path);

async function viewNames(cookie: string): Promise<string[]> {
  const response = await api(app, 'GET', '/api/saved-views?entity=customer', { cookie });
  expect(response.status).toBe(200);
  return response.body.items.map((view: { name: { en: string } }) => view.name.en).sort();
}

beforeAll(async () => {
  app = await startTestApp('saved_views');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [maskedRep.key, JSON.stringify(maskedRep)]);
  cookies.admin = await signIn(app, 'admin');
  const created = await api(app, 'POST', '/api/users', {
    cookie: cookies.admin,
    body: { login: 'rep.masked', displayName: 'rep.masked', password, role: 'rep_masked' },
  });
  expect(created.status).toBe(201);
  cookies.manager = await signIn(app, 'manager.wang');
  cookies.li = await signIn(app, 'rep.li');
  cookies.zhang = await signIn(app, 'rep.zhang');
  cookies.masked = await signIn(app, 'rep.masked', password);
});
afterAll(async () => {
  await app?.close();
});

describe('saved views', () => {
  it('keeps a personal view to its owner and shows a shared one to the role it names', async () => {
    const personal = await api(app, 'POST', '/api/saved-views', { cookie: cookies.li, body: aView({ name: { en: 'Mine', 'zh-CN': '我的' } }) });
    expect(personal.status).toBe(201);
    expect(personal.body).toMatchObject({ mine: true, sharedWithRoles: [], sort: aView().sort });
    const shared = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.manager,
      body: aView({ name: { en: 'Team follow-ups', 'zh-CN': '团队跟进' }, sharedWithRoles: ['rep'] }),
    });
    expect(shared.status).toBe(201);

    expect(await viewNames(cookies.li)).toEqual(['Mine', 'Team follow-ups']);
    expect(await viewNames(cookies.zhang)).toEqual(['Team follow-ups']);
    expect(await viewNames(cookies.masked)).toEqual([]);
    expect(await viewNames(cookies.admin)).toEqual(['Mine', 'Team follow-ups']);
    expect((await api(app, 'GET', `/api/saved-views/${personal.body.id}`, { cookie: cookies.zhang })).status).toBe(404);

    // A rep who merely sees the shared view may not change or delete it; its owner and an administrator may.
    const byRep = await api(app, 'PATCH', `/api/saved-views/${shared.body.id}`, { cookie: cookies.zhang, body: { columns: ['name'] } });
    expect(byRep.status).toBe(403);
    expect((await api(app, 'DELETE', `/api/saved-views/${shared.body.id}`, { cookie: cookies.li })).status).toBe(403);
    const byOwner = await api(app, 'PATCH', `/api/saved-views/${shared.body.id}`, { cookie: cookies.manager, body: { version: 1, sharedWithRoles: [] } });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.version).toBe(2);
    expect(await viewNames(cookies.zhang)).toEqual([]);
    const stale = await api(app, 'PATCH', `/api/saved-views/${shared.body.id}`, { cookie: cookies.manager, body: { version: 1, columns: [] } });
    expect(stale.status).toBe(409);
    expect((await api(app, 'DELETE', `/api/saved-views/${personal.body.id}`, { cookie: cookies.admin })).status).toBe(204);
    expect(await viewNames(cookies.li)).toEqual([]);
    const audited = await app.schema.pool.query("select action from audit_entry where entity = 'savedView' order by id");
    expect(audited.rows.map((row: { action: string }) => row.action)).toEqual(['create', 'create', 'update', 'delete']);
  });

  it('checks filter, sort, columns and roles as a list request would, naming each path', async () => {
    const bad = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.li,
      body: aView({
        filter: { any: [{ fact: 'stage', operator: 'includesText', value: 'pot' }, { fact: 'shoeSize', operator: 'equal', value: 1 }] },
        sort: [{ fact: 'name', direction: 'asc' }, { fact: 'hasOpenOpportunity', direction: 'asc' }],
        columns: ['name', 'shoeSize'],
        sharedWithRoles: ['rep', 'astronaut'],
      }),
    });
    expect(bad.status).toBe(400);
    expect(paths(bad.body)).toEqual(expect.arrayContaining(['/sort/1', '/columns/1', '/sharedWithRoles/1']));
    expect(paths(bad.body).filter((path) => path.startsWith('/filter/any/'))).not.toEqual([]);
    expect((await viewNames(cookies.li)).length).toBe(0);
  });

  it('refuses a view that filters or sorts by a field the saver may not see', async () => {
    const refused = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.masked,
      body: aView({ filter: { all: [{ fact: 'phone', operator: 'includesText', value: '138' }, { fact: 'callCount', operator: 'equal', value: 0 }] }, sort: [{ fact: 'phone', direction: 'asc' }] }),
    });
    expect(refused.status).toBe(403);
    expect(paths(refused.body)).toEqual(['/filter/all/0/operator', '/filter/all/1/fact', '/sort/0']);
    const allowed = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.masked,
      body: aView({ name: { en: 'No phone', 'zh-CN': '无电话' }, filter: { fact: 'phone', operator: 'isEmpty' }, sort: [] }),
    });
    expect(allowed.status).toBe(201);
  });

  it('keeps views of the lead list, checked against the lead catalogue and the lead field permissions', async () => {
    const leadView = {
      entity: 'lead',
      name: { en: 'New from the web', 'zh-CN': '网站新线索' },
      columns: ['name', 'company', 'status'],
      filter: { all: [{ fact: 'status', operator: 'equal', value: 'new' }, { fact: 'source', operator: 'in', value: ['website'] }] },
      sort: [{ fact: 'score', direction: 'desc' }],
    };
    const saved = await api(app, 'POST', '/api/saved-views', { cookie: cookies.li, body: leadView });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ entity: 'lead', filter: leadView.filter });
    const listed = await api(app, 'GET', '/api/saved-views?entity=lead', { cookie: cookies.li });
    expect(listed.body.items.map((view: { entity: string }) => view.entity)).toEqual(['lead']);
    // A customer fact is no lead fact.
    const wrong = await api(app, 'POST', '/api/saved-views', { cookie: cookies.li, body: { ...leadView, sort: [{ fact: 'stage', direction: 'asc' }] } });
    expect(wrong.status).toBe(400);
    expect(paths(wrong.body)).toEqual(['/sort/0']);
    // The view's filter works as a list request.
    const applied = await api(app, 'GET', `/api/leads?filter=${encodeURIComponent(JSON.stringify(leadView.filter))}&sort=-score`, { cookie: cookies.li });
    expect(applied.status).toBe(200);
  });
});
