import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config/config.ts';
import { ConfigError } from '../config/config.ts';
import { closeOrm } from '../database/close-orm.ts';
import { openOrm, pendingMigrations } from '../database/orm.ts';
import type { Logger } from '../observability/logger.ts';
import type { OutboxHandlers } from '../outbox/deliver-outbox-message.ts';
import { startBackgroundRuntime, type BackgroundRuntime } from './background-runtime.ts';

export interface RunningWorker {
  orm: MikroORM;
  runtime: BackgroundRuntime;
  /** Drains (running deliveries finish, nothing new starts) and closes the connections. */
  stop(): Promise<void>;
}

/**
 * A process that only works (`npm run worker`): no HTTP, no migrations of its own — it refuses to start on a
 * database that `npm start` has not migrated yet, rather than race the API to migrate it.
 */
export async function startWorkerProcess(config: Config, logger: Logger, handlers?: OutboxHandlers): Promise<RunningWorker> {
  if (config.databaseUrl === undefined) {
    throw new ConfigError(
      'npm run worker needs DATABASE_URL: the embedded PostgreSQL belongs to its `npm start` process, which runs its workers itself.',
    );
  }
  const orm = await openOrm({ databaseUrl: config.databaseUrl, ...(config.databaseSchema ? { schema: config.databaseSchema } : {}) });
  try {
    const pending = await pendingMigrations(orm);
    if (pending.length > 0) {
      throw new Error(`The database has ${pending.length} migration(s) pending (${pending.join(', ')}): start the API (npm start) once to apply them.`);
    }
    if (config.redisUrl === undefined) logger.warn('no REDIS_URL: this worker finds messages by its sweep only', { sweepEveryMs: config.outboxSweepMs });
    const runtime = await startBackgroundRuntime({ orm, logger, settings: config, workers: true, ...(handlers ? { handlers } : {}) });
    return {
      orm,
      runtime,
      async stop() {
        await runtime.stop();
        await closeOrm(orm);
      },
    };
  } catch (error) {
    await closeOrm(orm);
    throw error;
  }
}
