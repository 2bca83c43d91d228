import type { EntityManager } from '@mikro-orm/postgresql';
import type { Locale } from '../../engine/validation/problem.ts';
import { effectiveRole, type EffectiveRole } from '../users/effective-role.ts';
import { Role } from '../users/role.entity.ts';
import { AppUser } from '../users/user.entity.ts';
import { UserSession } from './session.entity.ts';
import { lastSeenWriteIntervalMs, sessionIdleMs } from './session-lifetime.ts';
import { sessionIdOf } from './session-token.ts';

/** Who is making the request, and what their role lets them do. */
export interface SignedIn {
  user: {
    id: number;
    login: string;
    displayName: string;
    email: string | null;
    teamId: number | null;
    timeZone: string;
    locale: Locale;
  };
  role: EffectiveRole;
}

/**
 * The signed-in user for a session token, or undefined when the session is unknown, past its absolute expiry, idle
 * too long, or its user is deactivated. A live session's idle clock restarts (written at most once a minute).
 */
export async function loadSignedIn(em: EntityManager, token: string, now: Date = new Date()): Promise<SignedIn | undefined> {
  const session = await em.findOne(UserSession, {
    id: sessionIdOf(token),
    expiresAt: { $gt: now },
    lastSeenAt: { $gt: new Date(now.getTime() - sessionIdleMs) },
  });
  if (session === null) return undefined;
  const user = await em.findOne(AppUser, { id: session.userId, active: true });
  if (user === null) return undefined;
  const role = await em.findOne(Role, { key: user.roleKey });
  if (role === null) return undefined;

  if (now.getTime() - session.lastSeenAt.getTime() >= lastSeenWriteIntervalMs) {
    await em.nativeUpdate(UserSession, { id: session.id }, { lastSeenAt: now });
  }
  return {
    user: {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      email: user.email ?? null,
      teamId: user.teamId ?? null,
      timeZone: user.timeZone,
      locale: user.locale,
    },
    role: effectiveRole(role.document),
  };
}
