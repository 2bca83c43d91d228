import { sql } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AppUser } from '../users/user.entity.ts';
import { admitLoginAttempt, settleLoginAttempt } from './login-throttle.ts';
import { verifyAgainstDummy, verifyPassword } from './password-hash.ts';
import { UserSession } from './session.entity.ts';
import { sessionAbsoluteMs, sessionIdleMs } from './session-lifetime.ts';
import { newSessionToken, sessionIdOf, sha256Hex } from './session-token.ts';

export interface LoginInput {
  login: string;
  password: string;
  ip: string;
  userAgent: string | undefined;
}

export type LoginResult =
  | { outcome: 'signed-in'; token: string; expiresAt: Date; userId: number }
  | { outcome: 'invalid-credentials' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/** The form logins are compared in: case and Unicode composition do not matter. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

/**
 * Checks a login and password and opens a session. Unknown logins, wrong passwords and deactivated accounts take
 * the same path and the same time and end in the same answer.
 */
export async function logIn(orm: MikroORM, input: LoginInput, now: Date = new Date()): Promise<LoginResult> {
  const em = orm.em.fork();
  const login = normalizeLogin(input.login);
  const admission = await admitLoginAttempt(em, sha256Hex(login), input.ip, now);
  if (!admission.admitted) return { outcome: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };

  const user = await em.findOne(AppUser, { [sql.lower('login')]: login }, { populate: ['passwordHash'] });
  const passwordMatches = user === null ? await verifyAgainstDummy(input.password) : await verifyPassword(input.password, user.passwordHash);
  if (user === null || !passwordMatches || !user.active) {
    await settleLoginAttempt(em, admission.attemptId, 'failed', now);
    return { outcome: 'invalid-credentials' };
  }

  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + sessionAbsoluteMs);
  await em.insert(UserSession, {
    id: sessionIdOf(token),
    userId: user.id,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    ip: input.ip.slice(0, 64),
    userAgent: input.userAgent?.slice(0, 400) ?? null,
  });
  await em.nativeDelete(UserSession, {
    userId: user.id,
    $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lte: new Date(now.getTime() - sessionIdleMs) } }],
  });
  await settleLoginAttempt(em, admission.attemptId, 'succeeded', now);
  return { outcome: 'signed-in', token, expiresAt, userId: user.id };
}
