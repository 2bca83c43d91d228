import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { SqlParameters } from '../conditions/sql-parameters.ts';
import { indexableConditionsSql } from './queue-index-conditions.ts';

const customers = defaultFactCatalogues.customer as FactCatalogue;
const orders = defaultFactCatalogues.order as FactCatalogue;

function hintsOf(condition: Condition, catalogue: FactCatalogue = customers) {
  const parameters = new SqlParameters(1, { now: Date.UTC(2026, 2, 8), timeZone: 'Asia/Shanghai' });
  return { sql: indexableConditionsSql(condition, catalogue, '"q"', parameters), params: parameters.values };
}

describe('index conditions of a queue section', () => {
  it('writes an equal leaf the whole condition needs as a plain comparison an index can search by, isNotEmpty as not null', () => {
    expect(hintsOf({ all: [{ fact: 'stage', operator: 'equal', value: 'potential' }, { fact: 'nextFollowUpAt', operator: 'isNotEmpty' }] })).toEqual({
      sql: ['"q"."stage" = $1::text', '"q"."next_follow_up_at" is not null'],
      params: ['potential'],
    });
  });

  it('writes an in leaf as = any of the list, and finds leaves in nested all', () => {
    const condition: Condition = { all: [{ all: [{ fact: 'status', operator: 'in', value: ['pending', 'shipped'] }] }, { fact: 'amount', operator: 'equal', value: 5 }] };
    expect(hintsOf(condition, orders)).toEqual({
      sql: ['"q"."status" = any($1::text[])', '"q"."amount" = $2::numeric'],
      params: [['pending', 'shipped'], 5],
    });
  });

  it('leaves out what a row may pass without: leaves under any or not, other operators', () => {
    expect(hintsOf({ any: [{ fact: 'stage', operator: 'equal', value: 'target' }, { fact: 'stage', operator: 'equal', value: 'reserve' }] }).sql).toEqual([]);
    expect(hintsOf({ not: { fact: 'stage', operator: 'equal', value: 'target' } }).sql).toEqual([]);
    expect(hintsOf({ fact: 'stage', operator: 'notEqual', value: 'target' }).sql).toEqual([]);
    expect(hintsOf({ fact: 'callCount', operator: 'greaterThan', value: 3 }).sql).toEqual([]);
    expect(hintsOf({ fact: 'phone', operator: 'isEmpty' }).sql).toEqual([]);
  });

  it('leaves out facts no plain column index holds: custom fields, day-valued dates, computed facts', () => {
    expect(hintsOf({ fact: 'level', operator: 'equal', value: 'A' }).sql).toEqual([]);
    expect(hintsOf({ fact: 'level', operator: 'isNotEmpty' }).sql).toEqual([]);
    expect(hintsOf({ fact: 'nextFollowUpAt', operator: 'equal', value: '2026-03-08' }).sql).toEqual([]);
    expect(hintsOf({ fact: 'daysSinceLastContact', operator: 'equal', value: 3 }).sql).toEqual([]);
    expect(hintsOf({ fact: 'hasOpenOpportunity', operator: 'equal', value: true }).sql).toEqual([]);
  });
});
