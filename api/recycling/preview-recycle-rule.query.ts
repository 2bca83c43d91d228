import type { MikroORM } from '@mikro-orm/postgresql';
import { boundQuery } from '../database/bound-query.ts';
import { recycleRunOf } from './recycle-run.ts';
import { recyclePreviewStatement } from './recycle-sweep.statement.ts';
import type { RecyclePreviewView } from './recycling-view.schema.ts';

/**
 * What a rule's sweep would move now, without moving anything: how many customers, the first `limit` of them by id
 * with their names, and the reason each would carry. The same compiled selection as the sweep, as of the same kind of
 * clock reading, so a sweep run straight after moves exactly these (bar customers changed in between).
 */
export async function previewRecycleRule(
  orm: MikroORM,
  ruleId: string,
  settings: { defaultTimeZone: string; limit: number; now?: Date },
): Promise<RecyclePreviewView | undefined> {
  const em = orm.em.fork();
  const now = settings.now ?? new Date();
  const run = await recycleRunOf(em, ruleId, { now, defaultTimeZone: settings.defaultTimeZone });
  if (run === undefined) return undefined;
  const preview = recyclePreviewStatement(run, settings.limit);
  const rows = await boundQuery<{ id: number; name: string; stage: string; owner_id: number | null; total: number }>(
    em,
    preview.sql,
    preview.params,
  );
  return {
    ruleId: run.rule.id,
    ruleVersion: run.ruleVersion,
    asOf: now.toISOString(),
    timeZone: run.context.timeZone,
    count: rows[0]?.total ?? 0,
    customers: rows.map((row) => ({ id: row.id, name: row.name, stage: row.stage, ownerId: row.owner_id })),
    reason: run.reason,
  };
}
