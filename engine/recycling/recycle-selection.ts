import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { msPerDay } from '../conditions/calendar-days.ts';
import { compileConditionToSql, type SqlFragment } from '../conditions/compile-condition-to-sql.ts';
import type { EvaluationContext } from '../conditions/evaluation-context.ts';
import { ruleFiringCondition } from '../rules/rule-condition.ts';

export type RecycleRule = Pick<Rule, 'conditions' | 'recycle'>;

export interface RecycleSelectionOptions {
  /** The sweep's instant and the rule's time zone: days since, today and day-valued comparisons follow them. */
  context: EvaluationContext;
  /** The alias of the entity table in the surrounding statement. */
  tableAlias: string;
  /** Number of the first `$n` placeholder: the statement around the fragment binds its own values first. */
  firstParam: number;
}

/**
 * The WHERE fragment of the records a recycle rule moves as of `context.now`: its conditions and none of its
 * exemptions (ruleFiringCondition), compiled by the same compiler the differential test holds to json-rules-engine.
 * Which records can be recycled at all (live, owned) is the statement's business, not the rule's.
 */
export function compileRecycleSelection(rule: RecycleRule, catalogue: FactCatalogue, options: RecycleSelectionOptions): SqlFragment {
  return compileConditionToSql(ruleFiringCondition(rule), catalogue, options);
}

/** How far ahead a rule warns: its warningDays, 0 when it has none. */
export function warningDaysOf(rule: RecycleRule): number {
  return rule.recycle?.warningDays ?? 0;
}

/**
 * For the advance warning: an integer SQL expression, the first whole day d in 1..warningDays on which the rule
 * would fire were the clock d days later (time facts evaluated as of the shifted instant, as rule.schema.ts says),
 * NULL when it would fire on none of them. Conditions need not grow with time (`between` on a day count does not),
 * so each day is judged, not only the last. Null for a rule without warning days.
 */
export function compileRecycleDueIn(
  rule: RecycleRule,
  catalogue: FactCatalogue,
  options: RecycleSelectionOptions,
): SqlFragment | null {
  const days = warningDaysOf(rule);
  if (days === 0) return null;
  const condition = ruleFiringCondition(rule);
  const now = typeof options.context.now === 'number' ? options.context.now : options.context.now.getTime();
  const branches: string[] = [];
  const params: unknown[] = [];
  for (let day = 1; day <= days; day++) {
    const fragment = compileConditionToSql(condition, catalogue, {
      tableAlias: options.tableAlias,
      firstParam: options.firstParam + params.length,
      context: { now: now + day * msPerDay, timeZone: options.context.timeZone },
    });
    params.push(...fragment.params);
    branches.push(`when ${fragment.sql} then ${day}`);
  }
  return { sql: `(case ${branches.join(' ')} end)`, params };
}
