import type { ApiClient } from '../../../ui-kit/api/api-client.ts';
import { isApiFailure } from '../../../ui-kit/api/api-failure.ts';
import type { LocalizedText } from './me.ts';

/** The columns of the work line (seed 001, 销售主线): when a stage's customers are due, or that they were reached today. */
export const workLineBuckets = ['today', 'tomorrow', 'thisWeek', 'contactedToday', 'overdue'] as const;
export type WorkLineBucket = (typeof workLineBuckets)[number];

/** One stage of the customer machine, as the work line shows it. */
export interface StageSummary {
  key: string;
  /** From the published definition; absent before the queue endpoint exists (the catalogue names the defaults). */
  label?: LocalizedText;
  color?: string;
  counts: Partial<Record<WorkLineBucket, number>>;
}

/**
 * What the page reads from `GET /api/me/queue`: `{ stages: [{ key, label, color, counts: { today, ... } }] }`,
 * stages in the definition's order. Until a server serves it (404), the work line shows the generic template's
 * five stages with zeros.
 */
export interface WorkQueueSummary {
  available: boolean;
  stages: StageSummary[];
}

/** The generic template's customer stages, reserve → won (definitions/defaults/machines/customer-lifecycle.json). */
export const defaultStageKeys = ['reserve', 'target', 'potential', 'opportunity', 'won'] as const;
export type DefaultStageKey = (typeof defaultStageKeys)[number];

export function isDefaultStageKey(key: string): key is DefaultStageKey {
  return (defaultStageKeys as readonly string[]).includes(key);
}

export const defaultStages = (): StageSummary[] => defaultStageKeys.map((key) => ({ key, counts: {} }));

export async function fetchWorkQueueSummary(api: ApiClient): Promise<WorkQueueSummary> {
  try {
    return { available: true, stages: stagesOfQueueBody(await api.get<unknown>('/api/me/queue')) };
  } catch (error) {
    if (isApiFailure(error, 'not-found')) return { available: false, stages: defaultStages() };
    throw error;
  }
}

/** The stages of a queue body, keeping what has the expected shape and dropping the rest. */
export function stagesOfQueueBody(body: unknown): StageSummary[] {
  const stages = (body as { stages?: unknown } | null)?.stages;
  if (!Array.isArray(stages)) return defaultStages();
  return stages.flatMap((entry: unknown): StageSummary[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { key, label, color, counts } = entry as Record<string, unknown>;
    if (typeof key !== 'string' || key === '') return [];
    const stage: StageSummary = { key, counts: countsOf(counts) };
    if (isLocalizedText(label)) stage.label = label;
    if (typeof color === 'string') stage.color = color;
    return [stage];
  });
}

function countsOf(value: unknown): StageSummary['counts'] {
  const counts: StageSummary['counts'] = {};
  if (typeof value !== 'object' || value === null) return counts;
  for (const bucket of workLineBuckets) {
    const count = (value as Record<string, unknown>)[bucket];
    if (typeof count === 'number' && Number.isInteger(count) && count >= 0) counts[bucket] = count;
  }
  return counts;
}

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).en === 'string' &&
    typeof (value as Record<string, unknown>)['zh-CN'] === 'string'
  );
}
