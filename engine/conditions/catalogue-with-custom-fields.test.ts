import { describe, expect, it } from 'vitest';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import { catalogueWithCustomFields } from './catalogue-with-custom-fields.ts';
import { validateCondition } from './validate-condition.ts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

describe('catalogueWithCustomFields', () => {
  const catalogue = catalogueWithCustomFields(defaultFactCatalogues.customer, [
    { key: 'industry', type: 'dropdown', label: label('industry', '行业'), options: [{ value: 'retail', label: label('retail', '零售') }] },
    { key: 'annualRevenue', type: 'number', label: label('annual revenue', '年营收') },
    { key: 'foundedOn', type: 'date', label: label('founded', '成立日期') },
    { key: 'wechatId', type: 'text', label: label('WeChat', '微信号') },
    { key: 'meetingAt', type: 'date', withTime: true, label: label('meeting', '会面时间') },
    { key: 'tags', type: 'dropdown', multiple: true, label: label('tags', '标签'), options: [{ value: 'x', label: label('x', 'x') }] },
  ]);

  it('adds a custom.<key> fact per field, typed from the field type and read from custom_fields', () => {
    const added = catalogue.facts.filter((f) => f.name.startsWith('custom.'));
    expect(added.map((f) => [f.name, f.type, f.source])).toEqual([
      ['custom.industry', 'enum', { kind: 'customField', key: 'industry' }],
      ['custom.annualRevenue', 'number', { kind: 'customField', key: 'annualRevenue' }],
      ['custom.foundedOn', 'date', { kind: 'customField', key: 'foundedOn' }],
      ['custom.wechatId', 'string', { kind: 'customField', key: 'wechatId' }],
    ]);
  });

  it('leaves out date-time and multi-value fields, which conditions cannot compare in SQL', () => {
    expect(validateCondition({ fact: 'custom.meetingAt', operator: 'isEmpty' }, catalogue, '')[0]?.code).toBe('condition.unknownFact');
    expect(validateCondition({ fact: 'custom.tags', operator: 'isEmpty' }, catalogue, '')[0]?.code).toBe('condition.unknownFact');
  });

  it('makes the options of a dropdown the values a condition may name', () => {
    expect(validateCondition({ fact: 'custom.industry', operator: 'equal', value: 'retail' }, catalogue, '')).toEqual([]);
    expect(validateCondition({ fact: 'custom.industry', operator: 'equal', value: 'mining' }, catalogue, '')[0]?.code).toBe(
      'condition.unknownOption',
    );
  });
});
