import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoleDocument } from '../../definitions/role.schema.ts';
import type { Locale } from '../../engine/validation/problem.ts';
import { boundQuery } from '../database/bound-query.ts';
import { effectiveRole, type EffectiveRole } from '../users/effective-role.ts';
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
 * Session, user and role are read in one query on every request (never cached), so a sign-out, a revoked session or
 * a deactivated user takes effect on the very next request.
 */
export async function loadSignedIn(em: EntityManager, token: string, now: Date = new Date()): Promise<SignedIn | undefined> {
  const [row] = await boundQuery<SignedInRow>(
    em,
    `select s.id as session_id, s.last_seen_at, u.id, u.login, u.display_name, u.email, u.team_id, u.time_zone, u.locale,
            r.document as role_document
     from user_session s
     join app_user u on u.id = s.user_id and u.active
     join role r on r.key = u.role_key
     where s.id = $1 and s.expires_at > $2 and s.last_seen_at > $3`,
    [sessionIdOf(token), now, new Date(now.getTime() - sessionIdleMs)],
  );
  if (row === undefined) return undefined;

  if (now.getTime() - new Date(row.last_seen_at).getTime() >= lastSeenWriteIntervalMs) {
    await em.nativeUpdate(UserSession, { id: row.session_id }, { lastSeenAt: now });
  }
  return {
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
}
