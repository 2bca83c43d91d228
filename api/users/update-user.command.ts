import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import { hashPassword } from '../auth/password-hash.ts';
import { forgetSessionsOfUser } from '../auth/session-cache.ts';
import { UserSession } from '../auth/session.entity.ts';
import { notFound, validationFailed } from '../http/http-problem.ts';
import { problem } from '../../engine/validation/problem.ts';
import { Role } from './role.entity.ts';
import type { UpdateUserBody } from './user-bodies.schema.ts';
import { AppUser } from './user.entity.ts';
import { lastUserManager, staleVersion, userReferenceProblems } from './user-problems.ts';
import { userView, type UserView } from './user-view.ts';

/**
 * Changes a user made from `expectedVersion`; a change from an older version is refused (409) rather than
 * overwriting. Deactivating a user or setting a new password ends that user's sessions. Once committed, this process
 * forgets the user's cached sessions, so their next request here sees the change without waiting for the notice.
 */
export async function updateUser(orm: MikroORM, id: number, expectedVersion: number, body: UpdateUserBody): Promise<UserView> {
  const { version: _version, password, role, ...fields } = body;
  if (password === undefined && role === undefined && Object.keys(fields).length === 0) {
    throw validationFailed([problem('', 'user.nothingToChange', 'Name at least one field to change.', '请至少指定一项要修改的内容。')]);
  }
  const problems = await userReferenceProblems(orm.em.fork(), body);
  if (problems.length > 0) throw validationFailed(problems);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);

  const updated = await orm.em.fork().transactional(async (em) => {
    const mayRemoveUserManagement = role !== undefined || fields.active === false;
    // One change of who manages users at a time, so two admins cannot demote each other into having none.
    if (mayRemoveUserManagement) await boundQuery(em, 'select pg_advisory_xact_lock(hashtext($1))', ['stagecraft:user-managers']);
    const user = await em.findOne(AppUser, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (user === null) throw notFound({ en: `There is no user ${id}.`, 'zh-CN': `没有编号为 ${id} 的用户。` });
    if (user.version !== expectedVersion) throw staleVersion(user.version);

    if (mayRemoveUserManagement) {
      const managerRoles = (await em.find(Role, {})).filter((r) => r.document.mayManageUsers === true).map((r) => r.key);
      const staysManager = (fields.active ?? user.active) && managerRoles.includes(role ?? user.roleKey);
      if (user.active && managerRoles.includes(user.roleKey) && !staysManager) {
        const others = await em.count(AppUser, { id: { $ne: id }, active: true, roleKey: { $in: managerRoles } });
        if (others === 0) throw lastUserManager();
      }
    }

    await em.nativeUpdate(
      AppUser,
      { id },
      {
        ...fields,
        ...(role === undefined ? {} : { roleKey: role }),
        ...(passwordHash === undefined ? {} : { passwordHash }),
        version: expectedVersion + 1,
      },
    );
    if (fields.active === false || passwordHash !== undefined) await em.nativeDelete(UserSession, { userId: id });
    return userView(await em.findOneOrFail(AppUser, { id }, { refresh: true }));
  });
  forgetSessionsOfUser(orm.em, id);
  return updated;
}
