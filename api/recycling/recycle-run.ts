import type { EntityManager } from '@mikro-orm/postgresql';
import { recycleReasonWords } from '../../engine/recycling/recycle-reason.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { publishedRecycleRule, ruleTimeZone } from './recycle-rules.ts';
import type { RecycleRun } from './recycle-sweep.statement.ts';

/**
 * What a run of a rule is compiled from, as of `now`: the rule's latest published version, the customer catalogue
 * (with custom fields and machine states) and its reason words. Undefined when no recycle rule has that id. The
 * preview and the sweep both start here, so what an admin previews is what the sweep moves.
 */
export async function recycleRunOf(
  em: EntityManager,
  ruleId: string,
  settings: { now: Date; defaultTimeZone: string; requestId?: string | null },
): Promise<RecycleRun | undefined> {
  const published = await publishedRecycleRule(em, ruleId);
  if (published === undefined) return undefined;
  const { catalogue } = await recordDefinitions(em, 'customer');
  return {
    rule: published.rule,
    ruleVersion: published.version,
    catalogue,
    context: { now: settings.now, timeZone: ruleTimeZone(published.rule, settings.defaultTimeZone) },
    reason: recycleReasonWords(published.rule, catalogue),
    requestId: settings.requestId ?? null,
  };
}
