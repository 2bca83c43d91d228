import { describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { catalogueWithCustomFields } from './catalogue-with-custom-fields.ts';
import { compileConditionToPredicate } from './compile-condition-to-predicate.ts';
import type { EvaluationContext } from './evaluation-context.ts';
import { InvalidConditionError } from './plan-condition.ts';
import type { FactRow } from './read-fact-value.ts';

const catalogue = catalogueWithCustomFields(defaultFactCatalogues.customer, [
  { key: 'budget', type: 'number', label: { en: 'budget', 'zh-CN': '预算' } },
  { key: 'region', type: 'text', label: { en: 'region', 'zh-CN': '区域' } },
  { key: 'visitOn', type: 'date', label: { en: 'visit day', 'zh-CN': '拜访日' } },
]);
const shanghai = (now: string) => ({ now: new Date(now), timeZone: 'Asia/Shanghai' });
const utc = (now: string) => ({ now: Date.parse(now), timeZone: 'UTC' });

function aCustomer(overrides: Record<string, unknown> = {}): FactRow {
  return {
    id: 1,
    name: 'Wang Wei',
    stage: 'potential',
    ownership: 'personal',
    last_contact_at: new Date('2024-05-01T02:00:00Z'),
    has_open_opportunity: false,
    custom_fields: {},
    ...overrides,
  };
}

const holds = (condition: Condition, row: FactRow, context: EvaluationContext = shanghai('2024-05-20T02:00:00Z')) =>
  compileConditionToPredicate(condition, catalogue)(row, context);

describe('compileConditionToPredicate', () => {
  const recycle: Condition = {
    all: [
      { fact: 'ownership', operator: 'equal', value: 'personal' },
      { fact: 'stage', operator: 'in', value: ['potential', 'target'] },
      { fact: 'daysSinceLastContact', operator: 'greaterThanInclusive', value: 15 },
      { not: { fact: 'hasOpenOpportunity', operator: 'equal', value: true } },
    ],
  };

  it('returns a potential customer to the pool after 15 days without a contact record', () => {
    expect(holds(recycle, aCustomer({ last_contact_at: new Date('2024-05-05T02:00:00Z') }))).toBe(true);
    expect(holds(recycle, aCustomer({ last_contact_at: new Date('2024-05-06T02:00:00Z') }))).toBe(false);
    expect(holds(recycle, aCustomer({ has_open_opportunity: true, last_contact_at: new Date('2024-05-01') }))).toBe(false);
  });

  it('counts days since as calendar days of the context time zone, not as 24-hour spans', () => {
    // 2024-05-04T16:30Z is already 5 May in Shanghai but still 4 May in UTC.
    const row = aCustomer({ last_contact_at: new Date('2024-05-04T16:30:00Z') });
    const fifteen: Condition = { fact: 'daysSinceLastContact', operator: 'equal', value: 15 };
    expect(holds(fifteen, row, shanghai('2024-05-19T16:00:00Z'))).toBe(true);
    expect(holds(fifteen, row, utc('2024-05-19T16:00:00Z'))).toBe(true);
    expect(holds(fifteen, row, shanghai('2024-05-19T15:59:59.999Z'))).toBe(false);
    expect(holds(fifteen, row, utc('2024-05-20T00:00:00Z'))).toBe(false);
  });

  it('compares a date-time with a day by its local date in the context time zone', () => {
    const onMay5: Condition = { fact: 'lastContactAt', operator: 'equal', value: '2024-05-05' };
    const row = aCustomer({ last_contact_at: '2024-05-04T16:30:00.000Z' });
    expect(holds(onMay5, row, shanghai('2024-05-20T00:00:00Z'))).toBe(true);
    expect(holds(onMay5, row, utc('2024-05-20T00:00:00Z'))).toBe(false);
    expect(holds({ fact: 'lastContactAt', operator: 'lessThan', value: '2024-05-05T00:30:00+08:00' }, row)).toBe(false);
  });

  it('treats a missing value as empty: only isEmpty and the negative operators hold on it', () => {
    const row = aCustomer({ name: null, last_contact_at: null });
    expect(holds({ fact: 'name', operator: 'isEmpty' }, row)).toBe(true);
    expect(holds({ fact: 'name', operator: 'notEqual', value: 'Ann' }, row)).toBe(true);
    expect(holds({ fact: 'name', operator: 'notIn', value: ['Ann'] }, row)).toBe(true);
    expect(holds({ fact: 'name', operator: 'excludesText', value: 'A' }, row)).toBe(true);
    expect(holds({ fact: 'name', operator: 'equal', value: 'Ann' }, row)).toBe(false);
    expect(holds({ fact: 'daysSinceLastContact', operator: 'lessThan', value: 99 }, row)).toBe(false);
    expect(holds({ not: { fact: 'daysSinceLastContact', operator: 'lessThan', value: 99 } }, row)).toBe(true);
  });

  it('counts an empty string as empty', () => {
    expect(holds({ fact: 'name', operator: 'isEmpty' }, aCustomer({ name: '' }))).toBe(true);
    expect(holds({ fact: 'name', operator: 'isNotEmpty' }, aCustomer({ name: ' ' }))).toBe(true);
  });

  it('compares text case-sensitively', () => {
    expect(holds({ fact: 'name', operator: 'includesText', value: 'Wang' }, aCustomer())).toBe(true);
    expect(holds({ fact: 'name', operator: 'includesText', value: 'wang' }, aCustomer())).toBe(false);
    expect(holds({ fact: 'name', operator: 'equal', value: 'wang wei' }, aCustomer())).toBe(false);
  });

  it('reads custom numbers from JSON numbers and plain numerals, and nothing else', () => {
    const over10: Condition = { fact: 'custom.budget', operator: 'greaterThan', value: 10 };
    expect(holds(over10, aCustomer({ custom_fields: { budget: 12.5 } }))).toBe(true);
    expect(holds(over10, aCustomer({ custom_fields: { budget: '12.5' } }))).toBe(true);
    expect(holds(over10, aCustomer({ custom_fields: { budget: '1e3' } }))).toBe(false);
    expect(holds(over10, aCustomer({ custom_fields: { budget: true } }))).toBe(false);
    expect(holds({ fact: 'custom.budget', operator: 'isEmpty' }, aCustomer({ custom_fields: { budget: 'lots' } }))).toBe(true);
    expect(holds({ fact: 'custom.budget', operator: 'isEmpty' }, aCustomer({ custom_fields: null }))).toBe(true);
  });

  it('reads numeric columns node-postgres returns as text', () => {
    expect(holds({ fact: 'totalDealAmount', operator: 'between', value: [10, 20] }, aCustomer({ total_deal_amount: '15.50' }))).toBe(true);
  });

  it('compares custom dates by their YYYY-MM-DD text', () => {
    const beforeMay: Condition = { fact: 'custom.visitOn', operator: 'lessThan', value: '2024-05-01' };
    expect(holds(beforeMay, aCustomer({ custom_fields: { visitOn: '2024-04-30' } }))).toBe(true);
    expect(holds(beforeMay, aCustomer({ custom_fields: { visitOn: '2024-5-1' } }))).toBe(false);
  });

  it('does the per-context work once when prepared for many records', () => {
    const matches = compileConditionToPredicate(recycle, catalogue).prepare(shanghai('2024-05-20T02:00:00Z'));
    const rows = [aCustomer(), aCustomer({ stage: 'won' }), aCustomer({ ownership: 'pool' })];
    expect(rows.map(matches)).toEqual([true, false, false]);
  });

  it('refuses to compile a condition the catalogue does not accept', () => {
    expect(() => compileConditionToPredicate({ fact: 'mood', operator: 'isEmpty' }, catalogue)).toThrow(InvalidConditionError);
  });
});
