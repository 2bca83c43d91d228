import type { EntityManager } from '@mikro-orm/postgresql';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { naturalBatches, type BatchOutcome } from '../database/natural-batches.ts';
import { customerScopeSql, type CustomerScope } from './customer-visibility.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { compileFactRowSelect, type EvaluationContext, type FactRow } from '../../engine/conditions/index.ts';

function relatedTable(catalogue: FactCatalogue['facts'][number]): string | undefined {
  const { source } = catalogue;
  return source.kind === 'countToday' || source.kind === 'exists' ? source.table : undefined;
}

// Tables are only ever added (by migrations), so one found is remembered per database (per ORM configuration);
// only those not found yet are looked up again.
const presentTableCaches = new WeakMap<object, Set<string>>();

async function presentTables(em: EntityManager, tables: readonly string[]): Promise<ReadonlySet<string>> {
  let present = presentTableCaches.get(em.config);
  if (present === undefined) {
    present = new Set();
    presentTableCaches.set(em.config, present);
  }
  const unknown = tables.filter((table) => !present.has(table));
  if (unknown.length > 0) {
    const found = await boundQuery<{ name: string }>(
      em,
      'select t.name from jsonb_array_elements_text($1::jsonb) as t(name) where to_regclass(t.name) is not null',
      [JSON.stringify(unknown)],
    );
    for (const row of found) present.add(row.name);
  }
  return present;
}

// The catalogue without the facts over tables a later migration brings (opportunities before that slice lands):
// those are left out rather than failing the whole row.
async function usableCatalogue(em: EntityManager, catalogue: FactCatalogue): Promise<FactCatalogue> {
  const present = await presentTables(em, [...new Set(catalogue.facts.map(relatedTable).filter((table) => table !== undefined))]);
  return {
    ...catalogue,
    facts: catalogue.facts.filter((fact) => {
      const table = relatedTable(fact);
      return table === undefined || present.has(table);
    }),
  };
}

/**
 * The customer as the machine's guards see it: its row plus each aggregate the catalogue names (claims today, an
 * open opportunity), computed by the same SQL the rule sweeps use.
 */
export async function loadCustomerFactRow(
  em: EntityManager,
  catalogue: FactCatalogue,
  customerId: number,
  context: EvaluationContext,
): Promise<FactRow | undefined> {
  const [facts] = await customerFactRows(em, catalogue, context, (bind) => `c.id = ${bind.add(customerId)}`);
  return facts;
}

/**
 * Fact rows of the live customers matching `where` (SQL over alias `c`, values bound through `bind`); `lock` takes
 * the customers' row locks (only theirs: the aggregates' tables are read, not locked). A fact row carries every
 * column of the customer, so a command can take the record from it as well.
 */
export async function customerFactRows(
  em: EntityManager,
  catalogue: FactCatalogue,
  context: EvaluationContext,
  where: (bind: BindParams) => string,
  lock = false,
): Promise<FactRow[]> {
  const select = compileFactRowSelect(await usableCatalogue(em, catalogue), { context, tableAlias: 'c' });
  const bind = new BindParams(select.params);
  const sql = `select ${select.sql} from customer as c where c.deleted_at is null and (${where(bind)}) ${lock ? 'for update of c' : ''}`;
  return boundQuery<FactRow>(em, sql, bind.values);
}

/** One customer's fact row wanted by a request: its catalogue, its clock and time zone, and whose sight. */
interface FactRowRequest {
  em: EntityManager;
  catalogue: FactCatalogue;
  context: EvaluationContext;
  scope: CustomerScope;
  id: number;
}

// Enough for a busy process's requests in flight. One read runs at a time, as the event path's writes do
// (one-write-batches.ts): fuller batches beat overlapping ones.
const maxRequestsPerRead = 32;

/**
 * The batch's fact rows, set-based: one statement per catalogue and visibility (in practice per person asking), its
 * requests joined as rows that carry each one's record, instant and time zone — so its planning does not grow with
 * the batch — and the same rows customerFactRows would give each.
 */
async function readFactRows(requests: readonly FactRowRequest[]): Promise<BatchOutcome<FactRow | undefined>[]> {
  const outcomes: BatchOutcome<FactRow | undefined>[] = requests.map(() => ({ ok: true, value: undefined }));
  const groups = Map.groupBy(
    requests.map((request, index) => ({ request, index })),
    ({ request }) => request.catalogue,
  );
  for (const [catalogue, sameCatalogue] of groups) {
    const usable = await usableCatalogue(sameCatalogue[0]!.request.em, catalogue);
    for (const group of Map.groupBy(sameCatalogue, ({ request }) => JSON.stringify(request.scope)).values()) {
      const bind = new BindParams();
      const input = group.map(({ request, index }) => ({
        n: index,
        id: request.id,
        now: new Date(request.context.now).toISOString(),
        time_zone: request.context.timeZone,
      }));
      const inputParam = bind.add(JSON.stringify(input));
      const select = compileFactRowSelect(usable, { clock: { now: 'i.now', timeZone: 'i.time_zone' }, tableAlias: 'c', firstParam: bind.values.length + 1 });
      bind.values.push(...select.params);
      const rows = await boundQuery<FactRow & { batch_index?: number }>(
        group[0]!.request.em,
        `select i.n as batch_index, ${select.sql}
         from jsonb_to_recordset(${inputParam}::jsonb) as i(n int, id bigint, now timestamptz, time_zone text)
         join customer as c on c.id = i.id
         where c.deleted_at is null and (${customerScopeSql(group[0]!.request.scope, bind)})`,
        bind.values,
      );
      for (const { batch_index: index, ...facts } of rows) outcomes[index!] = { ok: true, value: facts };
    }
  }
  return outcomes;
}

const factRowReaders = new WeakMap<object, (request: FactRowRequest) => Promise<FactRow | undefined>>();

/**
 * One live customer's fact row as `scope` may see it, unlocked, read together with the rows other requests want
 * meanwhile (natural batching: alone when the process is quiet, one statement for many when it is busy). For the
 * event path's read outside a transaction; a locked read uses customerFactRows.
 */
export function batchedCustomerFactRow(
  em: EntityManager,
  catalogue: FactCatalogue,
  context: EvaluationContext,
  scope: CustomerScope,
  id: number,
): Promise<FactRow | undefined> {
  let reader = factRowReaders.get(em.config);
  if (reader === undefined) {
    reader = naturalBatches(readFactRows, { maxItems: maxRequestsPerRead });
    factRowReaders.set(em.config, reader);
  }
  return reader({ em, catalogue, context, scope, id });
}
