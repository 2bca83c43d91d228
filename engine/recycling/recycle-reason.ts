import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { describeCondition } from '../conditions/describe-condition.ts';
import type { LocalizedText } from '../validation/problem.ts';

/**
 * Why a recycle rule moved a record, in plain words, for the audit entry and the preview: the rule's name, its
 * conditions as describeCondition words them, and the exemptions that did not apply. One text per rule version —
 * the sweep moves a set, so the words say what every moved record had in common.
 */
export function recycleReasonWords(rule: Pick<Rule, 'name' | 'conditions' | 'recycle'>, catalogue: FactCatalogue): LocalizedText {
  const exemptions = rule.recycle?.exemptions ?? [];
  const en = `Returned to the public pool by the rule “${rule.name.en}”: ${describeCondition(rule.conditions, catalogue, 'en')}`;
  const zh = `按规则“${rule.name['zh-CN']}”回收到公海：${describeCondition(rule.conditions, catalogue, 'zh-CN')}`;
  if (exemptions.length === 0) return { en: `${en}.`, 'zh-CN': `${zh}。` };
  return {
    en: `${en}; not exempt (${exemptions.map((exemption) => exemption.label.en).join('; ')}).`,
    'zh-CN': `${zh}；不属于例外（${exemptions.map((exemption) => exemption.label['zh-CN']).join('、')}）。`,
  };
}
