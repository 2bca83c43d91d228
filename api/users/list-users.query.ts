import type { MikroORM } from '@mikro-orm/postgresql';
import { AppUser } from './user.entity.ts';
import { userView, type UserView } from './user-view.ts';
import { userFilterOf, type PeopleScope } from './visible-users.ts';

/** The users in scope, by login. */
export async function listUsers(orm: MikroORM, scope: PeopleScope): Promise<UserView[]> {
  const users = await orm.em.fork().find(AppUser, userFilterOf(scope), { orderBy: { login: 'asc' } });
  return users.map(userView);
}

/** One user in scope, or undefined when there is none the viewer may see. */
export async function findUser(orm: MikroORM, scope: PeopleScope, id: number): Promise<UserView | undefined> {
  const user = await orm.em.fork().findOne(AppUser, { $and: [{ id }, userFilterOf(scope)] });
  return user === null ? undefined : userView(user);
}
