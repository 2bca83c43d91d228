import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beginSessionRead, cachedSignedIn, rememberSession, sessionCacheStatus } from '../../api/auth/session-cache.ts';
import { loadSignedIn } from '../../api/auth/signed-in.ts';
import { lastSeenWriteIntervalMs } from '../../api/auth/session-lifetime.ts';
import { sessionIdOf } from '../../api/auth/session-token.ts';
import { call, installDemoPeople, signIn } from '../support/people-fixtures.ts';
import { sessionChangesHeard } from '../support/session-changes-heard.ts';
import { startTestApp, startTestAppBeside, type TestApp } from '../support/test-app.ts';

// Two API processes of one installation: A and B, each with its own ORM, cache and LISTEN connection.
let a: TestApp;
let b: TestApp;
let admin: string;

beforeAll(async () => {
  a = await startTestApp('session_cache');
  b = await startTestAppBeside(a);
  await installDemoPeople(a);
  admin = await signIn(a, 'admin');
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const statusOf = (app: TestApp) => sessionCacheStatus(app.orm.em);
const me = (app: TestApp, cookie: string) => call(app, 'GET', '/api/me', { cookie });
const tokenOf = (cookie: string) => cookie.slice('stagecraft_session='.length);

async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

type Who = string | { login: string; password: string } | { cookie: string };

/**
 * Signs in on `signInOn` (unless given a cookie) and makes sure each of `warm` has the session cached (its cache
 * listening, a request read).
 */
async function cachedSession(who: Who, signInOn: TestApp, ...warm: TestApp[]): Promise<string> {
  const cookie =
    typeof who === 'string' ? await signIn(signInOn, who) : 'cookie' in who ? who.cookie : await signIn(signInOn, who.login, who.password);
  for (const app of warm) {
    // A notice of an earlier change (this test's own SQL, or the test before) could otherwise drop the entry later.
    await sessionChangesHeard(app);
    await me(app, cookie);
    await until('the session cache listens', () => statusOf(app).listening, 5_000);
    expect((await me(app, cookie)).status).toBe(200);
  }
  return cookie;
}

const sessionNoticeTriggers = [
  { table: 'user_session', trigger: 'user_session_session_notice_on_delete' },
  { table: 'user_session', trigger: 'user_session_session_notice_on_update' },
  { table: 'app_user', trigger: 'app_user_session_notice_on_update' },
];

/** Runs `action` with the database's session notices switched off (in this file's schema), so only a local forget can act. */
async function withoutSessionNotices(action: () => Promise<void>): Promise<void> {
  const alter = async (verb: 'enable' | 'disable') => {
    for (const { table, trigger } of sessionNoticeTriggers) await a.schema.pool.query(`alter table ${table} ${verb} trigger ${trigger}`);
  };
  await alter('disable');
  try {
    await action();
  } finally {
    await alter('enable');
  }
}

/** Deletes a session row without the notice: what a cache would miss if it were not kept honest by notices. */
async function deleteSessionUnannounced(cookie: string): Promise<void> {
  await withoutSessionNotices(async () => {
    await a.schema.pool.query('delete from user_session where id = $1', [sessionIdOf(tokenOf(cookie))]);
  });
}

describe('a cached session', () => {
  it('costs no database read: with its row gone unannounced, the warm process still answers while a cold one refuses', async () => {
    const cookie = await cachedSession('rep.li', a, a);
    await deleteSessionUnannounced(cookie);
    expect((await me(a, cookie)).status).toBe(200);
    const cold = await startTestAppBeside(a);
    try {
      expect((await me(cold, cookie)).status).toBe(401);
    } finally {
      await cold.close();
    }
  });
});

describe('another process', () => {
  it('refuses a session signed out on the first within moments', async () => {
    const cookie = await cachedSession('rep.zhang', a, a, b);
    expect((await call(a, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
    await until('B refuses the signed-out session', async () => (await me(b, cookie)).status === 401);
  });

  it('refuses a user deactivated on the first within moments', async () => {
    const leaving = { login: 'leaving.soon', password: 'leaving-soon-password' };
    const created = await call(a, 'POST', '/api/users', { cookie: admin, body: { ...leaving, displayName: 'Leaving Soon', role: 'rep' } });
    expect(created.status).toBe(201);
    const cookie = await cachedSession(leaving, a, b);
    const user = created.json() as { id: number; version: number };
    const patched = await call(a, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { active: false, version: user.version } });
    expect(patched.status).toBe(200);
    await until('B refuses the deactivated user', async () => (await me(b, cookie)).status === 401);
  });

  it('applies a changed role document within moments', async () => {
    const cookie = await cachedSession('rep.li', a, b);
    expect((await me(b, cookie)).json().role.permissions.mayExport).toBe(false);
    await a.schema.pool.query(`update role set document = document || '{"mayExport": true}' where key = 'rep'`);
    try {
      await until('B sees the new permission', async () => (await me(b, cookie)).json().role.permissions.mayExport === true);
    } finally {
      await a.schema.pool.query(`update role set document = document || '{"mayExport": false}' where key = 'rep'`);
    }
  });
});

describe('the same process', () => {
  it('refuses the very next request after a sign-out, without waiting for any notice', async () => {
    const cookie = await cachedSession('rep.zhang', a, a);
    await withoutSessionNotices(async () => {
      expect((await call(a, 'POST', '/api/auth/logout', { cookie })).status).toBe(204);
      expect((await me(a, cookie)).status).toBe(401);
    });
  });

  it('refuses the very next request of a user deactivated through the admin API, without waiting for any notice', async () => {
    const leaving = { login: 'leaving.now', password: 'leaving-now-password' };
    const created = await call(a, 'POST', '/api/users', { cookie: admin, body: { ...leaving, displayName: 'Leaving Now', role: 'rep' } });
    expect(created.status).toBe(201);
    const user = created.json() as { id: number; version: number };
    const cookie = await cachedSession(leaving, a, a);
    await withoutSessionNotices(async () => {
      expect((await call(a, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { active: false, version: user.version } })).status).toBe(200);
      expect((await me(a, cookie)).status).toBe(401);
    });
  });
});

describe('a lost LISTEN connection', () => {
  it('sends every request to the database until it listens again, then caches anew', async () => {
    const stale = await cachedSession('rep.li', a, a);
    const signedOutElsewhere = await cachedSession('rep.zhang', a, a);
    const live = await cachedSession('manager.wang', a, a);
    const lostPid = statusOf(a).listenerBackendPid!;
    await a.schema.pool.query('select pg_terminate_backend($1)', [lostPid]);
    await until('A notices the loss', () => statusOf(a).listenerBackendPid !== lostPid);
    expect(statusOf(a).entries).toBe(0);

    await deleteSessionUnannounced(stale);
    expect((await me(a, stale)).status).toBe(401);
    expect((await call(b, 'POST', '/api/auth/logout', { cookie: signedOutElsewhere })).status).toBe(204);
    expect((await me(a, signedOutElsewhere)).status).toBe(401);
    expect((await me(a, live)).status).toBe(200);

    await until('A listens again', () => statusOf(a).listening, 5_000);
    expect(statusOf(a).listenerBackendPid).not.toBe(lostPid);
    expect((await me(a, live)).status).toBe(200);
    await deleteSessionUnannounced(live);
    expect((await me(a, live)).status).toBe(200);
  });
});

describe('closing an ORM', () => {
  it('ends its LISTEN connection', async () => {
    const other = await startTestAppBeside(a);
    await cachedSession('admin', other, other);
    const pid = statusOf(other).listenerBackendPid;
    expect(pid).toBeDefined();
    await other.close();
    const client = new pg.Client(a.schema.url);
    await client.connect();
    try {
      await until('the backend is gone', async () => (await client.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount === 0);
    } finally {
      await client.end();
    }
  });
});

describe('a read overtaken by a notice', () => {
  it('is not kept: what it read may be what the notice declared stale', async () => {
    const em = a.orm.em.fork();
    const overtaken = await cachedSession('rep.li', a, a);
    const signedIn = (await loadSignedIn(em, tokenOf(overtaken)))!;
    const readId = 'f'.repeat(64);
    const entry = () => ({ signedIn, expiresAt: new Date(Date.now() + 3_600_000), lastSeenAt: new Date() });

    const read = beginSessionRead(em);
    expect((await call(b, 'POST', '/api/auth/logout', { cookie: overtaken })).status).toBe(204);
    await until('A hears the sign-out', () => cachedSignedIn(em, sessionIdOf(tokenOf(overtaken)), new Date()) === undefined);
    rememberSession(read, readId, entry());
    expect(cachedSignedIn(em, readId, new Date())).toBeUndefined();

    rememberSession(beginSessionRead(em), readId, entry());
    expect(cachedSignedIn(em, readId, new Date())).toBe(signedIn);
  });
});

describe('a cached session’s clock', () => {
  it('is served from memory only within the last-seen write interval', async () => {
    const em = a.orm.em.fork();
    const cookie = await cachedSession('manager.wang', a, a);
    const signedInAt = Date.now();
    await deleteSessionUnannounced(cookie);
    const at = (ms: number) => loadSignedIn(em, tokenOf(cookie), new Date(signedInAt + ms));
    expect(await at(30_000)).toBeDefined();
    // Past the interval the database is asked (to restart the idle clock), and it no longer has the session.
    expect(await at(lastSeenWriteIntervalMs + 1_000)).toBeUndefined();
  });

  it('is refused from memory once the absolute expiry has passed', async () => {
    const em = a.orm.em.fork();
    const cookie = await signIn(a, 'manager.wang');
    const sessionId = sessionIdOf(tokenOf(cookie));
    const expiresAt = Date.now() + 20_000;
    await a.schema.pool.query('update user_session set expires_at = $2 where id = $1', [sessionId, new Date(expiresAt)]);
    await cachedSession({ cookie }, a, a);
    // Put off unannounced: the row now says live for a month, so only the cached expiry can refuse it.
    await withoutSessionNotices(async () => {
      await a.schema.pool.query("update user_session set expires_at = now() + interval '30 days' where id = $1", [sessionId]);
    });
    expect(cachedSignedIn(em, sessionId, new Date(expiresAt - 1_000))).toBeDefined();
    expect(cachedSignedIn(em, sessionId, new Date(expiresAt + 1_000))).toBeUndefined();
  });
});
