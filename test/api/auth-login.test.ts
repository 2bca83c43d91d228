import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/http/create-app.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { call, demoPassword, installDemoPeople, seenBodies, sessionCookieOf, signIn } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('auth_login');
  await installDemoPeople(app);
});
afterAll(async () => {
  expect(seenBodies.join('\n')).not.toMatch(/password_?hash|scrypt\$/i);
  expect(app.logLines.join('\n')).not.toContain(demoPassword);
  await app.close();
});

const tokenOf = (cookie: string) => cookie.slice('stagecraft_session='.length);

describe('signing in', () => {
  it('sets an HTTP-only, SameSite=Strict session cookie and answers who signed in', async () => {
    const response = await call(app, 'POST', '/api/auth/login', { body: { login: 'rep.li', password: demoPassword } });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^stagecraft_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    expect(response.json()).toMatchObject({
      login: 'rep.li',
      displayName: '李娜 Li Na',
      team: { name: '华东销售组' },
      role: { key: 'rep', visibility: 'own', claimQuotaPerDay: 20, permissions: { mayManageUsers: false, mayExport: false } },
    });
  });

  it('lets /api/me answer with the session cookie', async () => {
    const cookie = await signIn(app, 'manager.wang');
    const me = await call(app, 'GET', '/api/me', { cookie });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ login: 'manager.wang', role: { key: 'manager', visibility: 'team', permissions: { mayReassign: true } } });
  });

  it('accepts the login in any case', async () => {
    const response = await call(app, 'POST', '/api/auth/login', { body: { login: 'REP.Zhang', password: demoPassword } });
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ login: 'rep.zhang' });
  });

  it('answers a wrong password and an unknown login with the same 401', async () => {
    const attempt = async (login: string) => ({
      response: await call(app, 'POST', '/api/auth/login', { body: { login, password: 'not the password' } }),
    });
    const wrong = await attempt('rep.zhang');
    const unknown = await attempt('nobody.here');
    expect(wrong.response.status).toBe(401);
    expect(unknown.response.status).toBe(401);
    expect(unknown.response.text).toBe(wrong.response.text);
    expect(wrong.response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(wrong.response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/invalid-credentials', detail: 'The login or the password is wrong.' });
    expect(sessionCookieOf(wrong.response.headers)).toBeUndefined();
  });

  it('never stores the token: the session row is keyed by its SHA-256', async () => {
    const cookie = await signIn(app, 'rep.li');
    const token = tokenOf(cookie);
    const { rows } = await app.schema.pool.query('select * from user_session');
    expect(rows.map((row) => row.id)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('marks the cookie Secure when the request came over https (through a trusted proxy)', async () => {
    const server = createApp({
      orm: app.orm,
      logger: createLogger('error', () => {}),
      settings: { allowedOrigins: [], trustProxy: ['loopback'], timeZone: 'Asia/Shanghai' },
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ login: 'rep.li', password: demoPassword }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.getSetCookie().join()).toMatch(/; Secure/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

describe('sessions', () => {
  it('answers /api/me with 401 problem+json without a cookie, or with one that names no session', async () => {
    for (const cookie of [undefined, 'stagecraft_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'stagecraft_session=%00']) {
      const response = await call(app, 'GET', '/api/me', { cookie });
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/unauthenticated', status: 401 });
    }
  });

  it('ends the session at logout, so the old cookie no longer signs in', async () => {
    const cookie = await signIn(app, 'rep.zhang');
    const logout = await call(app, 'POST', '/api/auth/logout', { cookie });
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().join()).toMatch(/^stagecraft_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
    const hash = createHash('sha256').update(tokenOf(cookie)).digest('hex');
    expect((await app.schema.pool.query('select 1 from user_session where id = $1', [hash])).rowCount).toBe(0);
  });

  it('refuses a session past its absolute expiry', async () => {
    const cookie = await signIn(app, 'rep.li');
    const hash = createHash('sha256').update(tokenOf(cookie)).digest('hex');
    await app.schema.pool.query(`update user_session set expires_at = now() - interval '1 second' where id = $1`, [hash]);
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('refuses a session idle for more than 12 hours, and keeps a session in use alive', async () => {
    const idle = await signIn(app, 'rep.li');
    const busy = await signIn(app, 'rep.li');
    const hashOf = (cookie: string) => createHash('sha256').update(tokenOf(cookie)).digest('hex');
    await app.schema.pool.query(`update user_session set last_seen_at = now() - interval '13 hours' where id = $1`, [hashOf(idle)]);
    await app.schema.pool.query(`update user_session set last_seen_at = now() - interval '11 hours' where id = $1`, [hashOf(busy)]);
    expect((await call(app, 'GET', '/api/me', { cookie: idle })).status).toBe(401);
    expect((await call(app, 'GET', '/api/me', { cookie: busy })).status).toBe(200);
    const { rows } = await app.schema.pool.query(`select now() - last_seen_at < interval '1 minute' as fresh from user_session where id = $1`, [hashOf(busy)]);
    expect(rows[0].fresh).toBe(true);
  });

  it('refuses the sessions of a deactivated user and the login of one', async () => {
    const cookie = await signIn(app, 'rep.zhang');
    await app.schema.pool.query(`update app_user set active = false where login = 'rep.zhang'`);
    try {
      expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
      const login = await call(app, 'POST', '/api/auth/login', { body: { login: 'rep.zhang', password: demoPassword } });
      expect(login.status).toBe(401);
      expect(login.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/invalid-credentials' });
    } finally {
      await app.schema.pool.query(`update app_user set active = true where login = 'rep.zhang'`);
    }
  });
});

describe('the login body', () => {
  it.each([
    [{ login: 'rep.li' }, '/password'],
    [{ login: 42, password: 'x' }, '/login'],
    [{ login: 'rep.li', password: '' }, '/password'],
    [{ login: 'rep.li', password: 'x', remember: true }, '/remember'],
    [['rep.li', 'x'], ''],
  ])('answers %j with 400 problem+json naming %j', async (body, path) => {
    const response = await call(app, 'POST', '/api/auth/login', { body });
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({
      type: 'https://stagecraft.dev/problems/validation',
      errors: [{ path, message: expect.any(String) }],
    });
  });
});
