import type { MikroORM } from '@mikro-orm/postgresql';
import { forgetSession } from './session-cache.ts';
import { UserSession } from './session.entity.ts';
import { sessionIdOf } from './session-token.ts';

/**
 * Ends the session the token names; a token that names none is already signed out. This process forgets the session
 * at once; other processes hear of it from the database's notice.
 */
export async function logOut(orm: MikroORM, token: string): Promise<void> {
  const em = orm.em.fork();
  const sessionId = sessionIdOf(token);
  await em.nativeDelete(UserSession, { id: sessionId });
  forgetSession(em, sessionId);
}
