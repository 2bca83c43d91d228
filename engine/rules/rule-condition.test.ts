import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { ruleFiringCondition } from './rule-condition.ts';

const stale: Condition = { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 };
const hasDeal: Condition = { fact: 'totalDealAmount', operator: 'greaterThan', value: 0 };
const label = { en: 'Customers with a deal', 'zh-CN': '已成交客户' };

describe('rule firing condition', () => {
  it('is the rule conditions when there are no exemptions', () => {
    expect(ruleFiringCondition({ conditions: stale })).toBe(stale);
    expect(ruleFiringCondition({ conditions: stale, recycle: { warningDays: 3, coolDownDays: 7 } })).toBe(stale);
  });

  it('requires that no exemption holds', () => {
    const rule = { conditions: stale, recycle: { warningDays: 3, coolDownDays: 7, exemptions: [{ label, condition: hasDeal }] } };
    expect(ruleFiringCondition(rule)).toEqual({ all: [stale, { not: { any: [hasDeal] } }] });
  });
});
