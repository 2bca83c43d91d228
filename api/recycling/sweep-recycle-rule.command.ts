import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import { recycleRunOf } from './recycle-run.ts';
import { recycleSweepStatement, sweepStatementSettings } from './recycle-sweep.statement.ts';
import { recycleWarningStatement } from './recycle-warning.statement.ts';
import type { SweepResultView } from './recycling-view.schema.ts';

/** Ids of moved customers an answer lists; the count is always whole. */
export const sweepSampleSize = 100;

/**
 * Runs one recycle rule now: its sweep statement, then its warning statement, in one transaction through
 * runCommand — both statements write their own audit entries and outbox rows, set-based, so nothing is queued on the
 * context. A transaction-scoped advisory lock per rule makes two workers (or a schedule and an admin's button) take
 * turns; the second finds nothing left to move. Undefined when no recycle rule has that id. A disabled rule runs
 * when asked by name (an admin trying it); the schedules skip it.
 */
export async function sweepRecycleRule(
  orm: MikroORM,
  origin: CommandOrigin,
  ruleId: string,
  settings: { defaultTimeZone: string },
): Promise<SweepResultView | undefined> {
  return runCommand(orm, { ...origin, actorId: null }, async (context) => {
    const { em, now } = context;
    await boundQuery(em, "select pg_advisory_xact_lock(hashtext('stagecraft.recycle-sweep'), hashtext($1::text))", [ruleId]);
    const run = await recycleRunOf(em, ruleId, { now, defaultTimeZone: settings.defaultTimeZone, requestId: context.requestId });
    if (run === undefined) return undefined;
    const sweep = recycleSweepStatement(run, sweepSampleSize);
    await boundQuery(em, sweepStatementSettings);
    const [moved] = await boundQuery<{ moved: number; sample: number[] }>(em, sweep.sql, sweep.params);
    const warning = recycleWarningStatement(run);
    const [warned] = warning === null ? [{ warned: 0 }] : await boundQuery<{ warned: number }>(em, warning.sql, warning.params);
    return {
      ruleId: run.rule.id,
      ruleVersion: run.ruleVersion,
      ranAt: now.toISOString(),
      moved: moved?.moved ?? 0,
      customerIds: moved?.sample ?? [],
      warned: warned?.warned ?? 0,
      reason: run.reason,
    };
  });
}
