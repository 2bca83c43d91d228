import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { LocalizedText } from './me.ts';

export interface FieldOption {
  value: string;
  label: LocalizedText;
}

/** A published custom field as GET /api/fields/:entity gives it to the caller, with the caller's access. */
export interface CustomField {
  key: string;
  type: 'text' | 'number' | 'date' | 'dropdown' | 'autoNumber' | 'phone' | 'email';
  label: LocalizedText;
  description?: LocalizedText;
  required?: boolean;
  access: 'masked' | 'read' | 'write';
  maxLength?: number;
  multiline?: boolean;
  format?: 'url';
  pattern?: string;
  minimum?: number;
  maximum?: number;
  decimals?: number;
  unit?: LocalizedText;
  withTime?: boolean;
  multiple?: boolean;
  options?: FieldOption[];
  cascadeFrom?: string;
  optionsByParent?: Record<string, FieldOption[]>;
}

export const fetchCustomFields = async (api: ApiClient, entity: 'customer' | 'lead' | 'opportunity' | 'order' | 'ticket' | 'contact') =>
  (await api.get<{ fields: CustomField[] }>(`/api/fields/${entity}`)).fields;
