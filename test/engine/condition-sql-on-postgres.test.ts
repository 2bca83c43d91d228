import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { catalogueWithCustomFields } from '../../engine/conditions/catalogue-with-custom-fields.ts';
import { compileConditionToSql } from '../../engine/conditions/compile-condition-to-sql.ts';
import { createTestSchema, type TestSchema } from '../support/test-schema.ts';

/** Hand-picked edge cases of the WHERE compilation, run on PostgreSQL (the differential test covers the rest). */
const catalogue = catalogueWithCustomFields(defaultFactCatalogues.customer, [
  { key: 'budget', type: 'number', label: { en: 'budget', 'zh-CN': '预算' } },
]);
const context = { now: new Date('2024-05-19T16:00:00Z'), timeZone: 'Asia/Shanghai' };

describe('compileConditionToSql on PostgreSQL', () => {
  let schema: TestSchema;

  beforeAll(async () => {
    schema = await createTestSchema('condition_sql');
    await schema.pool.query('create table customer (id integer primary key, name text, last_contact_at timestamptz, custom_fields jsonb)');
    await schema.pool.query(
      `insert into customer values
        (1, 'Wang Wei', '2024-05-04T16:30:00Z', '{"budget": 12.5}'),
        (2, 'wang wei', '2024-05-04T15:30:00Z', '{"budget": "12.5"}'),
        (3, null, null, '{"budget": "lots"}'),
        (4, '', '2024-05-05T01:00:00Z', null)`,
    );
  });

  afterAll(async () => {
    await schema?.drop();
  });

  async function ids(condition: Condition, timeZone = 'Asia/Shanghai'): Promise<number[]> {
    const fragment = compileConditionToSql(condition, catalogue, { context: { ...context, timeZone } });
    const { rows } = await schema.pool.query(`select id from customer where ${fragment.sql} order by id`, fragment.params);
    return rows.map((row: { id: number }) => row.id);
  }

  it('counts days since by the calendar of the context time zone', async () => {
    const fifteen: Condition = { fact: 'daysSinceLastContact', operator: 'equal', value: 15 };
    expect(await ids(fifteen, 'Asia/Shanghai')).toEqual([1, 4]);
    expect(await ids(fifteen, 'UTC')).toEqual([1, 2]);
  });

  it('matches text case-sensitively and treats NULL and empty text as empty', async () => {
    expect(await ids({ fact: 'name', operator: 'includesText', value: 'Wang' })).toEqual([1]);
    expect(await ids({ fact: 'name', operator: 'isEmpty' })).toEqual([3, 4]);
    expect(await ids({ not: { fact: 'name', operator: 'equal', value: 'Wang Wei' } })).toEqual([2, 3, 4]);
  });

  it('reads custom numbers from JSON numbers and numerals, never failing on other text', async () => {
    expect(await ids({ fact: 'custom.budget', operator: 'equal', value: 12.5 })).toEqual([1, 2]);
    expect(await ids({ fact: 'custom.budget', operator: 'isEmpty' })).toEqual([3, 4]);
  });
});
