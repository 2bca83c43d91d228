import { describe, expect, it } from 'vitest';
import type { ConditionLeaf } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { factCatalogueSchema } from '../../definitions/fact-catalogue.schema.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';
import { compileConditionToPredicate } from './compile-condition-to-predicate.ts';
import { compileConditionToSql } from './compile-condition-to-sql.ts';
import { describeCondition } from './describe-condition.ts';

const checkCatalogue = compileSchemaCheck(factCatalogueSchema);
const context = { now: new Date('2024-05-20T02:00:00Z'), timeZone: 'Asia/Shanghai' };

describe.each(Object.entries(defaultFactCatalogues))('the default %s fact catalogue', (entity, catalogue) => {
  it('follows the fact catalogue schema', () => {
    expect(catalogue.entity).toBe(entity);
    expect(schemaProblems(checkCatalogue, catalogue, '')).toEqual([]);
  });

  it('names each fact once and gives every enum fact its options', () => {
    const names = catalogue.facts.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(catalogue.facts.filter((f) => f.type === 'enum' && (f.options ?? []).length === 0)).toEqual([]);
  });

  it('compiles every fact to a closure, SQL and words', () => {
    for (const fact of catalogue.facts) {
      const leaf: ConditionLeaf = { fact: fact.name, operator: 'isNotEmpty' };
      expect(compileConditionToPredicate(leaf, catalogue)({}, context)).toBe(false);
      expect(compileConditionToSql(leaf, catalogue, { context }).sql).toContain(`"${catalogue.table}".`);
      expect(describeCondition(leaf, catalogue, 'zh-CN')).toContain(fact.label['zh-CN']);
    }
  });
});

describe('the fact catalogue schema', () => {
  it('refuses a column name that is not a plain snake_case identifier', () => {
    const broken = {
      entity: 'customer',
      table: 'customer',
      facts: [
        { name: 'stage', type: 'string', label: { en: 'stage', 'zh-CN': '阶段' }, source: { kind: 'column', column: 'stage"; drop' } },
      ],
    };
    expect(schemaProblems(checkCatalogue, broken, '').map((p) => [p.path, p.code])).toEqual([
      ['/facts/0/source/column', 'schema.pattern'],
    ]);
  });

  it('names the unknown source kind', () => {
    const broken = {
      entity: 'lead',
      table: 'lead',
      facts: [{ name: 'x', type: 'number', label: { en: 'x', 'zh-CN': 'x' }, source: { kind: 'formula', expression: '1+1' } }],
    };
    expect(schemaProblems(checkCatalogue, broken, '').map((p) => [p.path, p.code])).toEqual([
      ['/facts/0/source/kind', 'schema.unknownKind'],
    ]);
  });
});
