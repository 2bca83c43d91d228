import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, tableSnapshot, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Role × visibility × endpoint: every role asks every read and write endpoint about customers owned by rep.li, by
 * rep.zhang, by both (collaborative), by nobody (the pool) and by a rep of another team. What a role may see answers;
 * what it may not answers 404 exactly like an id nobody has (never 403: no existence leak), and no answer or list
 * ever carries a hidden customer's name or numbers. Reps see the company phone (`mainPhone`) masked everywhere.
 */

type Role = 'admin' | 'manager.wang' | 'rep.li' | 'rep.zhao';
type RecordKey = 'li' | 'zhang' | 'collab' | 'pool' | 'other';

const roles: Role[] = ['admin', 'manager.wang', 'rep.li', 'rep.zhao'];
const recordKeys: RecordKey[] = ['li', 'zhang', 'collab', 'pool', 'other'];

/** Who sees what (docs/records.md, "Who sees what"). */
const sees: Record<Role, RecordKey[]> = {
  admin: ['li', 'zhang', 'collab', 'pool', 'other'],
  'manager.wang': ['li', 'zhang', 'collab', 'pool'],
  'rep.li': ['li', 'collab', 'pool'],
  'rep.zhao': ['pool', 'other'],
};
const masksMainPhone: Record<Role, boolean> = { admin: false, 'manager.wang': false, 'rep.li': true, 'rep.zhao': true };

interface Fixture {
  id: number;
  name: string;
  phone: string;
  mainPhone: string;
  contactName: string;
  contactPhone: string;
  opportunityId: number;
  opportunityName: string;
  orderId: number;
  ticketId: number;
}

const otherPassword = 'matrix-test-password';
let app: TestApp;
const cookies = {} as Record<Role | 'rep.zhang', string>;
const records = {} as Record<RecordKey, Fixture>;
/** The 404 an id nobody has answers, per route shape, to compare hidden records' answers with. */
const missingId = 987_654_321;

async function ok(response: { status: number; body: unknown }, expected: number, what: string) {
  if (response.status !== expected) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Record<string, any>;
}

beforeAll(async () => {
  app = await startTestApp('role_visibility_matrix');
  await installGenericTemplate(app);
  cookies.admin = await signIn(app, 'admin');
  const south = await ok(await api(app, 'POST', '/api/teams', { cookie: cookies.admin, body: { name: '华南销售组' } }), 201, 'team');
  for (const [login, role] of [['manager.zhou', 'manager'], ['rep.zhao', 'rep']] as const) {
    await ok(await api(app, 'POST', '/api/users', { cookie: cookies.admin, body: { login, displayName: login, password: otherPassword, role, teamId: south.id } }), 201, login);
  }
  for (const login of ['manager.wang', 'rep.li', 'rep.zhang'] as const) cookies[login] = await signIn(app, login);
  cookies['rep.zhao'] = await signIn(app, 'rep.zhao', otherPassword);

  const makers: Record<RecordKey, { cookie: string; name: string; ownership?: 'pool' }> = {
    li: { cookie: cookies['rep.li'], name: '矩阵李娜个人客户' },
    zhang: { cookie: cookies['rep.zhang'], name: '矩阵张伟个人客户' },
    collab: { cookie: cookies['rep.li'], name: '矩阵协同客户' },
    pool: { cookie: cookies.admin, name: '矩阵公海客户', ownership: 'pool' },
    other: { cookie: cookies['rep.zhao'], name: '矩阵华南客户' },
  };
  let n = 0;
  for (const key of recordKeys) {
    n += 1;
    const maker = makers[key];
    const phone = `1390000000${n}`;
    const mainPhone = `021-6600000${n}`;
    const created = await ok(
      await api(app, 'POST', '/api/customers', { cookie: maker.cookie, body: { name: maker.name, phone, ...(maker.ownership ? { ownership: maker.ownership } : {}) } }),
      201,
      `create ${key}`,
    );
    // Reps see the company phone masked, so they may not write it: an administrator fills it in.
    await ok(await api(app, 'PATCH', `/api/customers/${created.id}`, { cookie: cookies.admin, body: { version: created.version, customFields: { mainPhone } } }), 200, `mainPhone ${key}`);
    const contactName = `${maker.name}联系人`;
    const contactPhone = `1370000000${n}`;
    await ok(await api(app, 'POST', `/api/customers/${created.id}/contacts`, { cookie: cookies.admin, body: { name: contactName, phone: contactPhone } }), 201, `contact ${key}`);
    await ok(await api(app, 'POST', `/api/customers/${created.id}/contact-records`, { cookie: cookies.admin, body: { channel: 'call', outcome: 'busy', notes: `${maker.name}的通话` } }), 201, `record ${key}`);
    const opportunityName = `${maker.name}商机`;
    const opportunity = await ok(await api(app, 'POST', `/api/customers/${created.id}/opportunities`, { cookie: cookies.admin, body: { name: opportunityName, amount: 1000 } }), 201, `opportunity ${key}`);
    const order = await ok(await api(app, 'POST', `/api/customers/${created.id}/orders`, { cookie: cookies.admin, body: { lines: [{ product: `${maker.name}商品`, quantity: 1, unitPrice: 100 }] } }), 201, `order ${key}`);
    const ticket = await ok(await api(app, 'POST', `/api/customers/${created.id}/tickets`, { cookie: cookies.admin, body: { subject: `${maker.name}工单` } }), 201, `ticket ${key}`);
    records[key] = { id: created.id, name: maker.name, phone, mainPhone, contactName, contactPhone, opportunityId: opportunity.id, opportunityName, orderId: order.id, ticketId: ticket.id };
  }
  await ok(await api(app, 'POST', `/api/customers/${records.collab.id}/collaborators`, { cookie: cookies.admin, body: { userId: await userIdOf(app, 'rep.zhang') } }), 200, 'collaborator');
});
afterAll(async () => {
  await app?.close();
});

/** Text that would reveal a hidden record: its name, its numbers (as entered), its contact and opportunity. */
function secretsOf(record: Fixture): string[] {
  return [record.name, record.phone, record.mainPhone, record.contactName, record.contactPhone, record.opportunityName];
}

/** Every answer a caller gets must be free of what it may not see, and of unmasked company phones when masked. */
function expectNoLeak(role: Role, text: string, context: string) {
  for (const key of recordKeys) {
    if (sees[role].includes(key)) continue;
    for (const secret of secretsOf(records[key])) expect(text, `${context} leaks ${key}: ${secret}`).not.toContain(secret);
  }
  if (masksMainPhone[role]) {
    for (const key of recordKeys) expect(text, `${context} shows ${key}'s mainPhone unmasked`).not.toContain(records[key].mainPhone);
  }
}

async function expectHidden(role: Role, method: string, pathname: (id: number) => string, body: unknown, hiddenId: number, context: string) {
  const response = await api(app, method, pathname(hiddenId), { cookie: cookies[role], ...(body === undefined ? {} : { body }) });
  const nobody = await api(app, method, pathname(missingId), { cookie: cookies[role], ...(body === undefined ? {} : { body }) });
  expect(response.status, `${context}: ${JSON.stringify(response.body)}`).toBe(404);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  // The same answer as for an id nobody has, but for the id itself.
  const anonymous = (body: unknown, id: number) => JSON.stringify(body).replaceAll(`/${id}`, '/ID').replaceAll(` ${id} `, ' ID ');
  expect(anonymous(response.body, hiddenId)).toBe(anonymous(nobody.body, missingId));
  expectNoLeak(role, JSON.stringify(response.body), context);
}

/** The id a path shape is about: the opportunity's, order's or ticket's for their own routes, else the customer's. */
function idFor(shape: string, record: Fixture): number {
  if (shape.startsWith('/api/opportunities/')) return record.opportunityId;
  if (shape.startsWith('/api/orders/')) return record.orderId;
  if (shape.startsWith('/api/tickets/')) return record.ticketId;
  return record.id;
}

const cases = roles.flatMap((role) => recordKeys.map((record) => ({ role, record, visible: sees[role].includes(record) })));

interface ReadEndpoint {
  name: string;
  path: (record: Fixture) => string;
  /** Checks a visible answer's body against the record. */
  check: (body: any, record: Fixture, role: Role) => void;
}

/** `021-66000001` as a rep sees it: `021****0001` (docs/records.md, `maskFieldValue`). */
const maskedMainPhone = (record: Fixture, role: Role) =>
  masksMainPhone[role] ? `${record.mainPhone.slice(0, 3)}****${record.mainPhone.slice(-4)}` : record.mainPhone;

const reads: ReadEndpoint[] = [
  {
    name: 'GET customer',
    path: (r) => `/api/customers/${r.id}`,
    check: (body, r, role) => {
      expect(body).toMatchObject({ id: r.id, name: r.name, phone: r.phone });
      expect(body.customFields.mainPhone).toEqual(maskedMainPhone(r, role));
      if (masksMainPhone[role]) expect(body.customFields.mainPhone).toMatch(/\*/);
    },
  },
  { name: 'GET contacts', path: (r) => `/api/customers/${r.id}/contacts`, check: (body, r) => expect(JSON.stringify(body)).toContain(r.contactName) },
  { name: 'GET contact records', path: (r) => `/api/customers/${r.id}/contact-records`, check: (body, r) => expect(JSON.stringify(body)).toContain(`${r.name}的通话`) },
  { name: 'GET audit', path: (r) => `/api/customers/${r.id}/audit?limit=100`, check: (body) => expect(body.items.length).toBeGreaterThan(0) },
  { name: 'GET actions', path: (r) => `/api/customers/${r.id}/actions`, check: (body) => expect(body).toBeDefined() },
  { name: 'GET ownership history', path: (r) => `/api/customers/${r.id}/ownership-history`, check: (body) => expect(body.items.length).toBeGreaterThan(0) },
  { name: 'GET opportunities', path: (r) => `/api/customers/${r.id}/opportunities`, check: (body, r) => expect(JSON.stringify(body)).toContain(r.opportunityName) },
  { name: 'GET opportunity', path: (r) => `/api/opportunities/${r.opportunityId}`, check: (body, r) => expect(body).toMatchObject({ id: r.opportunityId, name: r.opportunityName }) },
  { name: 'GET opportunity actions', path: (r) => `/api/opportunities/${r.opportunityId}/actions`, check: (body) => expect(body).toBeDefined() },
  { name: 'GET orders', path: (r) => `/api/customers/${r.id}/orders`, check: (body, r) => expect(body.map((o: { id: number }) => o.id)).toEqual([r.orderId]) },
  { name: 'GET order', path: (r) => `/api/orders/${r.orderId}`, check: (body, r) => expect(body).toMatchObject({ id: r.orderId, customerId: r.id }) },
  { name: 'GET order payments', path: (r) => `/api/orders/${r.orderId}/payments`, check: (body) => expect(body).toEqual([]) },
  { name: 'GET tickets', path: (r) => `/api/customers/${r.id}/tickets`, check: (body, r) => expect(body.map((t: { id: number }) => t.id)).toEqual([r.ticketId]) },
  { name: 'GET ticket', path: (r) => `/api/tickets/${r.ticketId}`, check: (body, r) => expect(body).toMatchObject({ id: r.ticketId, subject: `${r.name}工单` }) },
];

describe.each(reads)('$name', (endpoint) => {
  it.each(cases)('$role on $record: visible=$visible', async ({ role, record, visible }) => {
    const fixture = records[record];
    if (visible) {
      const response = await api(app, 'GET', endpoint.path(fixture), { cookie: cookies[role] });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      endpoint.check(response.body, fixture, role);
      expectNoLeak(role, JSON.stringify(response.body), `${endpoint.name} ${record}`);
    } else {
      const shape = endpoint.path(fixture);
      const hiddenId = idFor(shape, fixture);
      await expectHidden(role, 'GET', (id) => shape.replace(String(hiddenId), String(id)), undefined, hiddenId, `${endpoint.name} ${record}`);
    }
  });
});

describe('lists hold exactly what the caller may see', () => {
  const filters = (r: Record<RecordKey, Fixture>) => [
    { label: 'no filter', query: '' },
    { label: 'ownership=personal', query: 'ownership=personal' },
    { label: 'ownership=collaborative', query: 'ownership=collaborative' },
    { label: 'ownership=pool', query: 'ownership=pool' },
    { label: 'q=矩阵', query: `q=${encodeURIComponent('矩阵')}` },
    ...recordKeys.flatMap((key) => [
      { label: `q=${key}'s name`, query: `q=${encodeURIComponent(r[key].name)}` },
      { label: `q=${key}'s phone`, query: `q=${r[key].phone}` },
      { label: `q=${key}'s mainPhone`, query: `q=${encodeURIComponent(r[key].mainPhone)}` },
    ]),
  ];

  it.each(roles)('%s: every filter', async (role) => {
    for (const { label, query } of filters(records)) {
      const response = await api(app, 'GET', `/api/customers?limit=100${query ? `&${query}` : ''}`, { cookie: cookies[role] });
      expect(response.status, label).toBe(200);
      const ids: number[] = response.body.items.map((item: { id: number }) => item.id);
      for (const key of recordKeys) {
        if (!sees[role].includes(key)) expect(ids, `${role} ${label} lists hidden ${key}`).not.toContain(records[key].id);
      }
      expectNoLeak(role, JSON.stringify(response.body), `${role} list ${label}`);
      for (const item of response.body.items) {
        const key = recordKeys.find((k) => records[k].id === item.id);
        if (key !== undefined && masksMainPhone[role]) expect(item.customFields?.mainPhone ?? '*').toMatch(/\*/);
      }
    }
    // Without a filter, every record the role sees is there.
    const all = await api(app, 'GET', '/api/customers?limit=100', { cookie: cookies[role] });
    const ids = all.body.items.map((item: { id: number }) => item.id);
    for (const key of sees[role]) expect(ids, `${role} misses ${key}`).toContain(records[key].id);
  });
});

interface WriteEndpoint {
  name: string;
  method: string;
  path: (id: number) => string;
  /** A body that would be taken (or refused for a business reason) on a visible record but changes nothing visible to this test. */
  body: (record: Fixture) => unknown;
}

let unique = 0;
const writes: WriteEndpoint[] = [
  // A stale version: a visible record answers 409 (or 403 without the right), a hidden one 404.
  { name: 'PATCH customer', method: 'PATCH', path: (id) => `/api/customers/${id}`, body: () => ({ version: 999_999, keywords: ['矩阵改'] }) },
  { name: 'POST contact', method: 'POST', path: (id) => `/api/customers/${id}/contacts`, body: () => ({ name: `矩阵新联系人${(unique += 1)}` }) },
  { name: 'POST contact record', method: 'POST', path: (id) => `/api/customers/${id}/contact-records`, body: () => ({ channel: 'sms', outcome: 'sent' }) },
  { name: 'POST event', method: 'POST', path: (id) => `/api/customers/${id}/events`, body: () => ({ type: 'UPGRADE', version: 999_999 }) },
  { name: 'PATCH opportunity', method: 'PATCH', path: (id) => `/api/opportunities/${id}`, body: () => ({ version: 999_999, amount: 1 }) },
  { name: 'POST opportunity event', method: 'POST', path: (id) => `/api/opportunities/${id}/events`, body: () => ({ type: 'ADVANCE', version: 999_999 }) },
  { name: 'POST release', method: 'POST', path: (id) => `/api/customers/${id}/release`, body: () => ({ reason: '矩阵测试' }) },
  { name: 'PATCH order', method: 'PATCH', path: (id) => `/api/orders/${id}`, body: () => ({ version: 999_999, note: '矩阵改' }) },
  { name: 'POST order payment', method: 'POST', path: (id) => `/api/orders/${id}/payments`, body: () => ({ version: 999_999, amount: 1, paidOn: '2026-11-20', method: 'cash' }) },
  { name: 'PATCH ticket', method: 'PATCH', path: (id) => `/api/tickets/${id}`, body: () => ({ version: 999_999, subject: '矩阵改' }) },
];

describe.each(writes)('$name', (endpoint) => {
  it.each(cases.filter((c) => !c.visible))('$role on hidden $record: 404, nothing written', async ({ role, record }) => {
    const fixture = records[record];
    const id = idFor(endpoint.path(1), fixture);
    const before = await tableSnapshot(app);
    await expectHidden(role, endpoint.method, endpoint.path, endpoint.body(fixture), id, `${endpoint.name} ${record}`);
    expect(await tableSnapshot(app)).toEqual(before);
  });

  // Release really gives a customer back; the visible side of it is covered by the ownership tests.
  it.each(cases.filter((c) => c.visible))('$role on visible $record: answers, never 404', async ({ role, record }) => {
    if (endpoint.name === 'POST release') return;
    const fixture = records[record];
    const id = idFor(endpoint.path(1), fixture);
    const response = await api(app, endpoint.method, endpoint.path(id), { cookie: cookies[role], body: endpoint.body(fixture) });
    expect(response.status, JSON.stringify(response.body)).not.toBe(404);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(500);
    expectNoLeak(role, JSON.stringify(response.body), `${endpoint.name} ${record}`);
  });
});

describe('claims', () => {
  it.each(cases.filter((c) => !c.visible))('$role claiming hidden $record: notInPool, like an id nobody has', async ({ role, record }) => {
    const before = await tableSnapshot(app);
    const response = await api(app, 'POST', '/api/customers/claims', { cookie: cookies[role], body: { customerIds: [records[record].id, missingId] } });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results).toEqual([
      { customerId: records[record].id, outcome: 'notInPool' },
      { customerId: missingId, outcome: 'notInPool' },
    ]);
    expectNoLeak(role, JSON.stringify(response.body), `claim ${record}`);
    expect(await tableSnapshot(app)).toEqual(before);
  });
});
