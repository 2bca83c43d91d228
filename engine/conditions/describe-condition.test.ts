import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { describeCondition } from './describe-condition.ts';

const catalogue = defaultFactCatalogues.customer;

describe('describeCondition', () => {
  const recycle: Condition = {
    all: [
      { fact: 'stage', operator: 'equal', value: 'potential' },
      { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
    ],
  };

  it('says a condition in plain English with the catalogue labels and units', () => {
    expect(describeCondition(recycle, catalogue, 'en')).toBe('stage is Potential customer and time since the last contact ≥ 15 days');
  });

  it('says it in Chinese', () => {
    expect(describeCondition(recycle, catalogue, 'zh-CN')).toBe('阶段为潜在客户 且 距上次联系 ≥ 15 天');
  });

  it('brackets nested groups and words not, lists, ranges and emptiness', () => {
    const condition: Condition = {
      any: [
        { fact: 'level', operator: 'in', value: ['A', 'B'] },
        {
          all: [
            { not: { fact: 'phone', operator: 'isEmpty' } },
            { fact: 'contractEndsOn', operator: 'between', value: ['2024-05-01', '2024-05-31'] },
            { fact: 'name', operator: 'includesText', value: 'Wang' },
          ],
        },
      ],
    };
    expect(describeCondition(condition, catalogue, 'en')).toBe(
      'customer level is one of A – key account, B – regular or (not (phone is empty) and contract end is between 2024-05-01 and 2024-05-31 and name contains "Wang")',
    );
    expect(describeCondition(condition, catalogue, 'zh-CN')).toBe(
      '客户级别属于A 重点客户、B 普通客户 或 （并非（电话为空） 且 合同到期日介于 2024-05-01 与 2024-05-31 之间 且 客户名称包含“Wang”）',
    );
  });

  it('says an empty all always holds', () => {
    expect(describeCondition({ all: [] }, catalogue, 'en')).toBe('always');
  });
});
