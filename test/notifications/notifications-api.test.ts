import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aNotification } from './notification-fixtures.ts';

let app: TestApp;
let li: string;
let zhang: string;
let liId: number;
let zhangId: number;

beforeAll(async () => {
  app = await startTestApp('notifications_api');
  await installGenericTemplate(app);
  [li, zhang] = await Promise.all([signIn(app, 'rep.li'), signIn(app, 'rep.zhang')]);
  [liId, zhangId] = await Promise.all([userIdOf(app, 'rep.li'), userIdOf(app, 'rep.zhang')]);
});
afterAll(async () => {
  await app?.close();
});

const list = (cookie: string, query = '') => api(app, 'GET', `/api/me/notifications${query}`, { cookie });

describe('notifications API', () => {
  it('lists only your own notifications, newest first, with the unread count, a page at a time', async () => {
    const [oldest] = await aNotification(app, [liId]);
    const shared = await aNotification(app, [liId, zhangId]);
    const [newest] = await aNotification(app, [liId]);
    expect(shared).toHaveLength(2);
    const first = await list(li, '?limit=2');
    expect(first.status).toBe(200);
    const [top, next] = first.body.items;
    expect(top.id).toBe(newest);
    expect(shared).toContain(next.id);
    expect(first.body.unreadCount).toBe(3);
    const second = await list(li, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ id: oldest, kind: 'notice', readAt: null, severity: 'info', popup: false, link: null }], nextCursor: null });
    expect(second.body.items[0].title).toEqual({ en: expect.stringMatching(/^Notice /), 'zh-CN': expect.stringMatching(/^通知 /) });

    const theirs = await list(zhang);
    expect(theirs.body.items).toHaveLength(1);
    expect(theirs.body.items[0].id).toBe(shared.find((id) => id !== next.id));
    expect(theirs.body.items[0].title).toEqual(next.title);
  });

  it('writes a notification once per person and source, however often it is delivered', async () => {
    const before = (await list(zhang)).body.unreadCount;
    const once = await aNotification(app, [zhangId], { sourceKey: 'outbox:same-effect' });
    const again = await aNotification(app, [zhangId], { sourceKey: 'outbox:same-effect' });
    expect(once).toHaveLength(1);
    expect(again).toEqual([]);
    expect((await list(zhang)).body.unreadCount).toBe(before + 1);
  });

  it('marks one read (the first time stays), and filters unread ones', async () => {
    const [id] = await aNotification(app, [liId]);
    const read = await api(app, 'POST', `/api/me/notifications/${id}/read`, { cookie: li, body: {} });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, readAt: expect.any(String) });
    const again = await api(app, 'POST', `/api/me/notifications/${id}/read`, { cookie: li, body: {} });
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await list(li, '?unread=true&limit=200');
    expect(unread.body.items.map((n: { id: number }) => n.id)).not.toContain(id);
    expect(unread.body.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    expect(unread.body.unreadCount).toBe(unread.body.items.length);
  });

  it('answers 404 for another person’s notification, reading or marking it, and marks nothing', async () => {
    const [theirs] = await aNotification(app, [zhangId]);
    for (const path of [`/api/me/notifications/${theirs}/read`, '/api/me/notifications/999999/read', '/api/me/notifications/abc/read']) {
      const response = await api(app, 'POST', path, { cookie: li, body: {} });
      expect(response.status, path).toBe(404);
      expect(response.body.type).toBe('https://stagecraft.dev/problems/not-found');
    }
    const { rows } = await app.schema.pool.query('select read_at from notification where id = $1', [theirs]);
    expect(rows).toEqual([{ read_at: null }]);
  });

  it('marks all read up to the newest one shown, leaving one that arrived meanwhile', async () => {
    const shown = await aNotification(app, [liId]);
    const meanwhile = await aNotification(app, [liId]);
    const theirs = await aNotification(app, [zhangId]);
    const marked = await api(app, 'POST', '/api/me/notifications/read-all', { cookie: li, body: { upToId: shown[0] } });
    expect(marked.status).toBe(200);
    expect(marked.body.unreadCount).toBe(1);
    expect(marked.body.marked).toBeGreaterThanOrEqual(1);
    expect((await list(li, '?unread=true')).body.items.map((n: { id: number }) => n.id)).toEqual(meanwhile);
    const all = await api(app, 'POST', '/api/me/notifications/read-all', { cookie: li, body: {} });
    expect(all.body).toEqual({ marked: 1, unreadCount: 0 });
    const { rows } = await app.schema.pool.query('select read_at from notification where id = $1', theirs);
    expect(rows).toEqual([{ read_at: null }]);
  });

  it('refuses bad input with 400 naming each path', async () => {
    const query = await list(li, '?unread=maybe&limit=0&colour=red');
    expect(query.status).toBe(400);
    expect(query.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/query/colour', '/query/limit', '/query/unread']);
    const body = await api(app, 'POST', '/api/me/notifications/read-all', { cookie: li, body: { upToId: 'latest', everything: true } });
    expect(body.status).toBe(400);
    expect(body.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/everything', '/upToId']);
  });

  it('answers 401 without a session, and 406 to a stream request that does not accept event streams', async () => {
    for (const [method, path] of [
      ['GET', '/api/me/notifications'],
      ['GET', '/api/me/notifications/stream'],
      ['POST', '/api/me/notifications/1/read'],
      ['POST', '/api/me/notifications/read-all'],
    ] as const) {
      expect((await api(app, method, path, method === 'POST' ? { body: {} } : {})).status, path).toBe(401);
    }
    const stream = await api(app, 'GET', '/api/me/notifications/stream', { cookie: li, headers: { accept: 'application/json' } });
    expect(stream.status).toBe(406);
    expect(stream.body.type).toBe('https://stagecraft.dev/problems/not-acceptable');
  });
});
