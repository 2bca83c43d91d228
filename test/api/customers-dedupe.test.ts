import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let li: string;
let zhang: string;

beforeAll(async () => {
  app = await startTestApp('customers_dedupe');
  await installGenericTemplate(app);
  [admin, li, zhang] = await Promise.all([signIn(app, 'admin'), signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

const post = (cookie: string, body: Record<string, unknown>) => api(app, 'POST', '/api/customers', { cookie, body });

describe('first entered wins', () => {
  it('knows a phone number however it is written: spaces, dashes, +86, 0086, full-width digits', async () => {
    const first = await post(li, { name: '杭州一号公司', phone: '13912345678' });
    expect(first.status).toBe(201);
    for (const phone of ['139 1234 5678', '139-1234-5678', '+86 139 1234 5678', '0086-13912345678', '８６１３９１２３４５６７８']) {
      const again = await post(li, { name: `别的名字 ${phone}`, phone });
      expect(again.status, phone).toBe(409);
      expect(again.body).toMatchObject({ type: 'https://stagecraft.dev/problems/duplicate', existing: { id: first.body.id }, errors: [{ path: '/phone' }] });
    }
  });

  it('knows a name whatever its case, width and spaces', async () => {
    const first = await post(li, { name: 'Acme Trading 上海 有限公司' });
    expect(first.status).toBe(201);
    const again = await post(li, { name: '  acme  TRADING上海有限公司' });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: '/name' })]);
  });

  it('knows a keyword another customer goes by, and points at the keyword sent', async () => {
    expect((await post(li, { name: '南京第一建设', keywords: ['宁建', 'NJ-1'] })).status).toBe(201);
    const again = await post(li, { name: '南京第一建设集团', keywords: ['一建', 'nj-1'] });
    expect(again.status).toBe(409);
    expect(again.body.errors).toEqual([expect.objectContaining({ path: '/keywords/1' })]);
  });

  it('lets exactly one of 20 parallel creates with the same phone through, over real HTTP', async () => {
    const phone = '13700001234';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post(i % 2 === 0 ? li : zhang, { name: `并发客户${i}`, phone: i % 3 === 0 ? `+86 ${phone}` : phone })),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(19);
    for (const answer of answers.filter((a) => a.status === 409)) expect(answer.body.type).toBe('https://stagecraft.dev/problems/duplicate');
    const { rows } = await app.schema.pool.query('select count(*)::int as n from customer where phone_normalized = $1', [phone]);
    expect(rows[0].n).toBe(1);
  });

  it('checks a changed name, phone or keyword against the others, not against the customer itself', async () => {
    const one = await post(li, { name: '改动测试甲', phone: '13600000001' });
    const two = await post(li, { name: '改动测试乙', phone: '13600000002' });
    const same = await api(app, 'PATCH', `/api/customers/${one.body.id}`, { cookie: li, body: { version: 1, phone: '136-0000-0001' } });
    expect(same.status).toBe(200);
    const taken = await api(app, 'PATCH', `/api/customers/${two.body.id}`, { cookie: li, body: { version: 1, phone: '13600000001' } });
    expect(taken.status).toBe(409);
    expect(taken.body.existing).toEqual({ id: one.body.id, name: '改动测试甲' });
  });

  it('frees a deleted customer’s phone, and refuses to restore it once another has taken it', async () => {
    const old = await post(li, { name: '回收站测试', phone: '13500000009' });
    expect((await api(app, 'DELETE', `/api/customers/${old.body.id}`, { cookie: admin })).status).toBe(204);
    const successor = await post(li, { name: '回收站测试（新）', phone: '135 0000 0009' });
    expect(successor.status).toBe(201);
    const restore = await api(app, 'POST', `/api/customers/${old.body.id}/restore`, { cookie: admin });
    expect(restore.status).toBe(409);
    expect(restore.body).toMatchObject({ existing: { id: successor.body.id }, errors: [{ path: '/phone' }] });
  });
});
