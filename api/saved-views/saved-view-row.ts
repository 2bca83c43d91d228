import type { Condition } from '../../definitions/condition.schema.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import type { SavedView } from './saved-view-bodies.schema.ts';

/** A saved_view row as PostgreSQL returns it (bigints as text). */
export interface SavedViewRow {
  id: string;
  entity: string;
  owner_id: string;
  name: { en: string; 'zh-CN': string };
  columns: string[];
  filter: Condition | null;
  sort: SortLevel[];
  shared_with_roles: string[];
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const savedViewColumns = 'id, entity, owner_id, name, columns, filter, sort, shared_with_roles, created_at, updated_at, version';

export function savedViewOf(row: SavedViewRow, viewerId: number): SavedView {
  return {
    id: Number(row.id),
    entity: row.entity,
    ownerId: Number(row.owner_id),
    name: row.name,
    columns: row.columns,
    filter: row.filter,
    sort: row.sort,
    sharedWithRoles: row.shared_with_roles,
    mine: Number(row.owner_id) === viewerId,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
