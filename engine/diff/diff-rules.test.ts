import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../definitions/defaults/rules/default-rules.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { diffDefinitions } from './diff-definitions.ts';
import { diffRules } from './diff-rules.ts';

function aRecycleRule(): Rule {
  return structuredClone(defaultRules['recycle-potential-no-contact']);
}

function edited(change: (rule: Record<string, any>) => void): Rule {
  const rule = structuredClone(aRecycleRule()) as Record<string, any>;
  change(rule);
  return rule as Rule;
}

describe('rule diff', () => {
  it('finds nothing between equal rules, whatever their key order', () => {
    const reordered = Object.fromEntries(Object.entries(aRecycleRule()).reverse()) as Rule;
    expect(diffRules(aRecycleRule(), reordered)).toEqual([]);
  });

  it('reports changed conditions with both versions', () => {
    const after = edited((r) => (r.conditions.all[2].any[0].value = 20));
    const [change, ...rest] = diffRules(aRecycleRule(), after);
    expect(rest).toEqual([]);
    expect(change?.kind).toBe('conditionsChanged');
    expect(change?.path).toBe('/conditions');
    expect(change?.summary).toEqual({ en: "The rule's conditions changed.", 'zh-CN': '规则的条件已更改。' });
  });

  it('names added and removed effects', () => {
    const after = edited((r) => {
      r.effects = r.effects.filter((e: { type: string }) => e.type !== 'notify');
      r.effects.push({ type: 'sendSms', params: { to: 'primaryContact', templateId: 'we-miss-you' } });
    });
    const [change] = diffRules(aRecycleRule(), after);
    expect(change?.kind).toBe('effectsChanged');
    expect(change?.summary.en).toBe("The rule's effects changed: added sendSms; removed notify.");
    expect(change?.summary['zh-CN']).toBe('规则的效果已更改：新增 sendSms；移除 notify。');
  });

  it('reports trigger and setting changes', () => {
    const after = edited((r) => {
      r.trigger = { schedule: { every: '6h' } };
      r.enabled = false;
      r.recycle.warningDays = 5;
    });
    const changes = diffRules(aRecycleRule(), after);
    expect(changes.map((c) => c.kind)).toEqual(['triggerChanged', 'ruleChanged']);
    expect(changes[1]?.properties).toEqual(['enabled', 'recycle']);
    expect(changes[1]?.summary['zh-CN']).toBe('规则已更改：启用状态、回收设置。');
  });

  it('is reached through diffDefinitions, with no states to migrate', () => {
    const diff = diffDefinitions({ kind: 'rule', before: aRecycleRule(), after: edited((r) => (r.priority = 20)) });
    expect(diff.changes.map((c) => c.properties)).toEqual([['priority']]);
    expect(diff.migration).toEqual({ disappearingStates: [], suggestedStateMap: {} });
  });
});
