import { createHash } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CompiledQuery } from 'kysely';
import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { factByName } from '../../engine/conditions/catalogue-facts.ts';
import { factSqlExpression } from '../../engine/conditions/fact-sql-expression.ts';
import { quoteIdentifier, SqlParameters } from '../../engine/conditions/sql-parameters.ts';
import { conditionLeaves } from '../../engine/lists/condition-leaves.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { recordListCatalogue, type ListedEntity } from './record-list-catalogue.ts';

/** An expression index made for a custom field that shared saved views filter on. */
export interface CustomFieldIndex {
  indexName: string;
  table: string;
  fieldKey: string;
  expression: string;
  reason: { savedViewId: number };
  createdAt: string;
  /** false while PostgreSQL builds it, or if a concurrent build failed and left it unusable. */
  valid: boolean;
}

// The catalogue schema allows these keys only; checked again here because the key is written into DDL text.
const safeKey = /^[A-Za-z0-9_]{1,120}$/;
// A btree serves equality and ranges on these; a yes/no splits a table in two and is not worth an index.
const indexableTypes = new Set(['string', 'enum', 'number', 'date']);

/** `list_customer_cf_<hash>`: stable for a table and key, always a valid identifier within PostgreSQL's 63 bytes. */
function indexNameOf(table: string, key: string): string {
  return `list_${table}_cf_${createHash('sha256').update(`${table}.${key}`).digest('hex').slice(0, 16)}`;
}

/**
 * The custom-field facts a filter uses that an index can serve: each must be a custom field of the entity's
 * catalogue (so of its published field definitions), of an indexable type, with a key of the catalogue's pattern.
 */
function indexableFacts(filter: Condition, catalogue: FactCatalogue): FactDefinition[] {
  const facts = new Map<string, FactDefinition>();
  for (const leaf of conditionLeaves(filter, '')) {
    const fact = factByName(catalogue, leaf.fact);
    if (fact === undefined || fact.source.kind !== 'customField' || !indexableTypes.has(fact.type) || !safeKey.test(fact.source.key)) continue;
    facts.set(fact.source.key, fact);
  }
  return [...facts.values()];
}

// Two saves building the same index at once collide: PostgreSQL aborts one build as a deadlock (40P01), or its
// name check races (23505, 42P07). The loser tries again and finds the index there. (A session advisory lock does
// not help: CREATE INDEX CONCURRENTLY waits for every older snapshot, the lock's waiter's included — a deadlock.)
const collisionCodes = new Set(['40P01', '23505', '42P07']);
const buildAttempts = 3;

async function createIndexConcurrently(em: EntityManager, ddl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await em.getKysely().executeQuery(CompiledQuery.raw(ddl));
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= buildAttempts || typeof code !== 'string' || !collisionCodes.has(code)) throw em.getDriver().convertException(error as Error);
    }
  }
}

/**
 * Creates (concurrently, so the table stays writable) an expression index for every custom field a shared saved
 * view filters on, on exactly the expression the condition compiler writes for that field — the one form the
 * planner can match — and keeps a row per index. Runs outside any transaction: CREATE INDEX CONCURRENTLY must.
 */
export async function indexCustomFieldsOfSharedView(
  orm: MikroORM,
  view: { id: number; entity: ListedEntity; filter: Condition | null; sharedWithRoles: readonly string[] },
): Promise<string[]> {
  if (view.filter === null || view.sharedWithRoles.length === 0) return [];
  const em = orm.em.fork();
  const catalogue = await recordListCatalogue(em, view.entity, true);
  const table = catalogue.table;
  const created: string[] = [];
  for (const fact of indexableFacts(view.filter, catalogue)) {
    const key = (fact.source as { key: string }).key;
    const indexName = indexNameOf(table, key);
    // A custom-field expression binds nothing: its key is a literal (see fact-sql-expression.ts).
    const expression = factSqlExpression(fact, 'instant', quoteIdentifier(table), new SqlParameters(1, undefined)).sql;
    await createIndexConcurrently(em, `create index concurrently if not exists ${quoteIdentifier(indexName)} on ${quoteIdentifier(table)} ((${expression}))`);
    await boundExecute(
      em,
      `insert into list_expression_index (index_name, table_name, field_key, expression, reason)
       values ($1, $2, $3, $4, $5::jsonb) on conflict do nothing`,
      [indexName, table, key, expression, JSON.stringify({ savedViewId: view.id })],
    );
    created.push(indexName);
  }
  return created;
}

/** Every expression index lists made, with whether PostgreSQL can use it now. */
export async function listCustomFieldIndexes(em: EntityManager): Promise<CustomFieldIndex[]> {
  const rows = await boundQuery<{
    index_name: string;
    table_name: string;
    field_key: string;
    expression: string;
    reason: { savedViewId: number };
    created_at: Date | string;
    valid: boolean | null;
  }>(
    em,
    `select x.index_name, x.table_name, x.field_key, x.expression, x.reason, x.created_at, i.indisvalid as valid
     from list_expression_index x
     left join pg_index i on i.indexrelid = to_regclass(quote_ident(x.index_name))
     order by x.table_name, x.field_key`,
  );
  return rows.map((row) => ({
    indexName: row.index_name,
    table: row.table_name,
    fieldKey: row.field_key,
    expression: row.expression,
    reason: row.reason,
    createdAt: new Date(row.created_at).toISOString(),
    valid: row.valid === true,
  }));
}
