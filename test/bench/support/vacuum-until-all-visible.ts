import type { Queryable } from './generate-customers.ts';

/**
 * Vacuums (and analyzes) the tables until their visibility maps mark nearly every page all-visible — the state
 * autovacuum keeps a live system in, where index-only scans skip the heap. One vacuum is not always enough: it
 * cannot mark pages whose rows are newer than the oldest snapshot of any session of the database, and on a shared
 * test server other sessions come and go, so this tries again a moment later, up to `attempts` times, then throws
 * naming the tables (plans and page counts measured on them would not be the ones the queue is built for).
 */
export async function vacuumUntilAllVisible(client: Queryable, tables: readonly string[], attempts = 60): Promise<void> {
  let lagging: string[] = [];
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
    await client.query(`vacuum (analyze) ${tables.map((table) => `"${table}"`).join(', ')}`);
    const { rows } = await client.query(
      `select relname from pg_class where oid = any($1::regclass[]) and relallvisible < relpages * 0.95`,
      [tables],
    );
    lagging = rows.map((row: { relname: string }) => row.relname);
    if (lagging.length === 0) return;
  }
  throw new Error(`vacuum could not mark the pages of ${lagging.join(', ')} all-visible: an older transaction is still open`);
}
