import type { EntityManager } from '@mikro-orm/postgresql';
import { CompiledQuery, type QueryResult } from 'kysely';

/**
 * Runs SQL written with PostgreSQL's `$1..$n` placeholders, sending the values as real bind parameters.
 *
 * MikroORM's `em.execute(sql, params)` formats `?` values into the SQL text on the client (escaped, but not
 * bound); this goes through the same kysely client instead — `em.getKysely()`, which is the open transaction
 * when the EntityManager is inside one and the pool otherwise — so the text and the values reach PostgreSQL
 * separately. Rows come back as node-postgres parses them (timestamps as `Date`, `bigint`/`numeric` as strings),
 * exactly as `em.execute` returned them; driver errors are converted to MikroORM's exceptions as `em.execute` did.
 */
async function run<Row>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<QueryResult<Row>> {
  try {
    return await em.getKysely().executeQuery<Row>(CompiledQuery.raw(sql, [...params]));
  } catch (error) {
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}

/** The rows of `sql` (with `$n` placeholders) run with `params` bound, in the EntityManager's transaction if any. */
export async function boundQuery<Row = Record<string, unknown>>(
  em: EntityManager,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row[]> {
  return (await run<Row>(em, sql, params)).rows;
}

/** Like {@link boundQuery} for statements: the number of rows affected (or returned, when there is no count). */
export async function boundExecute(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<number> {
  const result = await run(em, sql, params);
  return Number(result.numAffectedRows ?? result.rows.length);
}

/**
 * Bind values collected in order while SQL is assembled from fragments: `add` binds a value and hands back its
 * `$n` placeholder, so fragments never count parameters themselves. Seed it with values already numbered `$1..`.
 */
export class BindParams {
  readonly values: unknown[];

  constructor(initial: readonly unknown[] = []) {
    this.values = [...initial];
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
