import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListField, ValueShape } from '../api/list-fields.ts';
import { conditionOfDraft, draftOfCondition, newRow, problemsByRow, rowOnField, valuesFor, type Condition, type FilterDraft } from './filter-draft.ts';
import { cycleSortLevel, sortParameter, sortStateOf } from './sort-levels.ts';

const label = (text: string) => ({ en: text, 'zh-CN': text });
// The value shapes as the list fields API states them (emptiness takes nothing, between a pair, in / notIn a list).
const shapeOfFixture = (operator: string): ValueShape =>
  operator === 'isEmpty' || operator === 'isNotEmpty' ? 'none' : operator === 'between' ? 'pair' : operator === 'in' || operator === 'notIn' ? 'list' : 'single';
const field = (name: string, type: ListField['type'], operators: string[], extra: Partial<ListField> = {}): ListField => ({
  name, type, label: label(name), operators, valueShapes: Object.fromEntries(operators.map((operator) => [operator, shapeOfFixture(operator)])), sortable: true, access: 'write', ...extra,
});
const fieldList: ListField[] = [
  field('name', 'string', ['equal', 'notEqual', 'in', 'notIn', 'includesText', 'excludesText', 'isEmpty', 'isNotEmpty']),
  field('custom.industry', 'enum', ['equal', 'notEqual', 'in', 'notIn', 'isEmpty', 'isNotEmpty'], { options: [{ value: 'it', label: label('IT') }, { value: 'retail', label: label('Retail') }] }),
  field('callCount', 'number', ['equal', 'lessThan', 'greaterThanInclusive', 'between', 'in', 'isEmpty']),
  field('doNotCall', 'boolean', ['equal', 'notEqual', 'isEmpty', 'isNotEmpty']),
  field('lastContactAt', 'datetime', ['equal', 'lessThan', 'between', 'isEmpty', 'isNotEmpty']),
];
const fields = new Map(fieldList.map((one) => [one.name, one]));

describe('filter builder rows ↔ condition', () => {
  it('says industry = IT and last contact empty as the list takes it, with each row’s path', () => {
    const draft: FilterDraft = {
      join: 'all',
      items: [
        { kind: 'row', key: 1, fact: 'custom.industry', operator: 'equal', values: ['it'] },
        { kind: 'row', key: 2, fact: 'lastContactAt', operator: 'isEmpty', values: [] },
        { kind: 'group', key: 3, join: 'any', rows: [
          { kind: 'row', key: 4, fact: 'callCount', operator: 'between', values: ['1', '3'] },
          { kind: 'row', key: 5, fact: 'doNotCall', operator: 'equal', values: ['false'] },
        ] },
      ],
    };
    const { condition, rowPaths } = conditionOfDraft(draft, fields);
    expect(condition).toEqual({
      all: [
        { fact: 'custom.industry', operator: 'equal', value: 'it' },
        { fact: 'lastContactAt', operator: 'isEmpty' },
        { any: [{ fact: 'callCount', operator: 'between', value: [1, 3] }, { fact: 'doNotCall', operator: 'equal', value: false }] },
      ],
    });
    expect([...rowPaths]).toEqual([['/all/0', 1], ['/all/1', 2], ['/all/2/any/0', 4], ['/all/2/any/1', 5]]);
  });

  it('leaves out rows without a field, so an empty builder is no filter', () => {
    expect(conditionOfDraft({ join: 'any', items: [newRow(undefined), { kind: 'group', key: 9, join: 'all', rows: [newRow(undefined)] }] }, fields).condition).toBeUndefined();
  });

  it('keeps the values an operator still takes when it changes, and starts a new field afresh', () => {
    expect(valuesFor('pair', ['5'])).toEqual(['5', '']);
    expect(valuesFor('none', ['5'])).toEqual([]);
    expect(valuesFor('list', ['it', ''])).toEqual(['it']);
    const row = { kind: 'row' as const, key: 1, fact: 'callCount', operator: 'between', values: ['1', '3'] };
    expect(rowOnField(row, fields.get('lastContactAt')!)).toMatchObject({ fact: 'lastContactAt', operator: 'between', values: ['', ''] });
    expect(rowOnField(row, fields.get('doNotCall')!)).toMatchObject({ operator: 'equal', values: [''] });
  });

  it('shows a deeper condition as not editable here', () => {
    expect(draftOfCondition({ not: { fact: 'name', operator: 'isEmpty' } })).toBeUndefined();
    expect(draftOfCondition({ all: [{ any: [{ all: [{ fact: 'name', operator: 'isEmpty' }] }] }] })).toBeUndefined();
    expect(draftOfCondition(null)).toEqual({ join: 'all', items: [] });
  });

  it('puts the list’s problems beside the row their path lies in', () => {
    const rowPaths = new Map([['/all/0', 1], ['/all/2/any/1', 5]]);
    const { byRow, general } = problemsByRow(
      [
        { path: '/query/filter/all/2/any/1/value', message: 'not a number' },
        { path: '/query/filter/all/0/operator', message: 'masked' },
        { path: '/query/filter', message: 'whole filter' },
        { path: '/query/sort/0', message: 'sort' },
      ],
      rowPaths,
    );
    expect(Object.fromEntries(byRow)).toEqual({ 5: ['not a number'], 1: ['masked'] });
    expect(general).toEqual(['whole filter', 'sort']);
  });

  it('reads any condition it can show back to the very same condition', () => {
    const leafOf = fc.oneof(
      fc.record({ fact: fc.constant('name'), operator: fc.constantFrom('equal', 'includesText', 'excludesText'), value: fc.string() }),
      fc.record({ fact: fc.constant('name'), operator: fc.constantFrom('in', 'notIn'), value: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 3 }) }),
      fc.record({ fact: fc.constant('custom.industry'), operator: fc.constantFrom('equal', 'notEqual'), value: fc.constantFrom('it', 'retail') }),
      fc.record({ fact: fc.constant('callCount'), operator: fc.constantFrom('equal', 'lessThan'), value: fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0) }),
      fc.record({ fact: fc.constant('callCount'), operator: fc.constant('between'), value: fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 99 })) }),
      fc.record({ fact: fc.constant('doNotCall'), operator: fc.constant('equal'), value: fc.boolean() }),
      fc.record({ fact: fc.constant('lastContactAt'), operator: fc.constant('between'), value: fc.tuple(fc.constant('2026-01-01'), fc.constant('2026-03-31')) }),
      fc.record({ fact: fc.constantFrom('lastContactAt', 'name', 'custom.industry'), operator: fc.constantFrom('isEmpty', 'isNotEmpty') }),
    );
    const groupOf = (item: fc.Arbitrary<Condition>) =>
      fc.tuple(fc.boolean(), fc.array(item, { minLength: 1, maxLength: 4 })).map(([all, items]): Condition => (all ? { all: items } : { any: items }));
    const condition = groupOf(fc.oneof(leafOf, groupOf(leafOf)));
    fc.assert(
      fc.property(condition, (original) => {
        const draft = draftOfCondition(original);
        expect(draft).toBeDefined();
        expect(conditionOfDraft(draft!, fields).condition).toEqual(original);
      }),
    );
  });
});

describe('sort levels', () => {
  it('adds a column as the next level, turns it descending, then drops it, up to four levels', () => {
    let levels = cycleSortLevel([], 'name');
    levels = cycleSortLevel(levels, 'callCount');
    expect(sortParameter(levels)).toBe('name,callCount');
    levels = cycleSortLevel(levels, 'name');
    expect(sortParameter(levels)).toBe('-name,callCount');
    expect(sortStateOf(levels, 'name')).toEqual({ ariaSort: 'descending', level: 1 });
    levels = cycleSortLevel(levels, 'name');
    expect(levels).toEqual([{ fact: 'callCount', direction: 'asc' }]);
    expect(sortStateOf(levels, 'callCount')).toEqual({ ariaSort: 'ascending' });
    expect(sortStateOf(levels, 'name')).toEqual({ ariaSort: 'none' });
    const four = ['a', 'b', 'c', 'd'].reduce((all, fact) => cycleSortLevel(all, fact), [] as ReturnType<typeof cycleSortLevel>);
    expect(cycleSortLevel(four, 'e')).toEqual(four);
    expect(sortParameter([])).toBeUndefined();
  });
});
