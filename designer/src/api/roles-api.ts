import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { Localized } from './definitions-api.ts';

/** A role of the tenant as the designer names it: its key (what definitions hold) and its labels. */
export interface RoleSummary {
  key: string;
  labels: Localized;
}

/** The tenant's roles (`GET /api/roles`, users' settings), for the permission tables and transition role lists. */
export async function listRoles(api: ApiClient): Promise<RoleSummary[]> {
  const roles = await api.get<RoleSummary[]>('/api/roles');
  return roles.map(({ key, labels }) => ({ key, labels }));
}
