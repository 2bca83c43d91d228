import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import type { Locale } from '../../engine/validation/problem.ts';
import { boundQuery } from '../database/bound-query.ts';
import { effectiveRole, type EffectiveRole } from '../users/effective-role.ts';
import { beginSessionRead, cachedSignedIn, rememberSession } from './session-cache.ts';
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

interface SignedInRow {
  session_id: string;
  expires_at: Date;
  last_seen_at: Date;
  id: string | number;
  login: string;
  display_name: string;
  email: string | null;
  team_id: string | number | null;
  time_zone: string;
  locale: Locale;
  role_document: RoleDocument;
}

/**
 * The signed-in user for a session token, or undefined when the session is unknown, past its absolute expiry, idle
 * too long, or its user is deactivated. A live session's idle clock restarts (written at most once a minute).
 *
 * Within that minute a session is served from this process's session cache without a query (session-cache.ts): the
 * database itself announces every sign-out, revoked session, changed or deactivated user and changed role (migration
 * 0018), and this process drops its own sign-outs and user changes before answering them, so each still takes effect
 * on the very next request here and within the notice's delivery (milliseconds) on the other processes. While the
 * cache cannot listen for those notices, every request reads the database. `remember: false` reads without keeping
 * the result (sign-in answers from it): a session enters the cache with its first request, so a change made straight
 * in SQL between sign-in and that request is seen at once.
 */
export async function loadSignedIn(
  em: EntityManager,
  token: string,
  now: Date = new Date(),
  { remember = true }: { remember?: boolean } = {},
): Promise<SignedIn | undefined> {
  const sessionId = sessionIdOf(token);
  const cached = cachedSignedIn(em, sessionId, now);
  if (cached !== undefined) return cached;
  // The ORM's global EntityManager (requireSession passes it, so a cached session costs no fork) reads through a fork.
  if (em.global) return loadSignedIn(em.fork(), token, now, { remember });

  const read = remember ? beginSessionRead(em) : undefined;
  const [row] = await boundQuery<SignedInRow>(
    em,
    `select s.id as session_id, s.expires_at, s.last_seen_at, u.id, u.login, u.display_name, u.email, u.team_id, u.time_zone,
            u.locale, r.document as role_document
     from user_session s
     join app_user u on u.id = s.user_id and u.active
     join role r on r.key = u.role_key
     where s.id = $1 and s.expires_at > $2 and s.last_seen_at > $3`,
    [sessionId, now, new Date(now.getTime() - sessionIdleMs)],
  );
  if (row === undefined) return undefined;

  let lastSeenAt = new Date(row.last_seen_at);
  if (now.getTime() - lastSeenAt.getTime() >= lastSeenWriteIntervalMs) {
    await em.nativeUpdate(UserSession, { id: row.session_id }, { lastSeenAt: now });
    lastSeenAt = now;
  }
  const signedIn: SignedIn = {
    user: {
      id: Number(row.id),
      login: row.login,
      displayName: row.display_name,
      email: row.email ?? null,
      teamId: row.team_id === null ? null : Number(row.team_id),
      timeZone: row.time_zone,
      locale: row.locale,
    },
    role: effectiveRole(row.role_document),
  };
  if (read !== undefined) rememberSession(read, sessionId, { signedIn, expiresAt: new Date(row.expires_at), lastSeenAt });
  return signedIn;
}
