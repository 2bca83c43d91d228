import type { DefinitionChange, MigrationHints } from '../../../engine/diff/definition-change.ts';
import type { TransitionTrace } from '../../../engine/machines/transition-trace.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';
import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import type { ProblemEntry } from '../problems/problem-entry.ts';

/** The definitions API (docs/designer.md, api/definitions/): what the designer reads and writes. */
/** The kinds the designer edits, in the order its list shows them (roles are users' settings, not here). */
export const definitionKinds = ['machine', 'rule', 'queuePolicy', 'routingPolicy', 'leadConversion', 'factCatalogue', 'fieldDefinitions'] as const;
export type DefinitionKind = (typeof definitionKinds)[number];

/** The kinds whose publishing the API can preview against the records (`POST …/impact`). */
const impactKinds = ['machine', 'rule'] as const;
export type ImpactKind = (typeof impactKinds)[number];

export const hasImpactPreview = (kind: DefinitionKind): kind is ImpactKind => (impactKinds as readonly string[]).includes(kind);

export type Localized = Record<Locale, string>;

export interface DefinitionSummary {
  kind: DefinitionKind;
  key: string;
  title: Localized | null;
  latestVersion: number;
  publishedAt: string;
  draft: { revision: number; updatedAt: string; updatedBy: unknown } | null;
}

export interface DraftDocument {
  document: unknown;
  baseVersion: number;
  revision: number;
  updatedAt: string;
  problems: ProblemEntry[];
}

export interface DefinitionDetail {
  kind: DefinitionKind;
  key: string;
  latest: { version: number; document: unknown; publishedAt: string; publishedBy: unknown; note: string | null };
  draft: DraftDocument | null;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: unknown;
  note: string | null;
  source: string | null;
}

export interface MachineImpact {
  kind: 'machine';
  recordsOnOlderVersions: number;
  affectedStates: Array<{ state: string; change: 'removed' | 'renamed' | 'changed'; count: number; sample: Array<{ id: number; name: string }> }>;
  suggestedStateMap: Record<string, string>;
}

export interface RuleImpact {
  kind: 'rule';
  count: number;
  sample: Array<{ id: number; name: string; reason: Localized }>;
}

export interface SimulationStep {
  event: string;
  accepted: boolean;
  from: string;
  to: string;
  refusal?: { path: string; code: string; message: Localized };
  trace: TransitionTrace;
  effects: unknown[];
}

export interface MigrationProgress {
  id: number;
  state: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  error?: string;
}

const base = (kind: DefinitionKind, key: string) => `/api/definitions/${kind}/${encodeURIComponent(key)}`;

export const definitionsApi = (api: ApiClient) => ({
  list: () => api.get<{ items: DefinitionSummary[] }>('/api/definitions'),
  get: (kind: DefinitionKind, key: string) => api.get<DefinitionDetail>(base(kind, key)),
  versions: (kind: DefinitionKind, key: string) => api.get<{ items: VersionSummary[] }>(`${base(kind, key)}/versions`),
  version: (kind: DefinitionKind, key: string, version: number) =>
    api.get<{ version: number; document: unknown }>(`${base(kind, key)}/versions/${version}`),
  saveDraft: (kind: DefinitionKind, key: string, document: unknown, baseVersion: number, revision: number | undefined) =>
    api.put<{ revision: number; updatedAt: string; problems: ProblemEntry[] }>(
      `${base(kind, key)}/draft`,
      { document, baseVersion },
      revision === undefined ? {} : { 'if-match': `"${revision}"` },
    ),
  discardDraft: (kind: DefinitionKind, key: string) => api.delete(`${base(kind, key)}/draft`),
  validate: (kind: DefinitionKind, key: string, document: unknown) =>
    api.post<{ problems: ProblemEntry[] }>(`${base(kind, key)}/validate`, { document }),
  diff: (kind: DefinitionKind, key: string, from: number, to: number | 'draft') =>
    api.get<{ changes: DefinitionChange[]; migration: MigrationHints }>(`${base(kind, key)}/diff?from=${from}&to=${to}`),
  impact: (kind: ImpactKind, key: string, document: unknown) =>
    api.post<MachineImpact | RuleImpact>(`${base(kind, key)}/impact`, { document }),
  simulate: (kind: DefinitionKind, key: string, document: unknown, recordId: number, events: Array<{ type: string }>) =>
    api.post<{ steps: SimulationStep[] }>(`${base(kind, key)}/simulate`, { document, recordId, events }),
  publish: (kind: DefinitionKind, key: string, body: { document: unknown; note?: string; stateMap?: Record<string, string> }) =>
    api.post<{ version: number; migration: { id: number; total: number } | null }>(`${base(kind, key)}/publish`, body),
  migration: (id: number) => api.get<MigrationProgress>(`/api/definitions/migrations/${id}`),
  exportUrl: (kind: DefinitionKind, key: string) => `${base(kind, key)}/export`,
  import: (kind: DefinitionKind, key: string, document: unknown) =>
    api.post<unknown>('/api/definitions/import', { kind, key, document }),
});

export type DefinitionsApi = ReturnType<typeof definitionsApi>;
