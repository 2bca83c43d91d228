import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, demoPassword, installDemoPeople, seenBodies, signIn } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
beforeAll(async () => {
  app = await startTestApp('auth_same_origin');
  await installDemoPeople(app);
  admin = await signIn(app, 'admin');
});
afterAll(async () => {
  expect(seenBodies.join('\n')).not.toMatch(/password_?hash|scrypt\$/i);
  await app.close();
});

const teamCount = async () => (await app.schema.pool.query('select count(*)::int as n from team')).rows[0].n as number;

describe('cross-site request forgery', () => {
  it('refuses a signed-in write whose Origin is another site, with 403 problem+json, and changes nothing', async () => {
    const before = await teamCount();
    const response = await call(app, 'POST', '/api/teams', { cookie: admin, origin: 'https://evil.example', body: { name: 'Forged' } });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/cross-origin', status: 403 });
    expect(await teamCount()).toBe(before);
  });

  it('refuses a signed-in write that names no origin at all', async () => {
    const response = await call(app, 'POST', '/api/teams', { cookie: admin, origin: null, body: { name: 'No origin' } });
    expect(response.status).toBe(403);
  });

  it('refuses a Referer from another site when no Origin is sent', async () => {
    const response = await call(app, 'POST', '/api/teams', {
      cookie: admin,
      origin: null,
      headers: { referer: 'https://evil.example/page' },
      body: { name: 'Forged by referer' },
    });
    expect(response.status).toBe(403);
  });

  it('lets a write from the same origin through, by Origin or by Referer', async () => {
    expect((await call(app, 'POST', '/api/teams', { cookie: admin, body: { name: 'Same origin' } })).status).toBe(201);
    const byReferer = await call(app, 'POST', '/api/teams', {
      cookie: admin,
      origin: null,
      headers: { referer: `${app.url}/workspace/teams` },
      body: { name: 'Same origin by referer' },
    });
    expect(byReferer.status).toBe(201);
  });

  it('refuses a cross-site logout, which would otherwise end the victim’s session', async () => {
    const cookie = await signIn(app, 'rep.li');
    expect((await call(app, 'POST', '/api/auth/logout', { cookie, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(200);
  });

  it('checks the Origin of a sign-in when one is sent, and lets a script without one sign in', async () => {
    const body = { login: 'rep.li', password: demoPassword };
    expect((await call(app, 'POST', '/api/auth/login', { body, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(app, 'POST', '/api/auth/login', { body, origin: null })).status).toBe(200);
  });

  it('lets reads through from anywhere', async () => {
    expect((await call(app, 'GET', '/api/me', { cookie: admin, origin: 'https://evil.example' })).status).toBe(200);
  });
});
