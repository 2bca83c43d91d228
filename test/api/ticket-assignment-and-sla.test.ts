import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { aCustomerOf, api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;
let zhang: string;
let manager: string;
let liId: number;
let zhangId: number;

beforeAll(async () => {
  app = await startTestApp('ticket_assignment_sla');
  await installGenericTemplate(app);
  [li, zhang, manager] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang'), signIn(app, 'manager.wang')]);
  [liId, zhangId] = await Promise.all([userIdOf(app, 'rep.li'), userIdOf(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
const aCustomer = () => aCustomerOf(app, li, '工单时限测试客户', ++serial);
const minute = 60_000;

type Ticket = { id: number; version: number; createdAt: string; [key: string]: any };

async function aTicket(body: Record<string, unknown> = {}): Promise<Ticket> {
  const customerId = await aCustomer();
  const response = await api(app, 'POST', `/api/customers/${customerId}/tickets`, { cookie: li, body: { subject: '打印机卡纸', ...body } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const patch = (id: number, version: number, body: Record<string, unknown>, cookie = li) =>
  api(app, 'PATCH', `/api/tickets/${id}`, { cookie, body: { version, ...body } });

const plus = (iso: string, minutes: number) => new Date(new Date(iso).getTime() + minutes * minute).toISOString();

describe('ticket service levels', () => {
  it('sets the response and resolve due times from the priority’s policy row, and follows a new priority', async () => {
    const ticket = await aTicket({ priority: 'urgent' });
    expect(ticket).toMatchObject({
      responseDueAt: plus(ticket.createdAt, 30),
      resolveDueAt: plus(ticket.createdAt, 240),
      slaDueAt: plus(ticket.createdAt, 30),
      slaState: 'onTrack',
    });
    const lowered = await patch(ticket.id, ticket.version, { priority: 'low' });
    expect(lowered.status, JSON.stringify(lowered.body)).toBe(200);
    expect(lowered.body).toMatchObject({ priority: 'low', responseDueAt: plus(ticket.createdAt, 1440), resolveDueAt: plus(ticket.createdAt, 10080) });
  });

  it('reads the service level as data: a changed policy row applies to the next ticket', async () => {
    await app.schema.pool.query("update ticket_sla_policy set respond_within_minutes = 5, resolve_within_minutes = 60 where priority = 'high'");
    try {
      const ticket = await aTicket({ priority: 'high' });
      expect(ticket.responseDueAt).toBe(plus(ticket.createdAt, 5));
      expect(ticket.resolveDueAt).toBe(plus(ticket.createdAt, 60));
    } finally {
      await app.schema.pool.query("update ticket_sla_policy set respond_within_minutes = 120, resolve_within_minutes = 1440 where priority = 'high'");
    }
  });

  it('runs the resolve due once work starts, reports overdue tickets, and met or breached once resolved', async () => {
    const ticket = await aTicket({ priority: 'normal' });
    const taken = await patch(ticket.id, ticket.version, { assigneeId: liId });
    expect((await api(app, 'POST', `/api/tickets/${ticket.id}/events`, { cookie: li, body: { type: 'START_WORK' } })).status).toBe(200);
    const working = (await api(app, 'GET', `/api/tickets/${ticket.id}`, { cookie: li })).body;
    expect(working).toMatchObject({ status: 'inProgress', slaDueAt: working.resolveDueAt, slaState: 'onTrack', firstResponseAt: expect.any(String) });
    expect(taken.body.version).toBe(ticket.version + 1);

    // Opened three days and an hour ago (normal: resolve within 72 hours): overdue now.
    await app.schema.pool.query(
      "update ticket set created_at = now() - interval '73 hours', resolve_due_at = now() - interval '1 hour', response_due_at = now() - interval '65 hours', first_response_at = now() - interval '72 hours' where id = $1",
      [ticket.id],
    );
    expect((await api(app, 'GET', `/api/tickets/${ticket.id}`, { cookie: li })).body.slaState).toBe('resolveOverdue');
    expect((await api(app, 'POST', `/api/tickets/${ticket.id}/events`, { cookie: li, body: { type: 'RESOLVE' } })).status).toBe(200);
    const resolved = (await api(app, 'GET', `/api/tickets/${ticket.id}`, { cookie: li })).body;
    expect(resolved).toMatchObject({ status: 'resolved', slaState: 'breached', slaDueAt: null });

    const quick = await aTicket({ priority: 'urgent' });
    await patch(quick.id, quick.version, { assigneeId: liId });
    await api(app, 'POST', `/api/tickets/${quick.id}/events`, { cookie: li, body: { type: 'START_WORK' } });
    await api(app, 'POST', `/api/tickets/${quick.id}/events`, { cookie: li, body: { type: 'RESOLVE' } });
    expect((await api(app, 'GET', `/api/tickets/${quick.id}`, { cookie: li })).body.slaState).toBe('met');
  });
});

describe('assigning and editing tickets', () => {
  it('lets a rep take a ticket: the assignee is set and the machine moves to assigned, in one version step', async () => {
    const ticket = await aTicket();
    const taken = await patch(ticket.id, ticket.version, { assigneeId: liId, subject: '打印机卡纸（3 楼）' });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body).toMatchObject({ assigneeId: liId, status: 'assigned', subject: '打印机卡纸（3 楼）', version: ticket.version + 1 });
    expect(taken.headers.get('etag')).toBe(`"${ticket.version + 1}"`);
    const { rows } = await app.schema.pool.query(
      "select action, why->'trace'->>'event' as event from audit_entry where entity = 'ticket' and record_id = $1 order by id",
      [ticket.id],
    );
    expect(rows).toEqual([
      { action: 'create', event: 'xstate.init' },
      { action: 'update', event: null },
      { action: 'event', event: 'ASSIGNED' },
    ]);
  });

  it('refuses a rep giving a ticket to someone else (403 naming /assigneeId), and a stale or versionless change', async () => {
    const ticket = await aTicket();
    const other = await patch(ticket.id, ticket.version, { assigneeId: zhangId });
    expect(other.status).toBe(403);
    expect(other.body.errors.map((error: { path: string }) => error.path)).toEqual(['/assigneeId']);
    const stale = await patch(ticket.id, ticket.version + 5, { subject: '旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toContain('stale-version');
    expect((await api(app, 'PATCH', `/api/tickets/${ticket.id}`, { cookie: li, body: { subject: '无版本' } })).status).toBe(428);
  });

  it('lets a manager assign only people who can see the customer (400 at /assigneeId otherwise)', async () => {
    const ticket = await aTicket();
    // rep.zhang cannot see rep.li's personal customer, so cannot work its ticket.
    const blind = await patch(ticket.id, ticket.version, { assigneeId: zhangId }, manager);
    expect(blind.status).toBe(400);
    expect(blind.body.errors.map((error: { path: string }) => error.path)).toEqual(['/assigneeId']);
    const nobody = await patch(ticket.id, ticket.version, { assigneeId: 987_654 }, manager);
    expect(nobody.status).toBe(400);
    const assigned = await patch(ticket.id, ticket.version, { assigneeId: liId }, manager);
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ assigneeId: liId, status: 'assigned' });
  });

  it('answers 404 to a rep who cannot see the ticket, and writes nothing', async () => {
    const ticket = await aTicket();
    const hidden = await patch(ticket.id, ticket.version, { subject: '偷看' }, zhang);
    expect(hidden.status).toBe(404);
    expect((await api(app, 'GET', `/api/tickets/${ticket.id}`, { cookie: li })).body).toMatchObject({ subject: '打印机卡纸', version: ticket.version });
  });
});
