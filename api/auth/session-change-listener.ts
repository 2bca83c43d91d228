import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';

/** The channel migration 0018's triggers notify when sessions, users or roles change (it spells the name itself). */
export const sessionChangeChannel = 'stagecraft_session_changes';

/** What a notice says changed: these sessions (ids), users (ids), roles (keys) — or anything at all. */
export type SessionChange = { kind: 'sessions' | 'users' | 'roles'; keys: string[] } | { kind: 'all' };

export interface SessionChangeEars {
  /** LISTEN is in effect: every change committed from now on will be heard. */
  onListening(): void;
  onChange(change: SessionChange): void;
  /** The connection is gone: changes may go unheard until the next onListening. */
  onLost(): void;
}

export interface SessionChangeListener {
  /** The listening connection's backend process id while LISTEN is in effect (for status pages and tests). */
  readonly backendPid: number | undefined;
  /** Ends the connection for good; nothing is heard and no reconnect follows. */
  close(): Promise<void>;
}

interface PgConnectionSource {
  mapOptions(overrides: pg.PoolConfig): pg.PoolConfig;
}

// A lost connection is retried after 0.5 s, then twice as long each failure, at most every 30 s: a restarting
// database is not hammered, and meanwhile every request reads its session from the database.
const firstRetryMs = 500;
const longestRetryMs = 30_000;

/**
 * A dedicated connection that LISTENs for session changes of the ORM's schema and reconnects with backoff when lost.
 * It connects exactly as the ORM's pool does (same search_path) and keeps only notices from its own schema: test files
 * share one database, each in its schema, and their ids overlap. Its socket is unref'd, so it never keeps a process
 * alive on its own.
 */
export function listenForSessionChanges(em: EntityManager, ears: SessionChangeEars): SessionChangeListener {
  let closed = false;
  let client: pg.Client | undefined;
  let backendPid: number | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;

  const lose = (lost: pg.Client) => {
    if (client !== lost) return;
    client = undefined;
    backendPid = undefined;
    ears.onLost();
    lost.end().catch(() => {});
    if (closed) return;
    retryTimer = setTimeout(connect, Math.min(firstRetryMs * 2 ** failures, longestRetryMs));
    retryTimer.unref();
    failures++;
  };

  const connect = async () => {
    retryTimer = undefined;
    if (closed) return;
    const source = em.getConnection() as unknown as PgConnectionSource;
    const opening = new pg.Client(source.mapOptions((em.config.get('driverOptions') ?? {}) as pg.PoolConfig));
    client = opening;
    let schema: string | undefined;
    opening.on('error', () => lose(opening));
    opening.on('end', () => lose(opening));
    opening.on('notification', (message) => {
      if (client !== opening || message.channel !== sessionChangeChannel || message.payload === undefined) return;
      const change = sessionChangeOf(message.payload, schema);
      if (change !== undefined) ears.onChange(change);
    });
    try {
      await opening.connect();
      const stream = opening.connection.stream;
      if ('unref' in stream && typeof stream.unref === 'function') stream.unref();
      const { rows } = await opening.query<{ schema: string; pid: number }>('select current_schema() as schema, pg_backend_pid() as pid');
      schema = rows[0]?.schema;
      await opening.query(`listen ${sessionChangeChannel}`);
      if (client !== opening) return;
      backendPid = rows[0]?.pid;
      failures = 0;
      ears.onListening();
    } catch {
      lose(opening);
    }
  };

  // On the next turn, so no ear is called before the caller has what this returns.
  setImmediate(() => void connect());
  return {
    get backendPid() {
      return backendPid;
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const open = client;
      client = undefined;
      backendPid = undefined;
      ears.onLost();
      await open?.end().catch(() => {});
    },
  };
}

/** The change a payload announces for `schema`; undefined for another schema's. An unreadable payload means "all". */
function sessionChangeOf(payload: string, schema: string | undefined): SessionChange | undefined {
  let parsed: { schema?: unknown; kind?: unknown; keys?: unknown };
  try {
    parsed = JSON.parse(payload) as typeof parsed;
  } catch {
    return { kind: 'all' };
  }
  if (parsed.schema !== schema) return undefined;
  const { kind, keys } = parsed;
  if ((kind === 'sessions' || kind === 'users' || kind === 'roles') && Array.isArray(keys) && keys.every((key) => typeof key === 'string')) {
    return { kind, keys: keys as string[] };
  }
  return { kind: 'all' };
}
