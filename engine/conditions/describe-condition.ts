import type { Condition } from '../../definitions/condition.schema.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Locale } from '../validation/problem.ts';
import { alwaysWords, bracketed, groupWords, leafWords, notWords } from './condition-words.ts';
import { planCondition, type PlannedCondition } from './plan-condition.ts';

/**
 * A condition in plain words, e.g. "stage is potential and time since the last contact ≥ 15 days" /
 * "阶段为潜在客户 且 距上次联系 ≥ 15 天". Throws InvalidConditionError for a condition the catalogue does not accept.
 */
export function describeCondition(condition: Condition, catalogue: FactCatalogue, locale: Locale): string {
  return describeNode(planCondition(condition, catalogue), locale, true);
}

function describeNode(node: PlannedCondition, locale: Locale, top: boolean): string {
  switch (node.kind) {
    case 'leaf':
      return leafWords(node.fact, node.operator, node.leaf.value, locale);
    case 'not':
      return notWords(describeNode(node.child, locale, true), locale);
    case 'all':
    case 'any': {
      if (node.children.length === 0) return alwaysWords(locale);
      const parts = node.children.map((child) => describeNode(child, locale, false));
      const words = groupWords(node.kind, parts, locale);
      return top || parts.length === 1 ? words : bracketed(words, locale);
    }
  }
}
