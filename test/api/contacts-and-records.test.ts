import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let manager: string;
let li: string;
let zhang: string;
let liId: number;

beforeAll(async () => {
  app = await startTestApp('contacts_records');
  await installGenericTemplate(app);
  [manager, li, zhang] = await Promise.all([signIn(app, 'manager.wang'), signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
  liId = await userIdOf(app, 'rep.li');
});
afterAll(async () => {
  await app?.close();
});

let serial = 0;
async function aCustomer(cookie = li, extra: Record<string, unknown> = {}) {
  serial++;
  const response = await api(app, 'POST', '/api/customers', { cookie, body: { name: `联系人测试客户${serial}`, ...extra } });
  if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  return response.body.id as number;
}

describe('contacts', () => {
  it('adds, lists (primary first), changes and softly removes a customer’s contacts, auditing each', async () => {
    const id = await aCustomer();
    const first = await api(app, 'POST', `/api/customers/${id}/contacts`, { cookie: li, body: { name: '王采购', title: '采购经理', phone: '13511112222' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ customerId: id, name: '王采购', isPrimary: false, version: 1 });
    const second = await api(app, 'POST', `/api/customers/${id}/contacts`, { cookie: li, body: { name: '赵总', isPrimary: true, email: 'zhao@example.cn' } });
    expect((await api(app, 'GET', `/api/customers/${id}/contacts`, { cookie: li })).body.map((c: { name: string }) => c.name)).toEqual(['赵总', '王采购']);

    const moved = await api(app, 'PATCH', `/api/customers/${id}/contacts/${first.body.id}`, { cookie: li, headers: { 'if-match': '"1"' }, body: { isPrimary: true } });
    expect(moved.status).toBe(200);
    const list = (await api(app, 'GET', `/api/customers/${id}/contacts`, { cookie: li })).body;
    expect(list.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([['王采购', true], ['赵总', false]]);

    const stale = await api(app, 'PATCH', `/api/customers/${id}/contacts/${second.body.id}`, { cookie: li, body: { version: 1, title: '总经理' } });
    expect(stale.status).toBe(409);
    expect((await api(app, 'DELETE', `/api/customers/${id}/contacts/${second.body.id}`, { cookie: li })).status).toBe(204);
    expect((await api(app, 'GET', `/api/customers/${id}/contacts`, { cookie: li })).body).toHaveLength(1);
    const { rows } = await app.schema.pool.query('select count(*)::int as n from contact where customer_id = $1', [id]);
    expect(rows[0].n).toBe(2);

    const trail = (await api(app, 'GET', `/api/customers/${id}/audit`, { cookie: li })).body.items;
    expect(trail.filter((e: { entity: string }) => e.entity === 'contact').map((e: { action: string; why: { code: string } }) => `${e.action}:${e.why.code}`)).toEqual([
      'delete:deleted',
      'update:edit',
      'update:primaryMoved',
      'create:created',
      'create:created',
    ]);
  });

  it('refuses a phone another contact of the same customer has, but not one of another customer’s contact', async () => {
    const one = await aCustomer();
    const two = await aCustomer();
    expect((await api(app, 'POST', `/api/customers/${one}/contacts`, { cookie: li, body: { name: '甲', phone: '13600001111' } })).status).toBe(201);
    const again = await api(app, 'POST', `/api/customers/${one}/contacts`, { cookie: li, body: { name: '乙', phone: '+86 136 0000 1111' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ type: 'https://stagecraft.dev/problems/duplicate', errors: [{ path: '/phone' }] });
    expect(again.body.detail).toContain('甲');
    expect((await api(app, 'POST', `/api/customers/${two}/contacts`, { cookie: li, body: { name: '乙', phone: '13600001111' } })).status).toBe(201);
  });

  it('keeps a pool customer’s contacts read-only for roles that may not edit shared customers', async () => {
    const pool = await aCustomer(manager, { ownership: 'pool' });
    expect((await api(app, 'POST', `/api/customers/${pool}/contacts`, { cookie: li, body: { name: '某人' } })).status).toBe(403);
    expect((await api(app, 'POST', `/api/customers/${pool}/contacts`, { cookie: manager, body: { name: '某人' } })).status).toBe(201);
    expect((await api(app, 'GET', `/api/customers/${pool}/contacts`, { cookie: zhang })).body).toHaveLength(1);
  });
});

describe('contact records', () => {
  it('logs a call, moving the customer’s last contact, call count and next follow-up in the same transaction', async () => {
    const id = await aCustomer();
    const contact = (await api(app, 'POST', `/api/customers/${id}/contacts`, { cookie: li, body: { name: '孙经理' } })).body;
    const occurredAt = new Date(Date.now() - 60_000).toISOString();
    const nextFollowUpAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const logged = await api(app, 'POST', `/api/customers/${id}/contact-records`, {
      cookie: li,
      body: { channel: 'call', outcome: 'interested', notes: '对方有意向，下周再联系。', occurredAt, contactId: contact.id, nextFollowUpAt },
    });
    expect(logged.status).toBe(201);
    expect(logged.body).toMatchObject({
      customerId: id,
      contactId: contact.id,
      channel: 'call',
      outcome: 'interested',
      outcomeLabel: { en: 'Interested', 'zh-CN': '有意向' },
      authorId: liId,
      occurredAt,
      nextFollowUpAt,
    });
    const customer = (await api(app, 'GET', `/api/customers/${id}`, { cookie: li })).body;
    expect(customer).toMatchObject({ callCount: 1, lastContactAt: occurredAt, nextFollowUpAt, version: 1 });

    await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: li, body: { channel: 'email', outcome: 'sent' } });
    expect((await api(app, 'GET', `/api/customers/${id}`, { cookie: li })).body).toMatchObject({ callCount: 1, nextFollowUpAt });
  });

  it('lets a rep log a contact with a pool customer without claiming it', async () => {
    const pool = await aCustomer(manager, { ownership: 'pool' });
    const logged = await api(app, 'POST', `/api/customers/${pool}/contact-records`, { cookie: zhang, body: { channel: 'call', outcome: 'noAnswer' } });
    expect(logged.status).toBe(201);
  });

  it('lists every contact record newest first, whoever logged it, a page at a time', async () => {
    const id = await aCustomer(manager, { ownership: 'pool' });
    const hoursAgo = [5, 1, 3, 2, 4];
    for (const [i, h] of hoursAgo.entries()) {
      const body = { channel: 'call', outcome: 'busy', notes: `第${i}次`, occurredAt: new Date(Date.now() - h * 3_600_000).toISOString() };
      expect((await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: i % 2 ? li : zhang, body })).status).toBe(201);
    }
    const first = await api(app, 'GET', `/api/customers/${id}/contact-records?limit=3`, { cookie: manager });
    const second = await api(app, 'GET', `/api/customers/${id}/contact-records?limit=3&cursor=${first.body.nextCursor}`, { cookie: manager });
    expect([...first.body.items, ...second.body.items].map((r: { notes: string }) => r.notes)).toEqual(['第1次', '第3次', '第2次', '第4次', '第0次']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses times that make no sense, and a contact of another customer, with 400 naming each', async () => {
    const id = await aCustomer();
    const other = await aCustomer();
    const stranger = (await api(app, 'POST', `/api/customers/${other}/contacts`, { cookie: li, body: { name: '外人' } })).body;
    const response = await api(app, 'POST', `/api/customers/${id}/contact-records`, {
      cookie: li,
      body: {
        channel: 'visit',
        outcome: 'visited',
        occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
        reminderAt: new Date(Date.now() - 3_600_000).toISOString(),
        contactId: stranger.id,
      },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/contactId', '/occurredAt', '/reminderAt']);
  });

  it('arms a reminder timer for its author at the time asked', async () => {
    const id = await aCustomer();
    const reminderAt = new Date(Date.now() + 86_400_000).toISOString();
    const logged = await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'callbackRequested', reminderAt } });
    const { rows } = await app.schema.pool.query('select kind, status, due_at, user_id::int as user_id from due_timer where timer_key = $1', [
      `contact_record:${logged.body.id}:reminder`,
    ]);
    expect(rows).toEqual([{ kind: 'reminder', status: 'pending', due_at: new Date(reminderAt), user_id: liId }]);
  });

  it('lets its author correct it for 24 hours, nobody else, and nobody after — the database refuses a late edit too', async () => {
    const id = await aCustomer();
    const record = (await api(app, 'POST', `/api/customers/${id}/contact-records`, { cookie: li, body: { channel: 'call', outcome: 'busy' } })).body;
    const fixed = await api(app, 'PATCH', `/api/customers/${id}/contact-records/${record.id}`, { cookie: li, body: { version: 1, outcome: 'connected', notes: '其实接通了' } });
    expect(fixed.status).toBe(200);
    expect(fixed.body).toMatchObject({ outcome: 'connected', version: 2 });
    expect((await api(app, 'PATCH', `/api/customers/${id}/contact-records/${record.id}`, { cookie: manager, body: { version: 2, notes: '经理改' } })).status).toBe(403);

    await app.schema.pool.query("update contact_record set created_at = now() - interval '25 hours' where id = $1", [record.id]);
    const late = await api(app, 'PATCH', `/api/customers/${id}/contact-records/${record.id}`, { cookie: li, body: { version: 2, notes: '太晚了' } });
    expect(late.status).toBe(403);
    expect(late.body.detail).toMatch(/more than 24 hours/);
    await expect(app.schema.pool.query("update contact_record set notes = 'sneaky' where id = $1", [record.id])).rejects.toThrow(/older than 24 hours/);
  });
});
