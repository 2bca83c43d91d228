import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../adapters/clock/manual-clock.ts';
import { createInProcessJobQueue } from '../../adapters/job-queue/in-process-job-queue.ts';
import { createLogger } from '../../api/observability/logger.ts';
import { processRecycleSweeps, recyclingQueue, registerRecycleSchedules } from '../../api/recycling/recycle-schedules.ts';
import { signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { anAgedCustomer, query } from './recycling-fixtures.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp('recycle_schedules');
  await installGenericTemplate(app);
});
afterAll(async () => {
  await app?.close();
});

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('recycle schedules', () => {
  it('keeps one schedule per enabled recycle rule, sweeps at its cron time, and drops the schedule of a disabled rule', async () => {
    // 2026-01-05 08:00 in Shanghai: the rules' next 02:00 there is 18 hours away.
    const clock = createManualClock(Date.parse('2026-01-05T00:00:00Z'));
    const jobQueue = createInProcessJobQueue({ clock });
    const logLines: string[] = [];
    const options = { orm: app.orm, jobQueue, logger: createLogger('info', (line) => logLines.push(line)), defaultTimeZone: 'Asia/Shanghai' };
    try {
      const scheduled = await registerRecycleSchedules(options);
      expect(scheduled).toEqual(['recycle-opportunity-no-deal', 'recycle-potential-no-contact', 'recycle-target-no-contact']);
      expect(await registerRecycleSchedules(options)).toEqual(scheduled);
      expect((await jobQueue.counts(recyclingQueue)).delayed).toBe(3);

      const rep = await signIn(app, 'rep.li');
      const stale = await anAgedCustomer(app, rep, { stage: 'potential', contactedDaysAgo: 20 });
      await processRecycleSweeps(options);
      await clock.advance(17 * 3_600_000);
      expect((await query(app, 'select ownership from customer where id = $1', [stale]))[0].ownership).toBe('personal');
      await clock.advance(3_600_000);
      await waitFor(async () => (await query(app, 'select ownership from customer where id = $1', [stale]))[0].ownership === 'pool');
      await waitFor(async () => logLines.filter((line) => line.includes('recycle sweep done')).length === 3);

      await app.schema.pool.query(
        `insert into definition_version (kind, key, version, document, source)
         select kind, key, version + 1, document || '{"enabled": false}'::jsonb, 'test' from definition_version
         where kind = 'rule' and key = 'recycle-target-no-contact'`,
      );
      expect(await registerRecycleSchedules(options)).toEqual(['recycle-opportunity-no-deal', 'recycle-potential-no-contact']);
      expect((await jobQueue.counts(recyclingQueue)).delayed).toBe(2);
    } finally {
      await jobQueue.close();
    }
  });
});
