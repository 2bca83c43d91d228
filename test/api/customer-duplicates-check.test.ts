import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let li: string;
let zhang: string;
let hualian: number;

beforeAll(async () => {
  app = await startTestApp('customer_duplicates_check');
  await installGenericTemplate(app);
  [li, zhang] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
  const created = await api(app, 'POST', '/api/customers', { cookie: li, body: { name: '华联超市', phone: '13900001111', keywords: ['华联'] } });
  expect(created.status).toBe(201);
  hualian = created.body.id;
  expect((await api(app, 'POST', '/api/customers', { cookie: zhang, body: { name: '张的客户', phone: '13900002222' } })).status).toBe(201);
});
afterAll(async () => {
  await app?.close();
});

const check = (cookie: string, query: Record<string, string>) => api(app, 'GET', `/api/customers/duplicates?${new URLSearchParams(query)}`, { cookie });

describe('GET /api/customers/duplicates', () => {
  it('finds the customer a new one would duplicate by the keys creating enforces, however it is written', async () => {
    const byName = await check(li, { name: ' 华联 超市 ' });
    expect(byName.status).toBe(200);
    expect(byName.body.matches).toEqual([{ name: true, phone: false, keywords: [], customer: { id: hualian, name: '华联超市' } }]);
    const byPhone = await check(li, { name: '别的名字', phone: '+86 139-0000-1111' });
    expect(byPhone.body.matches).toEqual([{ name: false, phone: true, keywords: [], customer: { id: hualian, name: '华联超市' } }]);
    const byKeyword = await check(li, { keywords: '其他，华联' });
    expect(byKeyword.body.matches).toMatchObject([{ keywords: ['华联'], customer: { id: hualian } }]);
    // What the check finds, creating refuses.
    expect((await api(app, 'POST', '/api/customers', { cookie: li, body: { name: '另一家', phone: '+86 139-0000-1111' } })).status).toBe(409);
  });

  it('reports a customer the caller may not see without naming it', async () => {
    const answer = await check(li, { phone: '139 0000 2222' });
    expect(answer.body.matches).toEqual([{ name: false, phone: true, keywords: [], customer: null }]);
    expect(JSON.stringify(answer.body)).not.toContain('张的客户');
  });

  it('looks for nothing until there is something to look for, and refuses bad parameters by their path', async () => {
    expect((await check(li, {})).body).toEqual({ matches: [] });
    expect((await check(li, { phone: '1390' })).body).toEqual({ matches: [] });
    const tooLong = await check(li, { name: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('/query/name');
    expect((await check(li, { nickname: 'x' })).status).toBe(400);
    expect((await api(app, 'GET', '/api/customers/duplicates?name=x')).status).toBe(401);
  });
});
