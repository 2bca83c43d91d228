import type { EntityManager } from '@mikro-orm/postgresql';
import defaultQueuePolicy from '../../definitions/defaults/queue-policy.json' with { type: 'json' };
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { QueuePolicy } from '../../definitions/queue-policy.schema.ts';
import { catalogueWithCustomFields } from '../../engine/conditions/index.ts';
import { statesInLayoutOrder } from '../../engine/machines/states-in-layout-order.ts';
import { stageFactOf } from '../../engine/queues/compile-queue-stage-counts-sql.ts';
import { publishedFields, recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { HttpProblem } from '../http/http-problem.ts';

/** A stage of the customer machine as the work line shows it. */
export interface QueueStage {
  key: string;
  label?: LocalizedText;
  color?: string;
}

/** What one queue request compiles against: the policy, each entity's catalogue and fields, the customer stages. */
export interface QueueDefinitions {
  policy: QueuePolicy;
  catalogues: Partial<Record<EntityName, FactCatalogue>>;
  fields: Partial<Record<EntityName, readonly FieldDefinition[]>>;
  stages: QueueStage[];
}

// Published policies never change: each version's document is read once and the same object handed out, so the
// engine reuses its planned conditions. Which version is the latest is kept a moment, as for other definitions
// (published-definitions.ts), so a new policy shows within that time.
const latestTtlMs = 2_000;
const latestVersions = new WeakMap<object, { id: string | undefined; readAt: number }>();
const policyDocuments = new WeakMap<object, Map<string, QueuePolicy>>();

/** Call after publishing a queue policy through `em`'s ORM: the next read of the latest policy goes to the database. */
export function forgetLatestQueuePolicy(em: EntityManager): void {
  latestVersions.delete(em.config);
}

async function latestPolicy(em: EntityManager): Promise<QueuePolicy> {
  let latest = latestVersions.get(em.config);
  if (latest === undefined || Date.now() - latest.readAt >= latestTtlMs) {
    const readAt = Date.now();
    const [row] = await boundQuery<{ id: string }>(
      em,
      "select id::text as id from definition_version where kind = 'queuePolicy' order by published_at desc, id desc limit 1",
    );
    latest = { id: row?.id, readAt };
    latestVersions.set(em.config, latest);
  }
  if (latest.id === undefined) return defaultQueuePolicy as QueuePolicy;
  let documents = policyDocuments.get(em.config);
  if (documents === undefined) {
    documents = new Map();
    policyDocuments.set(em.config, documents);
  }
  let policy = documents.get(latest.id);
  if (policy === undefined) {
    const [row] = await boundQuery<{ document: QueuePolicy }>(em, 'select document from definition_version where id = $1', [latest.id]);
    policy = row!.document;
    documents.set(latest.id, policy);
  }
  return policy;
}

interface EntityDefinitions {
  catalogue: FactCatalogue;
  fields: readonly FieldDefinition[];
  states?: MachineDefinition['states'];
}

/** The entity's published definitions; without a published machine, the built-in catalogue with its fields. */
async function entityDefinitions(em: EntityManager, entity: EntityName): Promise<EntityDefinitions | undefined> {
  try {
    const definitions = await recordDefinitions(em, entity);
    return { catalogue: definitions.catalogue, fields: definitions.fields, states: definitions.machine.document.states };
  } catch (error) {
    if (!(error instanceof HttpProblem && error.status === 503)) throw error;
    const builtIn = defaultFactCatalogues[entity as keyof typeof defaultFactCatalogues] as FactCatalogue | undefined;
    if (builtIn === undefined) return undefined;
    const fields = await publishedFields(em, entity);
    return { catalogue: catalogueWithCustomFields(builtIn, fields), fields };
  }
}

/** The customer stages in the designer's layout order; before any machine is published, the stage fact's options. */
function stagesOf(customer: EntityDefinitions): QueueStage[] {
  if (customer.states !== undefined) {
    return statesInLayoutOrder({ states: customer.states }).map(([key, state]) => ({
      key,
      label: state.label,
      ...(state.color === undefined ? {} : { color: state.color }),
    }));
  }
  return (stageFactOf(customer.catalogue).options ?? []).map((option) => ({ key: option.value, label: option.label }));
}

export async function queueDefinitions(em: EntityManager): Promise<QueueDefinitions> {
  const policy = await latestPolicy(em);
  const entities = new Set<EntityName>(['customer', ...policy.sections.map((section) => section.entity)]);
  const catalogues: QueueDefinitions['catalogues'] = {};
  const fields: QueueDefinitions['fields'] = {};
  let stages: QueueStage[] = [];
  for (const entity of entities) {
    const definitions = await entityDefinitions(em, entity);
    if (definitions === undefined) continue;
    catalogues[entity] = definitions.catalogue;
    fields[entity] = definitions.fields;
    if (entity === 'customer') stages = stagesOf(definitions);
  }
  return { policy, catalogues, fields, stages };
}
