import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { notFound } from '../http/http-problem.ts';
import { route } from '../http/route-operation.ts';
import { createTeam } from './create-team.command.ts';
import { createUser } from './create-user.command.ts';
import { effectiveRole } from './effective-role.ts';
import { listTeams } from './list-teams.query.ts';
import { findUser, listUsers } from './list-users.query.ts';
import { Role } from './role.entity.ts';
import { updateUser } from './update-user.command.ts';
import { versionRequired } from './user-problems.ts';
import {
  createTeamOperation,
  createUserOperation,
  getUserOperation,
  listRolesOperation,
  listTeamsOperation,
  listPeopleOperation,
  listUsersOperation,
  updateUserOperation,
} from './users.operations.ts';
import { peopleDirectory } from './people-directory.ts';
import { peopleScopeOf } from './visible-users.ts';

export interface UsersRouterSettings {
  /** The time zone a new user gets when none is given (STAGECRAFT_TIME_ZONE). */
  defaultTimeZone: string;
}

/** Users, teams and roles: admins manage them; managers see their own team. */
export function usersRouter(orm: MikroORM, { defaultTimeZone }: UsersRouterSettings): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const manageUsers = requirePermission('mayManageUsers');

  route(router, listUsersOperation, signedIn, async (_input, _request, response) => {
    response.json(await listUsers(orm, peopleScopeOf(signedInOf(response))));
  });

  route(router, listPeopleOperation, signedIn, async (_input, _request, response) => {
    response.json(await peopleDirectory(orm));
  });

  route(router, getUserOperation, signedIn, async ({ params }, _request, response) => {
    const user = await findUser(orm, peopleScopeOf(signedInOf(response)), userId(params.id));
    if (user === undefined) throw noSuchUser(params.id);
    response.set('ETag', `"${user.version}"`).json(user);
  });

  route(router, createUserOperation, signedIn, manageUsers, async ({ body }, _request, response) => {
    const user = await createUser(orm, body, defaultTimeZone);
    response.status(201).location(`/api/users/${user.id}`).set('ETag', `"${user.version}"`).json(user);
  });

  route(router, updateUserOperation, signedIn, manageUsers, async ({ params, body }, request, response) => {
    const id = userId(params.id);
    const version = ifMatchVersion(request) ?? body.version;
    if (version === undefined) throw versionRequired();
    const user = await updateUser(orm, id, version, body);
    response.set('ETag', `"${user.version}"`).json(user);
  });

  route(router, listTeamsOperation, signedIn, async (_input, _request, response) => {
    response.json(await listTeams(orm, peopleScopeOf(signedInOf(response))));
  });

  route(router, createTeamOperation, signedIn, manageUsers, async ({ body }, _request, response) => {
    response.status(201).json(await createTeam(orm, body));
  });

  route(router, listRolesOperation, signedIn, async (_input, _request, response) => {
    const roles = await orm.em.fork().find(Role, {}, { orderBy: { key: 'asc' } });
    response.json(roles.map((role) => effectiveRole(role.document)));
  });

  return router;
}

/** A path id that is not a whole number names no user: 404, like any other user that does not exist. */
function userId(raw: string): number {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : undefined;
  if (id === undefined) throw noSuchUser(raw);
  return id;
}

function noSuchUser(id: unknown) {
  return notFound({ en: `There is no user ${String(id)} that you may see.`, 'zh-CN': `没有您可查看的编号为 ${String(id)} 的用户。` });
}

/** `If-Match: "3"` (or W/"3", or 3) → 3; absent or not a version → undefined. */
function ifMatchVersion(request: Request): number | undefined {
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(request.get('if-match') ?? '');
  return match === null ? undefined : Number(match[1]);
}
