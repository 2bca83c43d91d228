import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import { catalogueWithCustomFields } from '../../engine/conditions/catalogue-with-custom-fields.ts';
import { compileConditionToPredicate } from '../../engine/conditions/compile-condition-to-predicate.ts';
import { compileConditionToSql } from '../../engine/conditions/compile-condition-to-sql.ts';
import { compileFactRowSelect } from '../../engine/conditions/compile-fact-row-select.ts';
import { buildRulesEngineEvaluator } from '../../engine/conditions/evaluate-with-rules-engine.ts';
import type { FactRow } from '../../engine/conditions/read-fact-value.ts';
import { validateCondition } from '../../engine/conditions/validate-condition.ts';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';
import { conditionArbitrary } from './condition-differential.conditions.ts';
import { recordBatchArbitrary, type RecordBatch } from './condition-differential.records.ts';

/**
 * The differential test: random conditions over the customer catalogue (with custom fields), random records put
 * into a real PostgreSQL table, and three judges — the SQL fragment, the compiled closure and json-rules-engine —
 * that must pick the same ids. Each run is one record set judged by `conditionsPerRun` conditions; raise the number
 * of runs with STAGECRAFT_PROPERTY_RUNS.
 */
const conditionsPerRun = 20;
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 30);

const catalogue: FactCatalogue = catalogueWithCustomFields(defaultFactCatalogues.customer, [
  { key: 'region', type: 'text', label: { en: 'region', 'zh-CN': '区域' } },
  { key: 'budget', type: 'number', label: { en: 'budget', 'zh-CN': '预算' } },
  { key: 'vip', type: 'boolean', label: { en: 'VIP', 'zh-CN': '贵宾' } },
  { key: 'visitOn', type: 'date', label: { en: 'visit day', 'zh-CN': '拜访日' } },
  {
    key: 'tier',
    type: 'dropdown',
    label: { en: 'tier', 'zh-CN': '等级' },
    options: [
      { value: 'gold', label: { en: 'gold', 'zh-CN': '金' } },
      { value: 'silver', label: { en: 'silver', 'zh-CN': '银' } },
    ],
  },
]);

// call_count is an integer column so both forms node-postgres returns numbers in (number, numeric text) are judged.
const columnTypes: Record<string, string> = {
  string: 'text',
  enum: 'text',
  number: 'numeric(14, 2)',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
};

/** The entity table and the related tables, with the columns the catalogue's sources name. */
function tableDefinitions(c: FactCatalogue): string[] {
  const columns = new Map<string, string>([
    ['id', 'integer primary key'],
    ['custom_fields', 'jsonb'],
  ]);
  const related: string[] = [];
  for (const fact of c.facts) {
    const s = fact.source;
    if (s.kind === 'column') columns.set(s.column, s.column === 'call_count' ? 'integer' : (columnTypes[fact.type] ?? 'text'));
    if (s.kind === 'daysSince') columns.set(s.column, 'timestamptz');
    if (s.kind === 'countToday') {
      related.push(`create table ${s.table} (${s.match.column} text, ${s.filter?.column ?? 'kind'} text, ${s.timestampColumn} timestamptz)`);
    }
    if (s.kind === 'exists') related.push(`create table ${s.table} (${s.match.column} integer, ${s.filter?.column ?? 'kind'} text)`);
  }
  const entity = `create table ${c.table} (${[...columns].map(([name, type]) => `${name} ${type}`).join(', ')})`;
  return [entity, ...related];
}

function multiRowInsert(table: string, rows: ReadonlyArray<Record<string, unknown>>): { text: string; values: unknown[] } {
  const columns = Object.keys(rows[0] ?? {});
  const values: unknown[] = [];
  const tuples = rows.map(
    (row) => `(${columns.map((column) => `$${values.push(column === 'custom_fields' ? JSON.stringify(row[column]) : row[column])}`).join(', ')})`,
  );
  return { text: `insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values };
}

let schema: TestSchema;

beforeAll(async () => {
  schema = await createTestSchema('condition_differential');
  for (const statement of tableDefinitions(catalogue)) await schema.pool.query(statement);
});

afterAll(async () => {
  await schema?.drop();
});

async function loadBatch(batch: RecordBatch): Promise<FactRow[]> {
  await schema.pool.query('truncate customer, ownership_event, opportunity');
  for (const [table, rows] of [
    ['customer', batch.customers],
    ['ownership_event', batch.ownershipEvents],
    ['opportunity', batch.opportunities],
  ] as const) {
    if (rows.length > 0) {
      const insert = multiRowInsert(table, rows);
      await schema.pool.query(insert.text, insert.values);
    }
  }
  const select = compileFactRowSelect(catalogue, { context: batch.context, tableAlias: 't' });
  const { rows } = await schema.pool.query(`select ${select.sql} from customer as t order by id`, select.params);
  return rows as FactRow[];
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

async function judge(condition: Condition, batch: RecordBatch, factRows: readonly FactRow[]) {
  const fragment = compileConditionToSql(condition, catalogue, { context: batch.context, tableAlias: 't' });
  const { rows } = await schema.pool.query(`select id from customer as t where ${fragment.sql}`, fragment.params);
  const predicate = compileConditionToPredicate(condition, catalogue).prepare(batch.context);
  const reference = buildRulesEngineEvaluator(condition, catalogue);
  const byRulesEngine: number[] = [];
  for (const row of factRows) if (await reference.run(row, batch.context)) byRulesEngine.push(row['id'] as number);
  return {
    sql: sorted(rows.map((r: { id: number }) => r.id)),
    closure: sorted(factRows.filter((row) => predicate(row)).map((row) => row['id'] as number)),
    rulesEngine: sorted(byRulesEngine),
    fragment,
  };
}

function disagreement(condition: Condition, batch: RecordBatch, factRows: readonly FactRow[], verdicts: Awaited<ReturnType<typeof judge>>): string {
  const differing = new Set(
    [...verdicts.sql, ...verdicts.closure, ...verdicts.rulesEngine].filter(
      (id) => !(verdicts.sql.includes(id) && verdicts.closure.includes(id) && verdicts.rulesEngine.includes(id)),
    ),
  );
  return [
    'SQL, closure and json-rules-engine disagree.',
    `context: ${JSON.stringify({ now: new Date(batch.context.now).toISOString(), timeZone: batch.context.timeZone })}`,
    `condition: ${JSON.stringify(condition)}`,
    `sql: ${verdicts.fragment.sql}`,
    `params: ${JSON.stringify(verdicts.fragment.params)}`,
    `ids by sql: ${JSON.stringify(verdicts.sql)}, closure: ${JSON.stringify(verdicts.closure)}, json-rules-engine: ${JSON.stringify(verdicts.rulesEngine)}`,
    `records they disagree on: ${JSON.stringify(factRows.filter((row) => differing.has(row['id'] as number)))}`,
  ].join('\n');
}

describe('condition compilations agree with json-rules-engine', () => {
  it(`selects the same records in SQL, in the closure and in json-rules-engine (${runs} record sets × ${conditionsPerRun} conditions)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        recordBatchArbitrary().chain((batch) =>
          fc.tuple(
            fc.constant(batch),
            fc.array(conditionArbitrary(catalogue, Math.floor(batch.context.now / msPerDay) * msPerDay), {
              minLength: conditionsPerRun,
              maxLength: conditionsPerRun,
            }),
          ),
        ),
        async ([batch, conditions]) => {
          const factRows = await loadBatch(batch);
          for (const condition of conditions) {
            expect(validateCondition(condition, catalogue, '')).toEqual([]);
            const verdicts = await judge(condition, batch, factRows);
            const agree =
              JSON.stringify(verdicts.sql) === JSON.stringify(verdicts.rulesEngine) &&
              JSON.stringify(verdicts.closure) === JSON.stringify(verdicts.rulesEngine);
            if (!agree) throw new Error(disagreement(condition, batch, factRows, verdicts));
          }
        },
      ),
      { numRuns: runs },
    );
  }, 120_000);
});
