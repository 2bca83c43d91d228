import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp('call-scripts');
  await installGenericTemplate(app);
  for (const login of ['rep.li', 'rep.zhang', 'manager.wang', 'admin']) cookies[login] = await signIn(app, login);
});
afterAll(async () => {
  await app?.close();
});
beforeEach(async () => {
  await app.schema.pool.query('truncate call_script');
});

async function write(login: string, body: Record<string, unknown>) {
  const response = await api(app, 'POST', '/api/call-scripts', { cookie: cookies[login], body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const titlesOf = async (login: string, query = '') => {
  const response = await api(app, 'GET', `/api/call-scripts${query}`, { cookie: cookies[login] });
  expect(response.status).toBe(200);
  return response.body.items.map((script: { title: string }) => script.title);
};

const scriptRows = async () => (await app.schema.pool.query('select count(*)::int as n, coalesce(max(version), 0) as v from call_script')).rows[0];

describe('personal and reference call scripts', () => {
  it('keeps a personal script its owner’s alone', async () => {
    const mine = await write('rep.li', { title: '开场白', body: '您好，我是达盟的李娜……', stages: ['target'], tags: ['开场'] });
    expect(mine).toMatchObject({ kind: 'personal', ownerId: expect.any(Number), stages: ['target'], editable: true, version: 1 });
    expect(await titlesOf('rep.li')).toEqual(['开场白']);
    expect(await titlesOf('rep.zhang')).toEqual([]);
    expect((await api(app, 'GET', `/api/call-scripts/${mine.id}`, { cookie: cookies['rep.zhang'] })).status).toBe(404);
    expect((await api(app, 'PATCH', `/api/call-scripts/${mine.id}`, { cookie: cookies['rep.zhang'], body: { title: '改' } })).status).toBe(404);
    expect((await api(app, 'DELETE', `/api/call-scripts/${mine.id}`, { cookie: cookies['admin'] })).status).toBe(404);
  });

  it('lets managers and administrators keep reference scripts everyone reads, and no rep change them', async () => {
    const before = await scriptRows();
    const refused = await call(app, 'POST', '/api/call-scripts', { cookie: cookies['rep.li'], body: { kind: 'reference', title: '报价', body: '……' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await scriptRows()).toEqual(before);

    const reference = await write('manager.wang', { kind: 'reference', title: '异议处理：价格太高', body: '理解您的顾虑……', stages: ['potential', 'opportunity'] });
    expect(reference).toMatchObject({ kind: 'reference', ownerId: null, editable: true });
    const [seen] = (await api(app, 'GET', '/api/call-scripts', { cookie: cookies['rep.zhang'] })).body.items;
    expect(seen).toMatchObject({ id: reference.id, editable: false });
    expect((await api(app, 'PATCH', `/api/call-scripts/${reference.id}`, { cookie: cookies['rep.zhang'], body: { title: '改' } })).status).toBe(403);
    expect((await api(app, 'DELETE', `/api/call-scripts/${reference.id}`, { cookie: cookies['rep.zhang'] })).status).toBe(403);
    const changed = await api(app, 'PATCH', `/api/call-scripts/${reference.id}`, { cookie: cookies['admin'], body: { version: 1, tags: ['价格'] } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ title: '异议处理：价格太高', tags: ['价格'], version: 2 });
    expect((await api(app, 'DELETE', `/api/call-scripts/${reference.id}`, { cookie: cookies['manager.wang'] })).status).toBe(204);
    expect(await titlesOf('rep.zhang')).toEqual([]);
  });

  it('offers a customer’s stage its own scripts and those for any stage, personal first', async () => {
    await write('manager.wang', { kind: 'reference', title: 'A 通用', body: '……' });
    await write('manager.wang', { kind: 'reference', title: 'B 潜在客户回访', body: '……', stages: ['potential'] });
    await write('rep.li', { title: 'Z 我的目标客户开发', body: '……', stages: ['target'] });
    expect(await titlesOf('rep.li', '?stage=target')).toEqual(['Z 我的目标客户开发', 'A 通用']);
    expect(await titlesOf('rep.li', '?stage=potential')).toEqual(['A 通用', 'B 潜在客户回访']);
    expect(await titlesOf('rep.li', '?kind=reference')).toEqual(['A 通用', 'B 潜在客户回访']);
  });

  it('searches title, body and tags literally', async () => {
    await write('rep.li', { title: '折扣 100%', body: '……' });
    await write('rep.li', { title: '其他', body: '说明售后服务', tags: ['售后'] });
    await write('rep.li', { title: '无关', body: '……' });
    expect(await titlesOf('rep.li', `?q=${encodeURIComponent('100%')}`)).toEqual(['折扣 100%']);
    expect(await titlesOf('rep.li', `?q=${encodeURIComponent('%')}`)).toEqual(['折扣 100%']);
    expect(await titlesOf('rep.li', `?q=${encodeURIComponent('售后')}`)).toEqual(['其他']);
  });
});

describe('bad call script requests', () => {
  const problemPaths = async (method: string, path: string, body: unknown, login = 'rep.li') => {
    const before = await scriptRows();
    const response = await call(app, method, path, { cookie: cookies[login], body });
    expect(response.status, response.text).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(await scriptRows()).toEqual(before);
    return response.json().errors.map((error: { path: string }) => error.path);
  };

  it('names the field at fault and writes nothing', async () => {
    expect(await problemPaths('POST', '/api/call-scripts', { title: '  ', body: '……' })).toEqual(['/title']);
    expect(await problemPaths('POST', '/api/call-scripts', { title: '开场白' })).toContain('/body');
    expect(await problemPaths('POST', '/api/call-scripts', { title: '开场白', body: '……', stages: ['target', 'nowhere'] })).toEqual(['/stages/1']);
    expect(await problemPaths('POST', '/api/call-scripts', { title: '开场白', body: '……', kind: 'shared' })).toEqual(['/kind']);
    expect(await problemPaths('POST', '/api/call-scripts', { title: '开场白', body: '……', ownerId: 3 })).toHaveLength(1);
    const script = await write('rep.li', { title: '开场白', body: '……' });
    expect(await problemPaths('PATCH', `/api/call-scripts/${script.id}`, {})).toHaveLength(1);
    expect(await problemPaths('PATCH', `/api/call-scripts/${script.id}`, { stages: ['Target'] })).toEqual(['/stages/0']);
  });

  it('answers 401 without a session', async () => {
    expect((await call(app, 'GET', '/api/call-scripts')).status).toBe(401);
  });
});

describe('concurrent edits', () => {
  it('lets one of two edits of the same version win and answers the other 409', async () => {
    const script = await write('rep.li', { title: '开场白', body: '……' });
    const edit = (title: string) => api(app, 'PATCH', `/api/call-scripts/${script.id}`, { cookie: cookies['rep.li'], body: { version: 1, title } });
    const answers = await Promise.all([edit('甲'), edit('乙'), edit('丙')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    const winner = answers.find((answer) => answer.status === 200)!.body.title;
    const { rows } = await app.schema.pool.query('select title, version from call_script where id = $1', [script.id]);
    expect(rows[0]).toEqual({ title: winner, version: 2 });
  });
});
