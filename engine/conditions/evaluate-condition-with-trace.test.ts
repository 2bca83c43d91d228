import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { evaluateConditionWithTrace } from './evaluate-condition-with-trace.ts';
import { explainConditionTrace } from './explain-condition-trace.ts';

const catalogue = defaultFactCatalogues.customer;
const context = { now: new Date('2024-05-20T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const recycle: Condition = {
  all: [
    { fact: 'stage', operator: 'equal', value: 'potential' },
    { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
    { not: { fact: 'hasOpenOpportunity', operator: 'equal', value: true } },
  ],
};
const aCustomer = (overrides: Record<string, unknown> = {}) => ({
  stage: 'potential',
  last_contact_at: new Date('2024-05-04T02:00:00Z'),
  has_open_opportunity: false,
  ...overrides,
});

describe('evaluateConditionWithTrace', () => {
  it('mirrors the condition, with the value each leaf saw and whether it held', () => {
    const { result, trace } = evaluateConditionWithTrace(recycle, catalogue, aCustomer(), context);
    expect(result).toBe(true);
    expect(trace).toEqual({
      kind: 'all',
      result: true,
      children: [
        { kind: 'leaf', fact: 'stage', operator: 'equal', value: 'potential', factValue: 'potential', result: true },
        { kind: 'leaf', fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15, factValue: 16, result: true },
        {
          kind: 'not',
          result: true,
          child: { kind: 'leaf', fact: 'hasOpenOpportunity', operator: 'equal', value: true, factValue: false, result: false },
        },
      ],
    });
  });

  it('shows days as dates, instants as ISO text and missing values as null', () => {
    const { trace } = evaluateConditionWithTrace(
      { all: [{ fact: 'lastContactAt', operator: 'equal', value: '2024-05-04' }, { fact: 'contractEndsOn', operator: 'isEmpty' }] },
      catalogue,
      aCustomer({ last_contact_at: new Date('2024-05-04T17:00:00Z') }),
      context,
    );
    expect(trace.kind === 'all' && trace.children.map((c) => c.kind === 'leaf' && c.factValue)).toEqual(['2024-05-05', null]);
  });
});

describe('explainConditionTrace', () => {
  it('names every part when all held, with the values that made them hold', () => {
    const { trace } = evaluateConditionWithTrace(recycle, catalogue, aCustomer(), context);
    expect(explainConditionTrace(trace, catalogue, 'en')).toBe(
      'stage is Potential customer AND time since the last contact ≥ 15 days (16 days) AND has an open opportunity is not yes (no)',
    );
    expect(explainConditionTrace(trace, catalogue, 'zh-CN')).toBe(
      '阶段为潜在客户 且 距上次联系 ≥ 15 天（实际：16 天） 且 有进行中的商机不为是（实际：否）',
    );
  });

  it('names only the parts that failed when all failed, worded as what was true instead', () => {
    const { result, trace } = evaluateConditionWithTrace(
      recycle,
      catalogue,
      aCustomer({ stage: 'target', last_contact_at: new Date('2024-05-18T02:00:00Z') }),
      context,
    );
    expect(result).toBe(false);
    expect(explainConditionTrace(trace, catalogue, 'en')).toBe(
      'stage is not Potential customer (Target customer) AND time since the last contact < 15 days (2 days)',
    );
  });

  it('names only the parts that held when any held', () => {
    const { trace } = evaluateConditionWithTrace(
      { any: [{ fact: 'stage', operator: 'equal', value: 'won' }, { fact: 'name', operator: 'isEmpty' }] },
      catalogue,
      aCustomer({ name: '' }),
      context,
    );
    expect(explainConditionTrace(trace, catalogue, 'en')).toBe('name is empty');
  });
});
