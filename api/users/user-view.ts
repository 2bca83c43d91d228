import type { Locale } from '../../engine/validation/problem.ts';

/** A user as the API shows it. Built field by field, so a new column (a hash, say) never leaks by default. */
export interface UserView {
  id: number;
  login: string;
  displayName: string;
  email: string | null;
  role: string;
  teamId: number | null;
  timeZone: string;
  locale: Locale;
  active: boolean;
  createdAt: string;
  version: number;
}

interface UserRow {
  id: number;
  login: string;
  displayName: string;
  email?: string | null;
  roleKey: string;
  teamId?: number | null;
  timeZone: string;
  locale: Locale;
  active: boolean;
  createdAt: Date;
  version: number;
}

export function userView(user: UserRow): UserView {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    email: user.email ?? null,
    role: user.roleKey,
    teamId: user.teamId ?? null,
    timeZone: user.timeZone,
    locale: user.locale,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
    version: user.version,
  };
}
