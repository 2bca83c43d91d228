import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { LocalizedText } from './me.ts';

export type ListEntity = 'customer' | 'lead' | 'opportunity' | 'order' | 'ticket';
export type ListFieldType = 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'enum';
export type ValueShape = 'none' | 'single' | 'pair' | 'list';

/** A fact a list may be filtered (and perhaps sorted) by, as GET /api/lists/:entity/fields offers it to the caller. */
export interface ListField {
  name: string;
  type: ListFieldType;
  label: LocalizedText;
  unit?: LocalizedText;
  options?: Array<{ value: string; label: LocalizedText }>;
  operators: string[];
  /** What each of its operators takes as a value: nothing, one value, a low–high pair or a list. */
  valueShapes: Record<string, ValueShape>;
  sortable: boolean;
  access: 'write' | 'read' | 'masked';
}

export const fetchListFields = async (api: ApiClient, entity: ListEntity) => (await api.get<{ fields: ListField[] }>(`/api/lists/${entity}/fields`)).fields;
