import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { buildRulesEngineEvaluator, evaluateWithRulesEngine } from './evaluate-with-rules-engine.ts';
import type { FactRow } from './read-fact-value.ts';

const catalogue = defaultFactCatalogues.customer;
const context = { now: new Date('2024-05-20T02:00:00Z'), timeZone: 'Asia/Shanghai' };
const judge = (condition: Condition, row: FactRow) => evaluateWithRulesEngine(condition, catalogue, row, context);

describe('evaluateWithRulesEngine (the reference semantics)', () => {
  it('evaluates a single leaf, which json-rules-engine only takes under all/any/not', async () => {
    expect(await judge({ fact: 'stage', operator: 'equal', value: 'potential' }, { stage: 'potential' })).toBe(true);
  });

  it("runs json-rules-engine's own operators on missing values: a comparison fails, its negation holds", async () => {
    const row = { name: null, call_count: null };
    expect(await judge({ fact: 'callCount', operator: 'lessThan', value: 3 }, row)).toBe(false);
    expect(await judge({ not: { fact: 'callCount', operator: 'lessThan', value: 3 } }, row)).toBe(true);
    expect(await judge({ fact: 'name', operator: 'notEqual', value: 'Ann' }, row)).toBe(true);
    expect(await judge({ fact: 'name', operator: 'notIn', value: ['Ann'] }, row)).toBe(true);
    expect(await judge({ fact: 'name', operator: 'in', value: ['Ann'] }, row)).toBe(false);
  });

  it('adds includesText, excludesText, isEmpty, isNotEmpty and between', async () => {
    const row = { name: 'Wang Wei', phone: '', call_count: 5 };
    expect(await judge({ fact: 'name', operator: 'includesText', value: 'Wei' }, row)).toBe(true);
    expect(await judge({ fact: 'name', operator: 'excludesText', value: 'wei' }, row)).toBe(true);
    expect(await judge({ fact: 'phone', operator: 'isEmpty' }, row)).toBe(true);
    expect(await judge({ fact: 'name', operator: 'isNotEmpty' }, row)).toBe(true);
    expect(await judge({ fact: 'callCount', operator: 'between', value: [5, 9] }, row)).toBe(true);
    expect(await judge({ fact: 'callCount', operator: 'between', value: [6, 9] }, row)).toBe(false);
  });

  it('reuses one engine for many records', async () => {
    const evaluator = buildRulesEngineEvaluator({ fact: 'daysSinceCreated', operator: 'lessThan', value: 1 }, catalogue);
    expect(await evaluator.run({ created_at: '2024-05-19T16:00:00.000Z' }, context)).toBe(true);
    expect(await evaluator.run({ created_at: '2024-05-19T15:59:59.999Z' }, context)).toBe(false);
  });
});
