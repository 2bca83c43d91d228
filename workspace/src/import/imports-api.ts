import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { ApiError, isProblemDocument } from '../../../ui-kit/api/api-failure.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';

/** One column of the file and the customer field it fills (null: left out). */
export interface ColumnMapping {
  header: string;
  target: string | null;
}

export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'finished' | 'cancelled' | 'failed';

/** An import as GET /api/imports/:id shows it (docs/import.md). */
export interface CustomerImport {
  id: number;
  fileName: string;
  headers: string[];
  sampleRows?: Array<Array<string | null>>;
  suggestedMapping?: ColumnMapping[];
  targets?: Array<{ target: string; label: Record<Locale, string> }>;
  mode: 'dryRun' | 'import' | null;
  status: ImportStatus;
  cancelRequested: boolean;
  rowsTotal: number;
  rowsDone: number;
  counts: { created: number; updated: number; skipped: number; rejected: number };
  failure: string | null;
}

export interface ImportChoices {
  mapping: ColumnMapping[];
  stage: string;
  owner: { kind: 'self' } | { kind: 'pool' } | { kind: 'user'; userId: number };
  dedupe: { by: Array<'name' | 'phone' | 'keywords'>; policy: 'skip' | 'update' | 'createAnyway' };
}

export interface MappingTemplate {
  id: number;
  name: string;
  shared: boolean;
  mine: boolean;
  columns: ColumnMapping[];
}

export const isRunning = (status: ImportStatus) => status === 'queued' || status === 'running';

/**
 * Sends the file itself as the body (not JSON): the API client speaks JSON only, so this one call goes through
 * fetch, failing the same way (ApiError with the problem+json in the interface language).
 */
export async function uploadImportFile(file: File, locale: Locale): Promise<CustomerImport> {
  let response: Response;
  try {
    response = await fetch(`/api/imports?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json, application/problem+json', 'accept-language': locale },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError({ kind: 'unreachable' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as CustomerImport;
  throw new ApiError(isProblemDocument(body) ? { kind: 'problem', problem: body } : { kind: 'unexpected', status: response.status });
}

export const fetchImport = (api: ApiClient, id: number) => api.get<CustomerImport>(`/api/imports/${id}`);
export const startImportRun = (api: ApiClient, id: number, mode: 'dryRun' | 'import', choices: ImportChoices) =>
  api.post<CustomerImport>(`/api/imports/${id}/${mode === 'dryRun' ? 'dry-run' : 'start'}`, choices);
export const cancelImportRun = (api: ApiClient, id: number) => api.post<CustomerImport>(`/api/imports/${id}/cancel`);
export const fetchMappingTemplates = async (api: ApiClient) => (await api.get<{ items: MappingTemplate[] }>('/api/import-mappings')).items;
export const saveMappingTemplate = (api: ApiClient, name: string, shared: boolean, columns: ColumnMapping[]) =>
  api.post<MappingTemplate>('/api/import-mappings', { name, shared, columns });

/** A template applied to this file's headers: its target for every header it names, the rest as they were. */
export function applyTemplate(current: readonly ColumnMapping[], template: MappingTemplate): ColumnMapping[] {
  const targets = new Map(template.columns.map((column) => [column.header, column.target]));
  return current.map((column) => (targets.has(column.header) ? { header: column.header, target: targets.get(column.header) ?? null } : column));
}

export const issueReportAddress = (id: number, format: 'xlsx' | 'csv') => `/api/imports/${id}/errors?format=${format}`;
