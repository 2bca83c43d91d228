import type { MikroORM } from '@mikro-orm/postgresql';
import { recycleReasonWords } from '../../engine/recycling/recycle-reason.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { publishedRecycleRules, ruleTimeZone } from './recycle-rules.ts';
import type { RecycleRuleView } from './recycling-view.schema.ts';

/** Every published recycle rule as the admin page lists it. */
export async function listRecycleRules(orm: MikroORM, settings: { defaultTimeZone: string }): Promise<{ items: RecycleRuleView[] }> {
  const em = orm.em.fork();
  const rules = await publishedRecycleRules(em);
  if (rules.length === 0) return { items: [] };
  const { catalogue } = await recordDefinitions(em, 'customer');
  return {
    items: rules.map(({ rule, version }) => ({
      ruleId: rule.id,
      ruleVersion: version,
      name: rule.name,
      enabled: rule.enabled,
      schedule: {
        ...(rule.trigger.schedule?.cron === undefined ? {} : { cron: rule.trigger.schedule.cron }),
        ...(rule.trigger.schedule?.every === undefined ? {} : { every: rule.trigger.schedule.every }),
        timeZone: ruleTimeZone(rule, settings.defaultTimeZone),
      },
      warningDays: rule.recycle?.warningDays ?? 0,
      coolDownDays: rule.recycle?.coolDownDays ?? 0,
      reason: recycleReasonWords(rule, catalogue),
    })),
  };
}
