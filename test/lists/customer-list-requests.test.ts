import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies = { admin: '', masked: '' };
const password = 'lists-test-password';

/** A rep role that sees phone numbers masked and neither call counts nor annual revenue. */
const maskedRep = {
  key: 'rep_masked',
  labels: { en: 'Rep (numbers hidden)', 'zh-CN': '业务员（隐藏号码）' },
  visibility: 'all',
  fieldPermissions: { customer: { phone: 'masked', callCount: 'hidden', annualRevenue: 'hidden' } },
};

beforeAll(async () => {
  app = await startTestApp('lists_requests');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [maskedRep.key, JSON.stringify(maskedRep)]);
  cookies.admin = await signIn(app, 'admin');
  const created = await api(app, 'POST', '/api/users', {
    cookie: cookies.admin,
    body: { login: 'rep.masked', displayName: 'rep.masked', password, role: 'rep_masked' },
  });
  expect(created.status).toBe(201);
  cookies.masked = await signIn(app, 'rep.masked', password);
  for (const [index, name] of ['甲公司', '乙公司', '丙公司'].entries()) {
    const body = { name, phone: index === 2 ? null : `1381111000${index}`, customFields: { level: ['A', 'B', 'A'][index] } };
    expect((await api(app, 'POST', '/api/customers', { cookie: cookies.admin, body })).status).toBe(201);
  }
});
afterAll(async () => {
  await app?.close();
});

function list(cookie: string, query: Record<string, unknown>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return api(app, 'GET', `/api/customers?${params}`, { cookie, headers: { 'accept-language': 'en' } });
}

const paths = (body: { errors?: Array<{ path: string }> }) => (body.errors ?? []).map((error) => error.path);

describe('customer list requests', () => {
  it('filters with nested all / any and in, and counts the filtered total', async () => {
    const filter = { all: [{ fact: 'custom.level', operator: 'in', value: ['A'] }, { any: [{ fact: 'phone', operator: 'isEmpty' }, { fact: 'name', operator: 'includesText', value: '甲' }] }] };
    const response = await list(cookies.admin, { filter, sort: 'name' });
    expect(response.status).toBe(200);
    expect(response.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['丙公司', '甲公司'].sort());
    expect(response.body.total).toBe(2);
  });

  it('keeps the older query parameters and plain id cursors working', async () => {
    const first = await list(cookies.admin, { limit: '1' });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    const lastId = first.body.items[0].id as number;
    const older = await list(cookies.admin, { limit: '5', cursor: String(lastId) });
    expect(older.body.items.map((c: { id: number }) => c.id)).toEqual([lastId - 1, lastId - 2]);
  });

  it('names the failing leaf of a filter the catalogue does not accept', async () => {
    const response = await list(cookies.admin, { filter: { all: [{ fact: 'stage', operator: 'equal', value: 'potential' }, { fact: 'shoeSize', operator: 'equal', value: 3 }] } });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(paths(response.body).every((path) => path.startsWith('/query/filter/all/1'))).toBe(true);
    expect(paths(response.body).length).toBeGreaterThan(0);
  });

  it('refuses a filter that is not JSON, a fifth sort level and a cursor of another sort', async () => {
    expect(paths((await list(cookies.admin, { filter: '{"all": [' })).body)).toEqual(['/query/filter']);
    const five = await list(cookies.admin, { sort: 'name,stage,callCount,totalDealAmount,lastContactAt' });
    expect(five.status).toBe(400);
    expect(paths(five.body)).toEqual(['/query/sort']);
    expect(paths((await list(cookies.admin, { sort: 'name,-shoeSize' })).body)).toEqual(['/query/sort/1']);
    const page = await list(cookies.admin, { sort: 'name', limit: '1' });
    const other = await list(cookies.admin, { sort: '-name', cursor: page.body.nextCursor });
    expect(other.status).toBe(400);
    expect(paths(other.body)).toEqual(['/query/cursor']);
  });

  it('refuses to filter or sort by a field the role may not see, naming each', async () => {
    const response = await list(cookies.masked, {
      filter: { all: [{ fact: 'callCount', operator: 'greaterThan', value: 1 }, { any: [{ fact: 'custom.annualRevenue', operator: 'isEmpty' }] }] },
      sort: 'name,-phone',
    });
    expect(response.status).toBe(403);
    expect(paths(response.body)).toEqual(['/query/filter/all/0/fact', '/query/filter/all/1/any/0/fact', '/query/sort/1']);
  });

  it('lets a masked field be filtered only by empty or not empty', async () => {
    const guessing = await list(cookies.masked, { filter: { fact: 'phone', operator: 'includesText', value: '1381111' } });
    expect(guessing.status).toBe(403);
    expect(paths(guessing.body)).toEqual(['/query/filter/operator']);
    const empty = await list(cookies.masked, { filter: { fact: 'phone', operator: 'isEmpty' } });
    expect(empty.status).toBe(200);
    expect(empty.body.items.map((c: { name: string }) => c.name)).toEqual(['丙公司']);
    // An admin may filter the same field by its value.
    expect((await list(cookies.admin, { filter: { fact: 'phone', operator: 'includesText', value: '13811110001' } })).body.total).toBe(1);
  });
});
