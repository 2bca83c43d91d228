import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { ListEntity } from './list-fields.ts';
import type { LocalizedText } from './me.ts';

/** A saved view as /api/saved-views answers it (docs/lists.md#saved-views). */
export interface SavedView {
  id: number;
  entity: ListEntity;
  ownerId: number;
  name: LocalizedText;
  columns: string[];
  filter: unknown;
  sort: Array<{ fact: string; direction: 'asc' | 'desc' }>;
  sharedWithRoles: string[];
  mine: boolean;
  version: number;
}

export type SavedViewContent = Pick<SavedView, 'name' | 'columns' | 'sort' | 'sharedWithRoles'> & { filter: unknown };

/** A role as GET /api/roles names it: the keys a view may be shared with. */
export interface RoleChoice {
  key: string;
  labels: LocalizedText;
}

export const fetchSavedViews = async (api: ApiClient, entity: ListEntity) =>
  (await api.get<{ items: SavedView[] }>(`/api/saved-views?entity=${entity}&limit=200`)).items;

export const createSavedView = (api: ApiClient, entity: ListEntity, content: SavedViewContent) => {
  const { filter, ...rest } = content;
  return api.post<SavedView>('/api/saved-views', { entity, ...rest, ...(filter === undefined ? {} : { filter }) });
};

export const renameSavedView = (api: ApiClient, view: Pick<SavedView, 'id' | 'version'>, name: LocalizedText) =>
  api.patch<SavedView>(`/api/saved-views/${view.id}`, { version: view.version, name });

export const deleteSavedView = (api: ApiClient, id: number) => api.delete(`/api/saved-views/${id}`);

export const fetchRoles = (api: ApiClient) => api.get<RoleChoice[]>('/api/roles');
