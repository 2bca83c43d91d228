import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { FieldDefinition, FieldDefinitions } from '../../definitions/field-definitions.schema.ts';
import type { MachineDefinition } from '../../definitions/machine.schema.ts';
import { catalogueWithCustomFields } from '../../engine/conditions/index.ts';
import { catalogueWithMachineStates } from '../../engine/machines/index.ts';
import { HttpProblem } from '../http/http-problem.ts';

/** The definitions a record of an entity runs on: its machine version, its field definitions, its fact catalogue. */
export interface RecordDefinitions {
  machine: { key: string; version: number; document: MachineDefinition };
  fields: readonly FieldDefinition[];
  /** The published catalogue with the custom fields and the machine's states: what guards are evaluated against. */
  catalogue: FactCatalogue;
}

interface VersionRow {
  id: number;
  key: string;
  version: number;
}

// Published versions never change, so a version's row and document are read once per database (per ORM
// configuration) and the same object is handed out after that; the engine compiles a machine once per object.
const versionCaches = new WeakMap<object, Map<string, VersionRow>>();
const documentCaches = new WeakMap<object, Map<string, unknown>>();
const bundleCaches = new WeakMap<object, Map<string, RecordDefinitions>>();
// Which version is the latest does change (a template install publishes new ones), so that pointer is only kept for
// a moment: a publish in this process clears it at once (forgetLatestVersions), one in another process shows within
// this long. Hot paths such as firing events would otherwise read it several times a request.
const latestVersionTtlMs = 2_000;
const latestCaches = new WeakMap<object, Map<string, { row: VersionRow | undefined; readAt: number }>>();

function cacheOf<T>(caches: WeakMap<object, Map<string, T>>, em: EntityManager): Map<string, T> {
  let cache = caches.get(em.config);
  if (cache === undefined) {
    cache = new Map();
    caches.set(em.config, cache);
  }
  return cache;
}

async function documentOf<T>(em: EntityManager, row: VersionRow): Promise<T> {
  const cache = cacheOf(documentCaches, em);
  const cached = cache.get(String(row.id));
  if (cached !== undefined) return cached as T;
  const [loaded] = await boundQuery<{ document: T }>(em, 'select document from definition_version where id = $1', [row.id]);
  cache.set(String(row.id), loaded!.document);
  return loaded!.document;
}

async function latestVersion(em: EntityManager, kind: string, key: string): Promise<VersionRow | undefined> {
  const cache = cacheOf(latestCaches, em);
  const cacheKey = `${kind}:${key}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined && Date.now() - cached.readAt < latestVersionTtlMs) return cached.row;
  const readAt = Date.now();
  const rows = await boundQuery<VersionRow>(
    em,
    'select id::int as id, key, version from definition_version where kind = $1 and key = $2 order by version desc limit 1',
    [kind, key],
  );
  cache.set(cacheKey, { row: rows[0], readAt });
  return rows[0];
}

async function machineVersion(em: EntityManager, ref: { key: string; version: number }): Promise<VersionRow | undefined> {
  const cache = cacheOf(versionCaches, em);
  const cacheKey = `${ref.key}@${ref.version}`;
  const cached = cache.get(cacheKey);
  if (cached !== undefined) return cached;
  const [row] = await boundQuery<VersionRow>(
    em,
    "select id::int as id, key, version from definition_version where kind = 'machine' and key = $1 and version = $2",
    [ref.key, ref.version],
  );
  if (row !== undefined) cache.set(cacheKey, row);
  return row;
}

/**
 * SQL for the machine a new record of an entity starts on (one row: id, key, version; `entity` is the placeholder of
 * the bound entity name), for statements that read it along with other things and pass it to recordDefinitions.
 */
export const latestMachineSql = (entity: string) => `select id::int as id, key, version from definition_version
     where kind = 'machine' and document->>'entity' = ${entity} order by published_at desc, id desc limit 1`;

// Read every time: a new record starts on the machine published last, even one published a moment ago.
async function latestMachine(em: EntityManager, entity: EntityName): Promise<VersionRow | undefined> {
  const [row] = await boundQuery<VersionRow>(em, latestMachineSql('$1'), [entity]);
  return row;
}

/** Call after publishing definitions through `em`'s ORM: the next read of a latest version goes to the database. */
export function forgetLatestVersions(em: EntityManager): void {
  latestCaches.delete(em.config);
}

function noMachinePublished(entity: EntityName): HttpProblem {
  return new HttpProblem(
    503,
    'definitions-missing',
    { en: 'Not set up yet', 'zh-CN': '尚未配置' },
    {
      en: `No ${entity} machine is published yet. An administrator installs a template (or publishes a machine) first.`,
      'zh-CN': `尚未发布任何${entity}流程定义。请管理员先安装模板（或发布流程定义）。`,
    },
  );
}

/**
 * The definitions for a record of `entity`: the machine version it runs on when given (records keep theirs after a
 * new version is published), otherwise the latest published machine for the entity; the latest field definitions
 * and fact catalogue (the built-in default when none is published).
 */
export async function recordDefinitions(
  em: EntityManager,
  entity: EntityName,
  machineRef?: { key: string; version: number },
): Promise<RecordDefinitions> {
  const machineRow = machineRef === undefined ? await latestMachine(em, entity) : await machineVersion(em, machineRef);
  if (machineRow === undefined) throw noMachinePublished(entity);
  const [fieldsRow, catalogueRow] = [await latestVersion(em, 'fieldDefinitions', entity), await latestVersion(em, 'factCatalogue', entity)];

  const bundleKey = `${machineRow.id}:${fieldsRow?.id ?? '-'}:${catalogueRow?.id ?? '-'}`;
  const bundles = cacheOf(bundleCaches, em);
  const cached = bundles.get(bundleKey);
  if (cached !== undefined) return cached;

  const machine = await documentOf<MachineDefinition>(em, machineRow);
  const fields = fieldsRow === undefined ? [] : (await documentOf<FieldDefinitions>(em, fieldsRow)).fields;
  const published = catalogueRow === undefined ? undefined : await documentOf<FactCatalogue>(em, catalogueRow);
  const baseCatalogue = published ?? defaultFactCatalogues[entity as keyof typeof defaultFactCatalogues];
  const withFields = catalogueWithCustomFields(baseCatalogue, fields);
  const bundle: RecordDefinitions = {
    machine: { key: machineRow.key, version: machineRow.version, document: machine },
    fields,
    catalogue: catalogueWithMachineStates(withFields, machine),
  };
  bundles.set(bundleKey, bundle);
  return bundle;
}

/** The latest field definitions of an entity that has no machine (contacts): empty when none are published. */
export async function publishedFields(em: EntityManager, entity: EntityName): Promise<readonly FieldDefinition[]> {
  const row = await latestVersion(em, 'fieldDefinitions', entity);
  return row === undefined ? [] : (await documentOf<FieldDefinitions>(em, row)).fields;
}
