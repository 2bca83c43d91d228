import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTemplate } from '../../api/templates/install-template.ts';
import { readDemoUsers, workingDemoLogins } from '../../api/users/demo-users.ts';
import { demoPassword, installDemoPeople } from '../support/people-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const demoUsersFile = path.resolve(import.meta.dirname, '../../seeds/generic/demo-users.json');

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp('demo_users');
  await installDemoPeople(app);
});
afterAll(async () => {
  await app.close();
});

describe('demo users of the generic template', () => {
  it('creates an admin, a manager and two reps in the manager’s team', async () => {
    const { rows } = await app.schema.pool.query(`
      select u.login, u.role_key, t.name as team, t.manager_id = u.id as manages, u.time_zone
      from app_user u left join team t on t.id = u.team_id order by u.login`);
    expect(rows).toEqual([
      { login: 'admin', role_key: 'admin', team: null, manages: null, time_zone: 'Asia/Shanghai' },
      { login: 'manager.wang', role_key: 'manager', team: '华东销售组', manages: true, time_zone: 'Asia/Shanghai' },
      { login: 'rep.li', role_key: 'rep', team: '华东销售组', manages: false, time_zone: 'Asia/Shanghai' },
      { login: 'rep.zhang', role_key: 'rep', team: '华东销售组', manages: false, time_zone: 'Asia/Shanghai' },
    ]);
  });

  it('gives each demo user a hash of its own salt', async () => {
    const { rows } = await app.schema.pool.query('select count(distinct password_hash)::int as n, count(*)::int as total from app_user');
    expect(rows[0].n).toBe(rows[0].total);
  });

  it('lists as working only the demo logins that still sign in with the demo password', async () => {
    const demo = await readDemoUsers(demoUsersFile);
    expect((await workingDemoLogins(app.orm, demo)).map((l) => l.login)).toEqual(['admin', 'manager.wang', 'rep.li', 'rep.zhang']);
    await app.schema.pool.query(`update app_user set active = false where login = 'rep.zhang'`);
    await app.schema.pool.query(`update app_user set password_hash = 'scrypt$1024$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5a2V5' where login = 'rep.li'`);
    expect((await workingDemoLogins(app.orm, demo)).map((l) => l.login)).toEqual(['admin', 'manager.wang']);
    expect(demo.password).toBe(demoPassword);
  });

  it('installs a template once: a second install changes nothing', async () => {
    const before = (await app.schema.pool.query('select count(*)::int as n from app_user')).rows[0].n;
    await installDemoPeople(app);
    expect((await app.schema.pool.query('select count(*)::int as n from app_user')).rows[0].n).toBe(before);
  });

  it('stops with the JSON path when a demo user names a team the file does not define', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-bad-demo-'));
    try {
      const file = path.join(dir, 'demo-users.json');
      await writeFile(file, JSON.stringify({ password: 'long enough pw', users: [{ login: 'x.y', displayName: 'X', role: 'rep', team: 'Nowhere' }] }));
      await expect(readDemoUsers(file)).rejects.toThrow('/users/0/team');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stops with the JSON path when a template role is malformed, and installs nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'stagecraft-bad-role-'));
    try {
      await writeFile(path.join(dir, 'boss.role.json'), JSON.stringify({ key: 'boss', labels: { en: 'Boss' }, visibility: 'everything' }));
      await writeFile(
        path.join(dir, 'template.json'),
        JSON.stringify({
          key: 'bad-roles',
          version: '1.0.0',
          name: { en: 'Bad', 'zh-CN': '坏' },
          description: { en: 'Bad', 'zh-CN': '坏' },
          definitions: [{ kind: 'role', key: 'boss', file: 'boss.role.json' }],
        }),
      );
      await expect(installTemplate(app.orm, dir, { timeZone: 'UTC' })).rejects.toThrow(/\/labels.*\/visibility|\/visibility.*\/labels/);
      expect((await app.schema.pool.query(`select count(*)::int as n from role where key = 'boss'`)).rows[0].n).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
