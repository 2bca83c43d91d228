import { useApiClient } from '../../../ui-kit/api/use-api-client.ts';
import { useLoaded } from '../../../ui-kit/hooks/use-loaded.ts';

/** A user a routing rule may name: by id (as text, what the form writes) or by login (what templates often write). */
export interface RoutingUser {
  id: string;
  login: string;
  displayName: string;
}

/** The people a routing policy's form offers to tick; empty lists until they load (or if they cannot be read). */
export interface RoutingPeople {
  users: readonly RoutingUser[];
  teams: readonly string[];
}

/**
 * The tenant's active users and its teams (`GET /api/users`, `GET /api/teams`), read only. The studio hands editors
 * the definitions API alone, so this reads through a client of its own; an ended session shows on the page's own
 * calls (the draft's save), so this one need not act on it.
 */
export function useRoutingPeople(): RoutingPeople {
  const api = useApiClient(() => {});
  const users = useLoaded(() => api.get<Array<RoutingUser & { id: number; active: boolean }>>('/api/users'), []);
  const teams = useLoaded(() => api.get<Array<{ name: string }>>('/api/teams'), []);
  return {
    users: (users.value ?? []).filter((user) => user.active).map((user) => ({ id: String(user.id), login: user.login, displayName: user.displayName })),
    teams: (teams.value ?? []).map((team) => team.name),
  };
}

/** The user an entry of a policy names (by id or login), if it is one of `users`. */
export function userNamedBy(users: readonly RoutingUser[], entry: string): RoutingUser | undefined {
  return users.find((user) => user.id === entry || user.login === entry);
}
