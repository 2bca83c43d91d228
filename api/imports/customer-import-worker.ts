import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../../adapters/job-queue/job-queue.port.ts';
import type { Logger } from '../observability/logger.ts';
import { claimNextImport, runCustomerImport } from './run-customer-import.ts';

/** The job queue import workers listen on; one schedule looks for queued imports. */
export const customerImportQueue = 'customer-imports';
const lookEveryMs = 2_000;

/**
 * Makes this process an import worker: every couple of seconds a scheduled job claims queued imports (and ones a
 * dead worker left) and runs them one after another. The queue only nudges; the import rows in PostgreSQL are the
 * work, so a lost Redis or a restarted process loses none of it.
 */
export async function processCustomerImports(options: { orm: MikroORM; jobQueue: JobQueue; logger: Logger }): Promise<void> {
  const { orm, jobQueue, logger } = options;
  await jobQueue.process(customerImportQueue, async () => {
    for (let id = await claimNextImport(orm); id !== undefined; id = await claimNextImport(orm)) {
      logger.info('customer import started', { importId: id });
      await runCustomerImport(orm, id);
      logger.info('customer import ended', { importId: id });
    }
  });
  await jobQueue.upsertSchedule(customerImportQueue, 'claim-imports', { everyMs: lookEveryMs }, { name: 'claim-imports', data: {} });
}
