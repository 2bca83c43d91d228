import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failuresPerAccount, failuresPerIp } from '../../api/auth/login-throttle.ts';
import { call, demoPassword, installDemoPeople, seenBodies } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('auth_throttle');
  await installDemoPeople(app);
});
// Every call here comes from 127.0.0.1, so each test starts with a clean slate of attempts.
beforeEach(async () => {
  await app.schema.pool.query('delete from login_attempt');
});
afterAll(async () => {
  expect(seenBodies.join('\n')).not.toMatch(/password_?hash|scrypt\$/i);
  await app.close();
});

const logIn = (login: string, password: string) => call(app, 'POST', '/api/auth/login', { body: { login, password } });

describe('sign-in throttling', () => {
  it(`answers 429 with Retry-After after ${failuresPerAccount} failures for one account, even with the right password`, async () => {
    for (let i = 0; i < failuresPerAccount; i++) expect((await logIn('rep.li', `wrong ${i}`)).status).toBe(401);
    const refused = await logIn('rep.li', demoPassword);
    expect(refused.status).toBe(429);
    expect(refused.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/too-many-attempts', status: 429 });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account from the same address is not locked out.
    expect((await logIn('rep.zhang', demoPassword)).status).toBe(200);
  });

  it('counts an unknown login like a known one, so throttling gives away no account', async () => {
    for (let i = 0; i < failuresPerAccount; i++) expect((await logIn('ghost', `wrong ${i}`)).status).toBe(401);
    expect((await logIn('ghost', 'again')).status).toBe(429);
  });

  it('lets the account in again once the oldest failures leave the 15-minute window', async () => {
    for (let i = 0; i < failuresPerAccount; i++) await logIn('rep.li', `wrong ${i}`);
    expect((await logIn('rep.li', demoPassword)).status).toBe(429);
    await app.schema.pool.query(`update login_attempt set attempted_at = attempted_at - interval '16 minutes'`);
    expect((await logIn('rep.li', demoPassword)).status).toBe(200);
  });

  it('keeps refusing while refused attempts do not extend the lock', async () => {
    for (let i = 0; i < failuresPerAccount; i++) await logIn('rep.li', `wrong ${i}`);
    for (let i = 0; i < 3; i++) expect((await logIn('rep.li', 'hammering')).status).toBe(429);
    const { rows } = await app.schema.pool.query(`select count(*)::int as n from login_attempt where outcome in ('pending', 'failed')`);
    expect(rows[0].n).toBe(failuresPerAccount);
  });

  it(`answers 429 after ${failuresPerIp} failures from one address, across accounts`, async () => {
    for (let i = 0; i < failuresPerIp; i++) expect((await logIn(`guess.${i % 5}`, `wrong ${i}`)).status).toBe(401);
    const refused = await logIn('manager.wang', demoPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets no more than the limit through when guesses for one account arrive all at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => logIn('rep.zhang', `parallel ${i}`)));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(failuresPerAccount);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(12 - failuresPerAccount);
  });
});

describe('arbitrary sign-in bodies', () => {
  it('never answer 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ login: fc.jsonValue(), password: fc.jsonValue() }, { requiredKeys: [] }),
          fc.record({ login: fc.string({ maxLength: 300 }), password: fc.string({ maxLength: 40 }) }),
        ),
        async (body) => {
          const response = await call(app, 'POST', '/api/auth/login', { body: JSON.stringify(body) });
          expect(response.status, response.text).toBeLessThan(500);
          expect([400, 401, 429]).toContain(response.status);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('never answer 5xx for bodies that are not JSON at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const response = await call(app, 'POST', '/api/auth/login', { body: text });
        expect(response.status, response.text).toBeLessThan(500);
      }),
      { numRuns: 50 },
    );
  });
});
