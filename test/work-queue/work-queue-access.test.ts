import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { sessionChangesHeard } from '../support/session-changes-heard.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, anOpportunity, anOrder, clearRecords } from './work-queue-fixtures.ts';

let app: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('work-queue-access');
  await installGenericTemplate(app);
  for (const login of ['rep.li', 'rep.zhang', 'manager.wang', 'admin']) {
    cookies[login] = await signIn(app, login);
    ids[login] = await userIdOf(app, login);
  }
});
afterAll(async () => {
  await app?.close();
});
beforeEach(async () => {
  await clearRecords(app);
  await app.schema.pool.query("update role set document = document - 'fieldPermissions' || jsonb_build_object('fieldPermissions', jsonb_build_object('customer', jsonb_build_object('level', 'read', 'annualRevenue', 'read'))) where key = 'rep'");
  await sessionChangesHeard(app);
});

async function itemsOf(login: string): Promise<Array<{ entity: string; id: number; customer: any; record?: any; position: string; due: any }>> {
  const response = await api(app, 'GET', '/api/me/queue?limit=200', { cookie: cookies[login] });
  expect(response.status).toBe(200);
  return response.body.sections.flatMap((section: any) => section.items);
}

/** Reassigns a customer as the administrator, through the command every reassignment goes through. */
async function reassign(customerId: number, to: string): Promise<void> {
  const response = await api(app, 'POST', `/api/customers/${customerId}/reassign`, { cookie: cookies['admin'], body: { toUserId: ids[to] } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

const refs = (items: Array<{ entity: string; id: number }>) => items.map((item) => `${item.entity}:${item.id}`).sort();

describe('whose records the queue holds', () => {
  it('holds only the records a rep owns, personally or as a collaborator, and never anyone else’s', async () => {
    const li = ids['rep.li']!;
    const zhang = ids['rep.zhang']!;
    const liOwn = await aQueueCustomer(app, li, { stage: 'target' });
    const shared = await aQueueCustomer(app, li, { stage: 'potential', nextFollowUpAt: new Date().toISOString(), collaborators: [zhang] });
    const zhangOwn = await aQueueCustomer(app, zhang, { stage: 'reserve' });
    const won = await aQueueCustomer(app, li, { stage: 'won' });
    const order = await anOrder(app, won, { amount: 10 });
    const opportunity = await anOpportunity(app, shared, { amount: 5 });
    await aQueueCustomer(app, null, { stage: 'target' }); // the pool is nobody's work
    await aQueueCustomer(app, li, { stage: 'target', deleted: true });
    const deletedCustomersOrder = await aQueueCustomer(app, li, { stage: 'won', deleted: true });
    await anOrder(app, deletedCustomersOrder, { amount: 99 });

    expect(refs(await itemsOf('rep.li'))).toEqual(
      [`customer:${liOwn}`, `customer:${shared}`, `order:${order}`, `opportunity:${opportunity}`].sort(),
    );
    expect(refs(await itemsOf('rep.zhang'))).toEqual([`customer:${zhangOwn}`, `customer:${shared}`, `opportunity:${opportunity}`].sort());
    const zhangItems = await itemsOf('rep.zhang');
    expect(zhangItems.find((item) => item.id === shared)!.customer.ownership).toBe('collaborative');
  });

  it('is a manager’s and an administrator’s own work too, not everything their role may see', async () => {
    await aQueueCustomer(app, ids['rep.li']!, { stage: 'target' });
    const managers = await aQueueCustomer(app, ids['manager.wang']!, { stage: 'target' });
    expect(refs(await itemsOf('manager.wang'))).toEqual([`customer:${managers}`]);
    expect(await itemsOf('admin')).toEqual([]);
    const grid = (await api(app, 'GET', '/api/me/queue', { cookie: cookies['manager.wang'] })).body.stages;
    expect(grid.find((s: any) => s.key === 'target').counts.total).toBe(1);
  });

  it('drops a customer and its records the moment it is reassigned', async () => {
    const customer = await aQueueCustomer(app, ids['rep.li']!, { stage: 'won' });
    await anOrder(app, customer, { amount: 1 });
    expect((await itemsOf('rep.li')).length).toBe(1);
    await reassign(customer, 'rep.zhang');
    expect(await itemsOf('rep.li')).toEqual([]);
    expect((await itemsOf('rep.zhang')).length).toBe(1);
  });
});

describe('field permissions in the queue', () => {
  it('masks and hides customer fields as the role says, and keeps a hidden sort value out of positions', async () => {
    await app.schema.pool.query(
      `update role set document = jsonb_set(document, '{fieldPermissions,customer}', '{"phone": "masked", "level": "hidden", "nextFollowUpAt": "hidden"}') where key = 'rep'`,
    );
    await sessionChangesHeard(app);
    const customer = await aQueueCustomer(app, ids['rep.li']!, { stage: 'potential', level: 'A', nextFollowUpAt: new Date().toISOString() });
    const [item] = await itemsOf('rep.li');
    expect(item!.id).toBe(customer);
    expect(item!.customer.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(item!.customer).not.toHaveProperty('nextFollowUpAt');
    expect(item!.customer.customFields).toEqual({});
    expect(item!.due).toEqual({ bucket: 'today' });
    // Keys: overdue rank, level, nextFollowUpAt — the last two are not carried.
    const keys = JSON.parse(Buffer.from(item!.position.split(':')[3]!, 'base64url').toString('utf8'));
    expect(keys).toEqual(['1', false, false]);
    expect(item!.position).not.toContain('A');

    const manager = (await itemsOf('manager.wang'));
    expect(manager).toEqual([]);
    await reassign(customer, 'manager.wang');
    const [managerItem] = await itemsOf('manager.wang');
    expect(managerItem!.customer.customFields).toEqual({ level: 'A' });
    expect(managerItem!.customer.phone).toBe(`1380${String(managerItem!.customer.phone).slice(4)}`);
  });
});

describe('bad queue requests', () => {
  const problemPaths = async (path: string) => {
    const response = await call(app, 'GET', path, { cookie: cookies['rep.li'] });
    expect(response.status, `${path}: ${response.text}`).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    const body = response.json();
    expect(body.type).toBe('https://stagecraft.dev/problems/validation');
    return body.errors.map((error: { path: string }) => error.path);
  };
  const position = (text: string) => encodeURIComponent(text);

  it('answers 401 without a session', async () => {
    expect((await call(app, 'GET', '/api/me/queue')).status).toBe(401);
    expect((await call(app, 'GET', '/api/me/queue/next')).status).toBe(401);
  });

  it('names the query value that is wrong', async () => {
    expect(await problemPaths('/api/me/queue?limit=0')).toEqual(['/query/limit']);
    expect(await problemPaths('/api/me/queue?limit=lots')).toEqual(['/query/limit']);
    expect(await problemPaths('/api/me/queue?limit=201')).toEqual(['/query/limit']);
    expect(await problemPaths('/api/me/queue?colour=red')).toEqual(['/query/colour']);
    expect(await problemPaths('/api/me/queue?section=nothingHere')).toEqual(['/query/section']);
    expect(await problemPaths('/api/me/queue?section=Bad-Id')).toEqual(['/query/section']);
    expect(await problemPaths(`/api/me/queue?cursor=${position('potentialCallbacks:customer:12:%%%')}`)).toEqual(['/query/cursor']);
    expect(await problemPaths(`/api/me/queue?cursor=${position('targetsToDevelop:customer:1')}&section=reserveToScreen`)).toEqual(['/query/section']);
    expect(await problemPaths(`/api/me/queue/next?after=${position('ordersToFollowUp:customer:1')}`)).toEqual(['/query/after']);
    expect(await problemPaths(`/api/me/queue/next?after=${position('ordersToFollowUp:order:0')}`)).toEqual(['/query/after']);
    expect(await problemPaths(`/api/me/queue/next?after=${position('ordersToFollowUp:order:1:2')}`)).toEqual(['/query/after']);
    expect(await problemPaths(`/api/me/queue/next?after=${position('noSuch:order:1')}`)).toEqual(['/query/after']);
    expect(await problemPaths(`/api/me/queue/next?after=onlyone`)).toEqual(['/query/after']);
    const wrongKinds = Buffer.from(JSON.stringify(['1', 'not a number', null])).toString('base64url');
    expect(await problemPaths(`/api/me/queue/next?after=${position(`ordersToFollowUp:order:5:${wrongKinds}`)}`)).toEqual(['/query/after']);
    const wrongCount = Buffer.from(JSON.stringify(['1'])).toString('base64url');
    expect(await problemPaths(`/api/me/queue/next?after=${position(`ordersToFollowUp:order:5:${wrongCount}`)}`)).toEqual(['/query/after']);
    const badInstant = Buffer.from(JSON.stringify(['2', '1', '2026-13-45'])).toString('base64url');
    expect(await problemPaths(`/api/me/queue/next?after=${position(`ordersToFollowUp:order:5:${badInstant}`)}`)).toEqual(['/query/after']);
  });

  it('answers an item’s three-part position from the item’s current place', async () => {
    const li = ids['rep.li']!;
    const first = await aQueueCustomer(app, li, { stage: 'target', level: 'A' });
    const second = await aQueueCustomer(app, li, { stage: 'target', level: 'B' });
    const next = await api(app, 'GET', `/api/me/queue/next?after=${position(`targetsToDevelop:customer:${first}`)}`, { cookie: cookies['rep.li'] });
    expect(next.body.item?.id, JSON.stringify(next.body) + app.logLines.filter((l) => l.includes('error')).slice(-1)).toBe(second);
    const end = await api(app, 'GET', `/api/me/queue/next?after=${position(`reserveToScreen:customer:${second}`)}`, { cookie: cookies['rep.li'] });
    expect(end.body).toEqual({ item: null });
  });
});
