import type { ApiClient } from '../../../ui-kit/api/api-client.ts';

/** A call script (话术) as GET /api/call-scripts answers it (api/call-scripts/call-script-bodies.schema.ts). */
export interface CallScript {
  id: number;
  kind: 'personal' | 'reference';
  ownerId: number | null;
  title: string;
  body: string;
  stages: string[];
  tags: string[];
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NewCallScript {
  title: string;
  body: string;
  stages?: string[];
  tags?: string[];
}

/** The scripts for a customer stage (and those for any stage), the person's own first. */
export function fetchCallScripts(api: ApiClient, query: { stage?: string; q?: string }): Promise<{ items: CallScript[] }> {
  const search = new URLSearchParams();
  if (query.stage !== undefined) search.set('stage', query.stage);
  if (query.q !== undefined && query.q.trim() !== '') search.set('q', query.q.trim());
  return api.get<{ items: CallScript[] }>(`/api/call-scripts?${search}`);
}

/** A personal script of the signed-in person. */
export const createCallScript = (api: ApiClient, script: NewCallScript) => api.post<CallScript>('/api/call-scripts', { kind: 'personal', ...script });

/** Changes a script's text, from the version on screen: a change made meanwhile answers 409 `stale-version`. */
export const updateCallScript = (api: ApiClient, script: Pick<CallScript, 'id' | 'version'>, text: { title: string; body: string }) =>
  api.patch<CallScript>(`/api/call-scripts/${script.id}`, { ...text, version: script.version });
