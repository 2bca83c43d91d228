import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../../definitions/defaults/facts/default-fact-catalogues.ts';
import { factByName } from '../../../engine/conditions/catalogue-facts.ts';
import { describeCondition } from '../../../engine/conditions/describe-condition.ts';
import { describeDraftCondition, leafFor, withOperator } from './condition-draft.ts';

const catalogue = defaultFactCatalogues.customer;

describe('the condition builder words', () => {
  const recycle: Condition = {
    all: [
      { fact: 'stage', operator: 'equal', value: 'potential' },
      { any: [{ fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 }, { fact: 'lastContactAt', operator: 'isEmpty' }] },
    ],
  };

  it('say a valid condition exactly as the engine does, in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(describeDraftCondition(recycle, catalogue, locale)).toBe(describeCondition(recycle, catalogue, locale));
    }
  });

  it('still say a condition naming a fact the catalogue lacks, by the fact name', () => {
    expect(describeDraftCondition({ fact: 'noSuchFact', operator: 'equal', value: 'x' }, catalogue, 'en')).toContain('noSuchFact');
  });
});

describe('condition builder leaves', () => {
  it('start a leaf with an operator and a value the fact accepts', () => {
    const stage = factByName(catalogue, 'stage')!;
    expect(leafFor(stage)).toEqual({ fact: 'stage', operator: 'equal', value: stage.options![0]!.value });
    expect(leafFor(stage, 'isEmpty')).toEqual({ fact: 'stage', operator: 'isEmpty' });
  });

  it('keep the value when the operator takes the same shape, and reshape it otherwise', () => {
    const days = factByName(catalogue, 'daysSinceLastContact')!;
    const leaf = { fact: days.name, operator: 'greaterThan' as const, value: 15 };
    expect(withOperator(leaf, days, 'lessThan')).toEqual({ ...leaf, operator: 'lessThan' });
    expect(withOperator(leaf, days, 'between')).toEqual({ fact: days.name, operator: 'between', value: [0, 0] });
  });
});
