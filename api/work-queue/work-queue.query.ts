import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { InvalidConditionError } from '../../engine/conditions/index.ts';
import { compileQueueSectionSql, compileQueueSectionsSql, type QueueSectionsRequest } from '../../engine/queues/compile-queue-section-sql.ts';
import { compileQueueStageCountsSql } from '../../engine/queues/compile-queue-stage-counts-sql.ts';
import { decodeQueuePosition, type QueuePosition } from '../../engine/queues/queue-position.ts';
import { QueuePolicyError, queueSortKeys, sectionDueFact, type QueueSortKey } from '../../engine/queues/queue-sort-keys.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { queueDefinitions, type QueueDefinitions } from './queue-definitions.ts';
import { queueItemViews, type PlacedRow, type SectionRow } from './queue-items.ts';
import { queueScopeOf } from './queue-scope.ts';
import { queuePolicyUnusable, unknownQueueSection } from './work-queue-problems.ts';
import type { NextQueueItemQuery, QueueItemView, WorkQueueQuery, WorkQueueView } from './work-queue-view.schema.ts';

type Counts = WorkQueueView['stages'][number]['counts'];

/** A published policy that does not compile against the published catalogues is the operator's to fix: 503. */
async function compiled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueuePolicyError || error instanceof InvalidConditionError) throw queuePolicyUnusable(error.message);
    throw error;
  }
}

function sectionKeys(definitions: QueueDefinitions): (section: string) => QueueSortKey[] {
  return (id) => {
    const section = definitions.policy.sections.find((candidate) => candidate.id === id)!;
    const catalogue = definitions.catalogues[section.entity];
    return catalogue === undefined ? [] : queueSortKeys(definitions.policy, section, catalogue);
  };
}

function positionOf(text: string, definitions: QueueDefinitions, path: string): QueuePosition {
  const decoded = decodeQueuePosition(text, definitions.policy, sectionKeys(definitions), path);
  if ('problems' in decoded) throw validationFailed(decoded.problems);
  return decoded.position;
}

/** One section's rows for the caller, after a position; none for an entity the queue cannot scope. */
async function sectionRows(
  em: EntityManager,
  caller: SignedIn,
  definitions: QueueDefinitions,
  sectionIndex: number,
  options: { now: Date; limit: number; after?: QueuePosition },
): Promise<PlacedRow[]> {
  const { policy } = definitions;
  const section = policy.sections[sectionIndex]!;
  const catalogue = definitions.catalogues[section.entity];
  const scope = queueScopeOf(section.entity, caller.user.id);
  if (catalogue === undefined || scope === undefined) return [];
  const query = compileQueueSectionSql(policy, sectionIndex, catalogue, {
    now: options.now,
    timeZone: caller.user.timeZone,
    scope,
    limit: options.limit,
    ...(options.after === undefined ? {} : { after: options.after }),
  });
  const dueFact = sectionDueFact(policy, section, catalogue);
  const rows = await boundQuery<SectionRow>(em, query.sql, query.params);
  return rows.map((row) => ({ section, keys: query.keys, dueFact, row }));
}

/**
 * Several sections' rows for the caller, by section index, after a position in each; sections of an entity the
 * queue cannot scope have none.
 */
async function sectionsRows(
  em: EntityManager,
  caller: SignedIn,
  definitions: QueueDefinitions,
  sectionIndexes: readonly number[],
  options: { now: Date; limit: number; after?: QueuePosition },
): Promise<Map<number, PlacedRow[]>> {
  const { policy } = definitions;
  const placed = new Map<number, PlacedRow[]>(sectionIndexes.map((index) => [index, []]));
  const requests: QueueSectionsRequest[] = [];
  for (const sectionIndex of sectionIndexes) {
    const section = policy.sections[sectionIndex]!;
    const catalogue = definitions.catalogues[section.entity];
    const scope = queueScopeOf(section.entity, caller.user.id);
    if (catalogue === undefined || scope === undefined) continue;
    requests.push({ sectionIndex, catalogue, scope, limit: options.limit, ...(options.after === undefined ? {} : { after: options.after }) });
  }
  if (requests.length === 0) return placed;
  const dueFacts = new Map(requests.map((request) => [request.sectionIndex, sectionDueFact(policy, policy.sections[request.sectionIndex]!, request.catalogue)]));
  // One statement for every section: the scopes' common tables (the collaborated customers above all) are read once,
  // and the customers with live records of each kind (migration 0017) keep the orders' and opportunities' index probes
  // few. It runs beside the grid's counts.
  const query = compileQueueSectionsSql(policy, requests, { now: options.now, timeZone: caller.user.timeZone });
  for (const row of await boundQuery<SectionRow & { section_index: number }>(em, query.sql, query.params)) {
    const index = row.section_index;
    placed.get(index)!.push({ section: policy.sections[index]!, keys: query.keys.get(index)!, dueFact: dueFacts.get(index)!, row });
  }
  return placed;
}

async function stageCounts(em: EntityManager, caller: SignedIn, definitions: QueueDefinitions, now: Date): Promise<WorkQueueView['stages']> {
  const { policy, catalogues, stages } = definitions;
  const query = compileQueueStageCountsSql(policy, catalogues.customer!, {
    now,
    timeZone: caller.user.timeZone,
    scope: queueScopeOf('customer', caller.user.id)!,
  });
  const rows = await boundQuery<{ stage: string; bucket: string; items: number; contacted: number }>(em, query.sql, query.params);
  const emptyCounts = (): Counts => ({
    ...Object.fromEntries(policy.buckets.map((bucket) => [bucket, 0])),
    contactedToday: 0,
    total: 0,
  });
  const byStage = new Map(stages.map((stage) => [stage.key, { ...stage, counts: emptyCounts() }]));
  for (const row of rows) {
    // A stage an older machine version had and the latest does not still counts, after the declared ones.
    let stage = byStage.get(row.stage);
    if (stage === undefined) {
      stage = { key: row.stage, counts: emptyCounts() };
      byStage.set(row.stage, stage);
    }
    const counts = stage.counts as Record<string, number>;
    if (row.bucket in counts && row.bucket !== 'total' && row.bucket !== 'contactedToday') counts[row.bucket]! += row.items;
    counts.contactedToday! += row.contacted;
    counts.total! += row.items;
  }
  return [...byStage.values()];
}

function sectionIndexOf(policy: QueuePolicy, id: string, path: string): number {
  const index = policy.sections.findIndex((section) => section.id === id);
  if (index < 0) throw validationFailed([unknownQueueSection(path, id, policy.sections.map((section) => section.id))]);
  return index;
}

/**
 * The caller's work queue: the grid's counts per customer stage, and each section of the policy (or the one asked
 * for) with its first `limit` items — or, with a cursor, the next page of the cursor's section. `now` is the clock.
 */
export async function workQueue(orm: MikroORM, caller: SignedIn, query: WorkQueueQuery, now: Date = new Date()): Promise<WorkQueueView> {
  const em = orm.em.fork();
  const definitions = await queueDefinitions(em);
  const { policy } = definitions;
  const limit = query.limit ?? 20;
  const cursor = query.cursor === undefined ? undefined : positionOf(query.cursor, definitions, '/query/cursor');
  if (cursor !== undefined && query.section !== undefined && cursor.section !== query.section) {
    throw validationFailed([unknownQueueSection('/query/section', query.section, [cursor.section])]);
  }
  const only = cursor?.section ?? query.section;
  const indexes = only === undefined ? policy.sections.map((_, index) => index) : [sectionIndexOf(policy, only, '/query/section')];

  return compiled(async () => {
    // The counts and the sections are independent reads: pooled connections answer them side by side.
    const [stages, placedBySection] = await Promise.all([
      stageCounts(em, caller, definitions, now),
      sectionsRows(em, caller, definitions, indexes, { now, limit: limit + 1, ...(cursor === undefined ? {} : { after: cursor }) }),
    ]);
    const pages = indexes.map((index) => placedBySection.get(index)!.slice(0, limit));
    // Every section's customers and records in one read per table, then handed back section by section.
    const views = await queueItemViews(em, caller, definitions, pages.flat());
    const sections: WorkQueueView['sections'] = [];
    let offset = 0;
    indexes.forEach((index, place) => {
      const section = policy.sections[index]!;
      const items = views.slice(offset, offset + pages[place]!.length);
      offset += items.length;
      sections.push({
        id: section.id,
        label: section.label,
        entity: section.entity,
        ...(section.taskKind === undefined ? {} : { taskKind: section.taskKind }),
        items,
        nextCursor: placedBySection.get(index)!.length > limit ? items.at(-1)!.position : null,
      });
    });
    return {
      policy: { id: policy.id, name: policy.name },
      timeZone: caller.user.timeZone,
      buckets: [...policy.buckets],
      stages,
      sections,
    };
  });
}

/**
 * The item after `after` in the whole queue — the rest of its section, then the following sections from their
 * first item — or the very first item without `after`; null at the end.
 */
export async function nextQueueItem(
  orm: MikroORM,
  caller: SignedIn,
  query: NextQueueItemQuery,
  now: Date = new Date(),
): Promise<{ item: QueueItemView | null }> {
  const em = orm.em.fork();
  const definitions = await queueDefinitions(em);
  const { policy } = definitions;
  const after = query.after === undefined ? undefined : positionOf(query.after, definitions, '/query/after');
  const start = after === undefined ? 0 : sectionIndexOf(policy, after.section, '/query/after');
  return compiled(async () => {
    for (let index = start; index < policy.sections.length; index++) {
      const placed = await sectionRows(em, caller, definitions, index, { now, limit: 1, ...(index === start && after !== undefined ? { after } : {}) });
      if (placed.length > 0) return { item: (await queueItemViews(em, caller, definitions, placed))[0]! };
    }
    return { item: null };
  });
}
