import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, installDemoPeople, seenBodies, signIn } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let admin: string;
let manager: string;
let rep: string;
const newPasswords: string[] = [];

beforeAll(async () => {
  app = await startTestApp('users_admin');
  await installDemoPeople(app);
  [admin, manager, rep] = await Promise.all([signIn(app, 'admin'), signIn(app, 'manager.wang'), signIn(app, 'rep.li')]);
});
afterAll(async () => {
  expect(seenBodies.join('\n')).not.toMatch(/password_?hash|scrypt\$/i);
  for (const password of newPasswords) expect(app.logLines.join('\n')).not.toContain(password);
  await app.close();
});

const userRows = async () => (await app.schema.pool.query('select id, login, role_key, version from app_user order by id')).rows;
const teamIdOf = async (name: string) => (await app.schema.pool.query('select id from team where name = $1', [name])).rows[0].id as string;

function newUser(login: string, overrides: Record<string, unknown> = {}) {
  const password = `pw-${login}-long-enough`;
  newPasswords.push(password);
  return { login, displayName: `User ${login}`, email: `${login}@example.com`, password, role: 'rep', ...overrides };
}

describe('who may see users', () => {
  it('refuses a rep the user list and the team list with 403 problem+json', async () => {
    for (const path of ['/api/users', '/api/teams']) {
      const response = await call(app, 'GET', path, { cookie: rep });
      expect(response.status).toBe(403);
      expect(response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/forbidden' });
    }
  });

  it('shows a manager the users and the team of their own team only', async () => {
    const users = (await call(app, 'GET', '/api/users', { cookie: manager })).json();
    expect(users.map((u: { login: string }) => u.login)).toEqual(['manager.wang', 'rep.li', 'rep.zhang']);
    const teams = (await call(app, 'GET', '/api/teams', { cookie: manager })).json();
    expect(teams).toEqual([expect.objectContaining({ name: '华东销售组' })]);
    const adminId = (await userRows()).find((u) => u.login === 'admin').id;
    expect((await call(app, 'GET', `/api/users/${adminId}`, { cookie: manager })).status).toBe(404);
  });

  it('shows an admin every user, without any password or hash', async () => {
    const response = await call(app, 'GET', '/api/users', { cookie: admin });
    expect(response.status).toBe(200);
    const users = response.json();
    expect(users.map((u: { login: string }) => u.login)).toEqual(expect.arrayContaining(['admin', 'manager.wang', 'rep.li', 'rep.zhang']));
    expect(Object.keys(users[0]).sort()).toEqual(
      ['active', 'createdAt', 'displayName', 'email', 'id', 'locale', 'login', 'role', 'teamId', 'timeZone', 'version'].sort(),
    );
  });

  it('gives anyone signed in every colleague’s name and team, and nothing more', async () => {
    const response = await call(app, 'GET', '/api/people', { cookie: rep });
    expect(response.status).toBe(200);
    const people = response.json();
    const rows = await userRows();
    expect(people.map((person: { id: number }) => String(person.id))).toEqual(rows.map((row) => String(row.id)));
    for (const person of people) expect(Object.keys(person).sort()).toEqual(['active', 'displayName', 'id', 'teamId']);
    expect((await call(app, 'GET', '/api/people')).status).toBe(401);
  });

  it('lists the roles to anyone signed in', async () => {
    const roles = (await call(app, 'GET', '/api/roles', { cookie: rep })).json();
    expect(roles.map((r: { key: string }) => r.key)).toEqual(['admin', 'manager', 'rep']);
  });
});

describe('creating users', () => {
  it('refuses a rep or a manager with 403 and creates nothing', async () => {
    const before = await userRows();
    for (const cookie of [rep, manager]) {
      expect((await call(app, 'POST', '/api/users', { cookie, body: newUser('sneaky') })).status).toBe(403);
    }
    expect(await userRows()).toEqual(before);
  });

  it('lets an admin create a user who can then sign in', async () => {
    const teamId = Number(await teamIdOf('华东销售组'));
    const body = newUser('rep.zhao', { teamId, locale: 'en' });
    const response = await call(app, 'POST', '/api/users', { cookie: admin, body });
    expect(response.status).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({ login: 'rep.zhao', role: 'rep', teamId, locale: 'en', timeZone: 'Asia/Shanghai', active: true, version: 1 });
    expect(response.headers.get('location')).toBe(`/api/users/${created.id}`);
    expect(response.headers.get('etag')).toBe('"1"');

    const cookie = await signIn(app, 'Rep.Zhao', body.password);
    expect((await call(app, 'GET', '/api/me', { cookie })).json()).toMatchObject({ login: 'rep.zhao', team: { id: teamId } });
  });

  it('refuses a login already taken in another case with 409 naming /login', async () => {
    const response = await call(app, 'POST', '/api/users', { cookie: admin, body: newUser('REP.LI') });
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/login-taken', errors: [{ path: '/login' }] });
  });

  it.each([
    ['a password under 10 characters', { password: 'short' }, ['/password']],
    ['an unknown role', { role: 'overlord' }, ['/role']],
    ['an unknown team', { teamId: 999999 }, ['/teamId']],
    ['a time zone that does not exist', { timeZone: 'Mars/Olympus' }, ['/timeZone']],
    ['a malformed email and login', { email: 'not-an-email', login: 'has space' }, ['/email', '/login']],
    ['a field nobody asked for', { isRoot: true }, ['/isRoot']],
  ])('answers %s with 400 problem+json naming the path, and leaves the tables unchanged', async (_what, overrides, paths) => {
    const before = await userRows();
    const response = await call(app, 'POST', '/api/users', { cookie: admin, body: newUser('rep.invalid', overrides) });
    expect(response.status).toBe(400);
    const problem = response.json();
    expect(problem.type).toBe('https://stagecraft.dev/problems/validation');
    expect(problem.errors.map((e: { path: string }) => e.path).sort()).toEqual([...paths].sort());
    expect(await userRows()).toEqual(before);
  });

  it('never answers 5xx, and never half-creates, for arbitrary bodies', async () => {
    const before = await userRows();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            { login: fc.jsonValue(), displayName: fc.string(), password: fc.string({ maxLength: 12 }), role: fc.constantFrom('rep', 'x', 7), teamId: fc.jsonValue() },
            { requiredKeys: [] },
          ),
        ),
        async (body) => {
          const response = await call(app, 'POST', '/api/users', { cookie: admin, body: JSON.stringify(body) });
          expect(response.status, response.text).toBeLessThan(500);
          if (response.status !== 201) expect(await userRows()).toHaveLength(before.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('changing users', () => {
  async function createRep(login: string) {
    return (await call(app, 'POST', '/api/users', { cookie: admin, body: newUser(login) })).json() as { id: number; version: number };
  }

  it('applies a change made from the current version and refuses one from a stale version with 409', async () => {
    const user = await createRep('rep.sun');
    const first = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, headers: { 'if-match': '"1"' }, body: { role: 'manager' } });
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ role: 'manager', version: 2 });
    expect(first.headers.get('etag')).toBe('"2"');

    const stale = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, headers: { 'if-match': '"1"' }, body: { role: 'rep' } });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/stale-version' });
    expect((await userRows()).find((u) => u.login === 'rep.sun')).toMatchObject({ role_key: 'manager', version: 2 });

    const byBody = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { version: 2, displayName: 'Sun Li' } });
    expect(byBody.json()).toMatchObject({ displayName: 'Sun Li', version: 3 });
  });

  it('asks for a version (428) when neither If-Match nor a body version is sent', async () => {
    const user = await createRep('rep.qian');
    const response = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { active: false } });
    expect(response.status).toBe(428);
  });

  it('answers 404 for a user that does not exist or an id that is not one', async () => {
    for (const id of ['999999', 'abc', '1e3']) {
      expect((await call(app, 'PATCH', `/api/users/${id}`, { cookie: admin, body: { version: 1, active: false } })).status).toBe(404);
    }
  });

  it('ends the sessions of a user who is deactivated, and refuses their sign-in', async () => {
    const user = await createRep('rep.zhou');
    const cookie = await signIn(app, 'rep.zhou', `pw-rep.zhou-long-enough`);
    const response = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { version: 1, active: false } });
    expect(response.json()).toMatchObject({ active: false });
    expect((await call(app, 'GET', '/api/me', { cookie })).status).toBe(401);
    expect((await call(app, 'POST', '/api/auth/login', { body: { login: 'rep.zhou', password: 'pw-rep.zhou-long-enough' } })).status).toBe(401);
  });

  it('sets a new password: the old one stops working and the new one signs in', async () => {
    const user = await createRep('rep.wu');
    newPasswords.push('a brand new password');
    await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { version: 1, password: 'a brand new password' } });
    expect((await call(app, 'POST', '/api/auth/login', { body: { login: 'rep.wu', password: 'pw-rep.wu-long-enough' } })).status).toBe(401);
    await signIn(app, 'rep.wu', 'a brand new password');
  });

  it('refuses to demote the last active user who may manage users', async () => {
    const [adminRow] = (await app.schema.pool.query(`select id, version from app_user where login = 'admin'`)).rows;
    const response = await call(app, 'PATCH', `/api/users/${adminRow.id}`, { cookie: admin, body: { version: adminRow.version, role: 'rep' } });
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({ type: 'https://stagecraft.dev/problems/last-user-manager' });
  });

  it('answers a malformed change with 400 naming each path, and leaves the user as it was', async () => {
    const user = await createRep('rep.feng');
    const before = await userRows();
    const response = await call(app, 'PATCH', `/api/users/${user.id}`, {
      cookie: admin,
      body: { version: 1, role: 5, active: 'no', login: 'renamed' },
    });
    expect(response.status).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['/active', '/login', '/role']);
    expect(await userRows()).toEqual(before);
    const nothing = await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: admin, body: { version: 1 } });
    expect(nothing.status).toBe(400);
  });

  it('refuses a rep with 403', async () => {
    const user = await createRep('rep.zheng');
    expect((await call(app, 'PATCH', `/api/users/${user.id}`, { cookie: rep, body: { version: 1, role: 'admin' } })).status).toBe(403);
  });
});

describe('teams', () => {
  it('lets an admin create a team with a manager, and refuses the same name in another case with 409', async () => {
    const managerId = Number((await userRows()).find((u) => u.login === 'manager.wang').id);
    const response = await call(app, 'POST', '/api/teams', { cookie: admin, body: { name: 'North Team', managerId } });
    expect(response.status).toBe(201);
    expect(response.json()).toMatchObject({ name: 'North Team', managerId });
    const again = await call(app, 'POST', '/api/teams', { cookie: admin, body: { name: 'north team' } });
    expect(again.status).toBe(409);
    expect(again.json()).toMatchObject({ errors: [{ path: '/name' }] });
  });

  it('answers a team without a name with 400 naming /name, and creates nothing', async () => {
    const count = async () => (await app.schema.pool.query('select count(*)::int as n from team')).rows[0].n;
    const before = await count();
    for (const body of [{ name: '' }, { name: '   ' }, {}, { name: 'x', colour: 'red' }]) {
      const response = await call(app, 'POST', '/api/teams', { cookie: admin, body });
      expect(response.status).toBe(400);
      expect(response.json().errors[0].path).toMatch(/^\/(name|colour)$/);
    }
    expect(await count()).toBe(before);
  });

  it('refuses an unknown manager with 400 naming /managerId, and a manager creating teams with 403', async () => {
    const unknown = await call(app, 'POST', '/api/teams', { cookie: admin, body: { name: 'Ghost team', managerId: 999999 } });
    expect(unknown.status).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ path: '/managerId' }] });
    expect((await call(app, 'POST', '/api/teams', { cookie: manager, body: { name: 'Own team' } })).status).toBe(403);
  });
});
