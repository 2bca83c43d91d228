import { readFile } from 'node:fs/promises';
import { sql } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../../engine/validation/schema-validator.ts';
import { normalizeLogin } from '../auth/login.command.ts';
import { hashPassword, verifyPassword } from '../auth/password-hash.ts';
import { demoUsersSchema, type DemoUsers } from './demo-users.schema.ts';
import { Team } from './team.entity.ts';
import { AppUser } from './user.entity.ts';

const checkDemoUsers = compileSchemaCheck(demoUsersSchema);

/** A template's demo-users file, checked; a bad file stops with every problem and its path. */
export async function readDemoUsers(file: string): Promise<DemoUsers> {
  const document: unknown = JSON.parse(await readFile(file, 'utf8'));
  const problems = schemaProblems(checkDemoUsers, document, '');
  if (problems.length === 0) problems.push(...danglingNameProblems(document as DemoUsers));
  if (problems.length > 0) {
    throw new Error(`${file} is not a valid demo-users file: ${problems.map((p) => `${p.path || '/'} ${p.message.en}`).join('; ')}`);
  }
  return document as DemoUsers;
}

function danglingNameProblems(demo: DemoUsers): Problem[] {
  const teamNames = new Set((demo.teams ?? []).map((team) => team.name));
  const logins = new Set(demo.users.map((user) => user.login));
  return [
    ...demo.users.flatMap((user, index) =>
      user.team === undefined || teamNames.has(user.team)
        ? []
        : [problem(pointer('/users', index, 'team'), 'demo.unknownTeam', `No team "${user.team}" in "teams".`, `“teams”中没有“${user.team}”团队。`)],
    ),
    ...(demo.teams ?? []).flatMap((team, index) =>
      team.manager === undefined || logins.has(team.manager)
        ? []
        : [problem(pointer('/teams', index, 'manager'), 'demo.unknownUser', `No user "${team.manager}" in "users".`, `“users”中没有“${team.manager}”用户。`)],
    ),
  ];
}

/** One hash per demo user (each with its own salt), made before the install transaction opens. */
export async function hashDemoPasswords(demo: DemoUsers): Promise<Map<string, string>> {
  const hashes = await Promise.all(demo.users.map(async (user) => [user.login, await hashPassword(demo.password)] as const));
  return new Map(hashes);
}

/** Creates the demo teams and logins that do not exist yet (by name and login, whatever the case); returns how many users. */
export async function createDemoUsers(em: EntityManager, demo: DemoUsers, hashes: Map<string, string>, timeZone: string): Promise<number> {
  const teams = new Map<string, { id: number; managerId?: number | null }>();
  for (const { name } of demo.teams ?? []) {
    const team = (await em.findOne(Team, { [sql.lower('name')]: name.toLowerCase() })) ?? em.create(Team, { name, managerId: null });
    teams.set(name, team);
  }
  await em.flush();

  let created = 0;
  const ids = new Map<string, number>();
  for (const user of demo.users) {
    const existing = await em.findOne(AppUser, { [sql.lower('login')]: normalizeLogin(user.login) });
    if (existing !== null) {
      ids.set(user.login, existing.id);
      continue;
    }
    const row = em.create(AppUser, {
      login: user.login,
      displayName: user.displayName,
      email: user.email ?? null,
      passwordHash: hashes.get(user.login)!,
      roleKey: user.role,
      teamId: user.team === undefined ? null : (teams.get(user.team)?.id ?? null),
      timeZone,
      locale: user.locale ?? 'zh-CN',
      active: true,
      version: 1,
    });
    await em.flush();
    ids.set(user.login, row.id);
    created++;
  }

  for (const { name, manager } of demo.teams ?? []) {
    const team = teams.get(name);
    if (team !== undefined && manager !== undefined && team.managerId == null) team.managerId = ids.get(manager) ?? null;
  }
  await em.flush();
  return created;
}

export interface DemoLogin {
  login: string;
  displayName: string;
  role: string;
}

/** The demo logins that still work with the demo password: the ones worth printing at start. */
export async function workingDemoLogins(orm: MikroORM, demo: DemoUsers): Promise<DemoLogin[]> {
  const logins = demo.users.map((user) => normalizeLogin(user.login));
  const users = await orm.em
    .fork()
    .find(AppUser, { [sql.lower('login')]: { $in: logins }, active: true }, { populate: ['passwordHash'], orderBy: { id: 'asc' } });
  const working = await Promise.all(users.map((user) => verifyPassword(demo.password, user.passwordHash)));
  return users.filter((_, index) => working[index]).map((user) => ({ login: user.login, displayName: user.displayName, role: user.roleKey }));
}
