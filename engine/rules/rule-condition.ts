import type { Condition } from '../../definitions/condition.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';

/**
 * The one condition a rule fires on: its own conditions, and — for recycle rules — none of its exemptions. Every
 * evaluator (in memory, SQL, plain words) takes this, so an exemption can never be honoured in one and not another.
 */
export function ruleFiringCondition(rule: Pick<Rule, 'conditions' | 'recycle'>): Condition {
  const exemptions = rule.recycle?.exemptions ?? [];
  if (exemptions.length === 0) return rule.conditions;
  return { all: [rule.conditions, { not: { any: exemptions.map((exemption) => exemption.condition) } }] };
}
