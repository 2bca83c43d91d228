import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { catalogueWithCustomFields } from './catalogue-with-custom-fields.ts';
import { compileConditionToSql } from './compile-condition-to-sql.ts';
import { InvalidConditionError } from './plan-condition.ts';

const catalogue = catalogueWithCustomFields(defaultFactCatalogues.customer, [
  { key: 'budget', type: 'number', label: { en: 'budget', 'zh-CN': '预算' } },
]);
const context = { now: new Date('2024-05-19T16:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('compileConditionToSql', () => {
  it('binds every value as a parameter and writes only quoted catalogue identifiers', () => {
    const fragment = compileConditionToSql(
      { any: [{ fact: 'name', operator: 'equal', value: "O'Brien'); drop table customer; --" }, { fact: 'callCount', operator: 'greaterThan', value: 3 }] },
      catalogue,
    );
    expect(fragment).toEqual({
      sql: '(("customer"."name" = $1::text and "customer"."name" is not null) or ("customer"."call_count" > $2::numeric and "customer"."call_count" is not null))',
      params: ["O'Brien'); drop table customer; --", 3],
    });
  });

  it('numbers placeholders from firstParam and qualifies columns with the table alias', () => {
    const fragment = compileConditionToSql({ fact: 'stage', operator: 'in', value: ['potential', 'target'] }, catalogue, {
      firstParam: 4,
      tableAlias: 'c',
    });
    expect(fragment).toEqual({ sql: '("c"."stage" = any($4::text[]) and "c"."stage" is not null)', params: [['potential', 'target']] });
  });

  it('binds now and the time zone once, however many leaves use them', () => {
    const fragment = compileConditionToSql(
      {
        all: [
          { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
          { fact: 'lastContactAt', operator: 'equal', value: '2024-05-01' },
        ],
      },
      catalogue,
      { context },
    );
    expect(fragment.params).toEqual(['2024-05-19T16:00:00.000Z', 'Asia/Shanghai', 15, '2024-05-01']);
    expect(fragment.sql).not.toContain('Asia/Shanghai');
    // One placeholder for now, however often the text refers to it.
    expect(new Set(fragment.sql.match(/\$\d+::timestamptz/g))).toEqual(new Set(['$1::timestamptz']));
  });

  it('folds NULL into the answer json-rules-engine gives, so NOT and OR stay two-valued', () => {
    expect(compileConditionToSql({ fact: 'name', operator: 'notEqual', value: 'Ann' }, catalogue).sql).toBe(
      '("customer"."name" is distinct from $1::text)',
    );
    expect(compileConditionToSql({ not: { fact: 'name', operator: 'includesText', value: 'An' } }, catalogue).sql).toBe(
      '(not (strpos("customer"."name", $1::text) > 0 and "customer"."name" is not null))',
    );
    expect(compileConditionToSql({ fact: 'name', operator: 'isEmpty' }, catalogue).sql).toBe(`(coalesce("customer"."name", '') = '')`);
  });

  it('needs the context for facts that depend on the clock', () => {
    expect(() => compileConditionToSql({ fact: 'daysSinceCreated', operator: 'lessThan', value: 3 }, catalogue)).toThrow(/options\.context/);
  });

  it('refuses conditions the catalogue does not accept', () => {
    expect(() => compileConditionToSql({ fact: 'stage', operator: 'lessThan', value: 'won' }, catalogue)).toThrow(InvalidConditionError);
  });
});
