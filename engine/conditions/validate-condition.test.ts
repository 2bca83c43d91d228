import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { validateCondition } from './validate-condition.ts';

const catalogue = defaultFactCatalogues.customer;

/** Path and code of each problem, the parts callers act on. */
function problemsOf(condition: unknown) {
  return validateCondition(condition, catalogue, '/guard').map((p) => [p.path, p.code]);
}

describe('validateCondition', () => {
  it('accepts the pool-recycle guard over catalogued facts', () => {
    const recycle = {
      all: [
        { fact: 'ownership', operator: 'equal', value: 'personal' },
        { fact: 'stage', operator: 'in', value: ['potential', 'target'] },
        { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
        { not: { fact: 'hasOpenOpportunity', operator: 'equal', value: true } },
      ],
    };
    expect(validateCondition(recycle, catalogue, '/guard')).toEqual([]);
  });

  it('accepts dates for date facts and either dates or offset date-times for date-time facts', () => {
    expect(problemsOf({ fact: 'contractEndsOn', operator: 'between', value: ['2024-05-01', '2024-05-31'] })).toEqual([]);
    expect(problemsOf({ fact: 'lastContactAt', operator: 'lessThan', value: '2024-05-01' })).toEqual([]);
    expect(problemsOf({ fact: 'lastContactAt', operator: 'lessThan', value: '2024-05-01T09:30:00+08:00' })).toEqual([]);
    expect(problemsOf({ fact: 'name', operator: 'isEmpty' })).toEqual([]);
  });

  it('names an unknown fact at its JSON pointer, in English and Chinese', () => {
    expect(validateCondition({ all: [{ fact: 'stag', operator: 'equal', value: 'potential' }] }, catalogue, '/guard')).toEqual([
      {
        path: '/guard/all/0/fact',
        code: 'condition.unknownFact',
        message: { en: '"stag" is not a fact of customer.', 'zh-CN': '“stag”不是客户可用的条件字段。' },
      },
    ]);
  });

  it('refuses an operator that does not suit the fact type, listing the ones that do', () => {
    const [p] = validateCondition({ any: [{ fact: 'stage', operator: 'lessThan', value: 'target' }] }, catalogue, '');
    expect(p?.path).toBe('/any/0/operator');
    expect(p?.code).toBe('condition.operatorNotAllowed');
    expect(p?.message.en).toBe(
      '"lessThan" does not apply to stage (enum); use one of equal, notEqual, in, notIn, isEmpty, isNotEmpty.',
    );
    expect(p?.message['zh-CN']).toContain('不适用于“阶段”');
  });

  it('checks the value against the operator: none, one, a list or a [low, high] pair', () => {
    expect(problemsOf({ fact: 'name', operator: 'isEmpty', value: '' })).toEqual([['/guard/value', 'condition.valueNotAllowed']]);
    expect(problemsOf({ fact: 'name', operator: 'equal' })).toEqual([['/guard/value', 'condition.valueMissing']]);
    expect(problemsOf({ fact: 'stage', operator: 'in', value: 'potential' })).toEqual([['/guard/value', 'condition.valueNotList']]);
    expect(problemsOf({ fact: 'stage', operator: 'in', value: [] })).toEqual([['/guard/value', 'condition.emptyList']]);
    expect(problemsOf({ fact: 'stage', operator: 'equal', value: ['potential'] })).toEqual([['/guard/value', 'condition.valueNotSingle']]);
    expect(problemsOf({ fact: 'callCount', operator: 'between', value: [5] })).toEqual([['/guard/value', 'condition.valueNotPair']]);
    expect(problemsOf({ fact: 'callCount', operator: 'between', value: [9, 5] })).toEqual([['/guard/value', 'condition.emptyRange']]);
    expect(problemsOf({ fact: 'name', operator: 'includesText', value: '' })).toEqual([['/guard/value', 'condition.emptyText']]);
  });

  it('checks each value has the fact type, pointing at the list item at fault', () => {
    expect(problemsOf({ fact: 'callCount', operator: 'in', value: [1, '2'] })).toEqual([['/guard/value/1', 'condition.valueType']]);
    expect(problemsOf({ fact: 'doNotCall', operator: 'equal', value: 'yes' })).toEqual([['/guard/value', 'condition.valueType']]);
    expect(problemsOf({ fact: 'contractEndsOn', operator: 'equal', value: '2024-02-30' })).toEqual([['/guard/value', 'condition.valueType']]);
    expect(problemsOf({ fact: 'lastContactAt', operator: 'equal', value: '2024-05-01T09:30:00' })).toEqual([['/guard/value', 'condition.valueType']]);
    expect(problemsOf({ fact: 'name', operator: 'equal', value: null })).toEqual([['/guard/value', 'condition.valueType']]);
    const [p] = validateCondition({ fact: 'callCount', operator: 'equal', value: 'many' }, catalogue, '');
    expect(p?.message).toEqual({ en: 'calls made must be a number.', 'zh-CN': '“通话次数”应为数字。' });
  });

  it('requires enum values to be among the options', () => {
    const [p] = validateCondition({ fact: 'stage', operator: 'in', value: ['potential', 'prospect'] }, catalogue, '');
    expect(p).toMatchObject({ path: '/value/1', code: 'condition.unknownOption' });
    expect(p?.message.en).toBe('"prospect" is not an option of stage; use one of reserve, target, potential, opportunity, won.');
  });

  it('refuses to mix days and instants in one date-time comparison', () => {
    expect(problemsOf({ fact: 'lastContactAt', operator: 'between', value: ['2024-05-01', '2024-05-02T00:00:00Z'] })).toEqual([
      ['/guard/value', 'condition.mixedDateForms'],
    ]);
  });

  it('reports shape errors per leaf rather than as one failed union', () => {
    expect(problemsOf({ fact: 'name', operator: 'matches', value: 'x', path: '$.a' })).toEqual([
      ['/guard/path', 'schema.unknownProperty'],
      ['/guard/operator', 'schema.enum'],
    ]);
    expect(problemsOf({ all: { fact: 'name', operator: 'isEmpty' } })).toEqual([['/guard/all', 'condition.notAList']]);
    expect(problemsOf({ all: [], fact: 'name' })).toEqual([['/guard', 'condition.mixedShape']]);
    expect(problemsOf('stage is potential')).toEqual([['/guard', 'condition.shape']]);
    expect(problemsOf({ not: { not: { fact: 'name' } } })).toEqual([['/guard/not/not/operator', 'schema.required']]);
  });

  it('refuses an empty any, which json-rules-engine would treat as true', () => {
    expect(problemsOf({ any: [] })).toEqual([['/guard/any', 'condition.emptyAny']]);
    expect(problemsOf({ all: [] })).toEqual([]);
  });

  it('collects every problem of a condition, each at its own path', () => {
    expect(
      problemsOf({
        all: [
          { fact: 'stage', operator: 'equal', value: 'prospect' },
          { any: [{ fact: 'nope', operator: 'isEmpty' }, { fact: 'callCount', operator: 'greaterThan', value: true }] },
        ],
      }),
    ).toEqual([
      ['/guard/all/0/value', 'condition.unknownOption'],
      ['/guard/all/1/any/0/fact', 'condition.unknownFact'],
      ['/guard/all/1/any/1/value', 'condition.valueType'],
    ]);
  });
});
