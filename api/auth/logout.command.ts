import type { MikroORM } from '@mikro-orm/postgresql';
import { UserSession } from './session.entity.ts';
import { sessionIdOf } from './session-token.ts';

/** Ends the session the token names; a token that names none is already signed out. */
export async function logOut(orm: MikroORM, token: string): Promise<void> {
  await orm.em.fork().nativeDelete(UserSession, { id: sessionIdOf(token) });
}
