import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import type { Logger } from '../observability/logger.ts';
import { runDefinitionMigrations } from './definition-migration.ts';

/** The queue whose schedule makes a worker look for migrations to work on. */
export const definitionMigrationQueue = 'definition-migrations';
const pollScheduleId = 'definition-migrations-poll';

export interface DefinitionMigrationJobOptions {
  orm: MikroORM;
  jobQueue: JobQueue;
  logger: Logger;
  /** How often a worker looks for queued migrations (default 2 s): the delay between publishing and the first batch. */
  pollEveryMs?: number;
}

/**
 * Works migrations in this process. The `definition_migration` rows are the truth and the schedule only a nudge
 * (the API process that publishes may have no job queue at all), so a lost Redis or a restart loses nothing: the
 * next poll goes on from the row's progress, and several workers share the work batch by batch (row locks).
 */
export async function processDefinitionMigrations(options: DefinitionMigrationJobOptions): Promise<void> {
  const { orm, jobQueue, logger } = options;
  await jobQueue.upsertSchedule(definitionMigrationQueue, pollScheduleId, { everyMs: options.pollEveryMs ?? 2_000 }, { name: 'migrate', data: {} });
  await jobQueue.process(definitionMigrationQueue, () => runDefinitionMigrations(orm, { logger }));
}
