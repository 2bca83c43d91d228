import { sql, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { normalizeLogin } from '../auth/login.command.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CreateUserBody } from './user-bodies.schema.ts';
import { AppUser } from './user.entity.ts';
import { loginTaken, userReferenceProblems } from './user-problems.ts';
import { userView, type UserView } from './user-view.ts';

/** Creates a user who can sign in at once. The password is hashed here and never kept or logged in the clear. */
export async function createUser(orm: MikroORM, body: CreateUserBody, defaultTimeZone: string): Promise<UserView> {
  const em = orm.em.fork();
  const problems = await userReferenceProblems(em, body);
  if (problems.length > 0) throw validationFailed(problems);
  if ((await em.count(AppUser, { [sql.lower('login')]: normalizeLogin(body.login) })) > 0) throw loginTaken(body.login);

  const user = em.create(AppUser, {
    login: body.login,
    displayName: body.displayName,
    email: body.email ?? null,
    passwordHash: await hashPassword(body.password),
    roleKey: body.role,
    teamId: body.teamId ?? null,
    timeZone: body.timeZone ?? defaultTimeZone,
    locale: body.locale ?? 'zh-CN',
    active: true,
    version: 1,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two admins creating the same login at once: the unique index on lower(login) decides, and the loser hears why.
    if (error instanceof UniqueConstraintViolationException) throw loginTaken(body.login);
    throw error;
  }
  return userView(user);
}
