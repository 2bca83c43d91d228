import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { boundQuery } from './bound-query.ts';

const statementNames = new Map<string, string>();

/** One name per text: PostgreSQL keeps a connection's prepared statements by name. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `stagecraft_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

/**
 * Connections that plan every run of a prepared statement for its own values. A generic plan is made once, from the
 * statistics of that moment: made while a table is new and nearly empty, it scans the table for good, long after it
 * has grown. Planning costs little next to the parsing and the text saved; only prepared statements and PL/pgSQL
 * functions keep plans, so nothing else on the connection is affected.
 */
const customPlanning = new WeakSet<pg.PoolClient>();

// "cached plan must not change result type": a migration changed a table the statement's result reads.
const planOutdated = (error: unknown) => (error as { code?: unknown }).code === '0A000';

/**
 * Like {@link boundQuery}, for a large statement run on a hot path: outside a transaction it is prepared once per
 * pooled connection, by a name taken from its text, and later runs send only the values — no text to send, parse and
 * analyse again; each run is still planned for its own values. `sql` must be one fixed text (values always bound), or
 * every variant would be kept as a statement of its own on every connection. Inside the EntityManager's transaction
 * it runs as boundQuery does. A connection whose statement a migration outdated is dropped from the pool and the
 * statement run once more, unprepared.
 *
 * A pooler in transaction mode (PgBouncer before 1.21) does not keep prepared statements: see docs/architecture.md.
 */
export async function preparedQuery<Row = Record<string, unknown>>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<Row[]> {
  if (em.getTransactionContext() !== undefined) return boundQuery<Row>(em, sql, params);
  const pool: pg.Pool = await em.getConnection().getNativeClient();
  const client = await pool.connect();
  try {
    if (!customPlanning.has(client)) {
      await client.query('set plan_cache_mode = force_custom_plan');
      customPlanning.add(client);
    }
    const result = await client.query<Row & pg.QueryResultRow>({ name: statementName(sql), text: sql, values: [...params] });
    client.release();
    return result.rows;
  } catch (error) {
    client.release(planOutdated(error) ? (error as Error) : undefined);
    if (planOutdated(error)) return boundQuery<Row>(em, sql, params);
    throw error instanceof Error ? em.getDriver().convertException(error) : error;
  }
}
