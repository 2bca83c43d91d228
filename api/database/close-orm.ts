import type { MikroORM } from '@mikro-orm/postgresql';

const stopsBeforeClosing = new WeakMap<object, Array<() => Promise<void>>>();

/**
 * Registers something opened beside an ORM's pool for it (the session cache's LISTEN connection) to stop when the
 * ORM closes. Keyed by the ORM's config, which every fork of its EntityManager shares.
 */
export function stopBeforeOrmCloses(config: object, stop: () => Promise<void>): void {
  const stops = stopsBeforeClosing.get(config) ?? [];
  stops.push(stop);
  stopsBeforeClosing.set(config, stops);
}

/**
 * The one way to close an ORM: first what was opened beside it, then its pool. `orm.close()` alone would leave those
 * connections open — a test file's into the next file, a stopping server's until the process exits.
 */
export async function closeOrm(orm: MikroORM): Promise<void> {
  const stops = stopsBeforeClosing.get(orm.config) ?? [];
  stopsBeforeClosing.delete(orm.config);
  for (const stop of stops) await stop();
  await orm.close();
}
