import type { Rule } from '../../definitions/rule.schema.ts';
import { sameJson } from './canonical-json.ts';
import type { DefinitionChange } from './definition-change.ts';
import { describeEffectListChange, diffEffectLists } from './diff-effect-lists.ts';

const propertyNamesZh: Record<string, string> = {
  name: '名称',
  description: '说明',
  kind: '类型',
  entity: '对象',
  priority: '优先级',
  enabled: '启用状态',
  recycle: '回收设置',
};

function effectsChange(before: Rule, after: Rule): DefinitionChange[] {
  if (sameJson(before.effects, after.effects)) return [];
  const { added, removed } = diffEffectLists(before.effects, after.effects);
  const what = describeEffectListChange(added, removed);
  return [
    {
      kind: 'effectsChanged',
      path: '/effects',
      before: before.effects,
      after: after.effects,
      addedEffects: added,
      removedEffects: removed,
      summary: {
        en: `The rule's effects changed${what ? `: ${what.en}` : ' (order or parameters)'}.`,
        'zh-CN': `规则的效果已更改${what ? `：${what.zh}` : '（顺序或参数）'}。`,
      },
    },
  ];
}

/** What changes behaviour between two versions of a rule: trigger, conditions, effects and settings. */
export function diffRules(before: Rule, after: Rule): DefinitionChange[] {
  const changes: DefinitionChange[] = [];
  if (!sameJson(before.trigger, after.trigger)) {
    changes.push({
      kind: 'triggerChanged',
      path: '/trigger',
      before: before.trigger,
      after: after.trigger,
      summary: { en: 'The rule now runs on a different trigger.', 'zh-CN': '规则的触发方式已更改。' },
    });
  }
  if (!sameJson(before.conditions, after.conditions)) {
    changes.push({
      kind: 'conditionsChanged',
      path: '/conditions',
      before: before.conditions,
      after: after.conditions,
      summary: { en: "The rule's conditions changed.", 'zh-CN': '规则的条件已更改。' },
    });
  }
  changes.push(...effectsChange(before, after));
  const settings = Object.keys(propertyNamesZh).filter(
    (key) => !sameJson(before[key as keyof Rule], after[key as keyof Rule]),
  );
  if (settings.length > 0) {
    changes.push({
      kind: 'ruleChanged',
      path: '',
      properties: settings,
      summary: {
        en: `The rule changed: ${settings.join(', ')}.`,
        'zh-CN': `规则已更改：${settings.map((key) => propertyNamesZh[key]).join('、')}。`,
      },
    });
  }
  return changes;
}
