import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/fields.ts';
import { cascadeValues, customFieldChanges, customFieldInputs, customFieldText, optionsOf } from './custom-fields.ts';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const province: CustomField = {
  key: 'province',
  type: 'dropdown',
  label: text('Province', '省份'),
  access: 'write',
  options: [
    { value: 'zhejiang', label: text('Zhejiang', '浙江') },
    { value: 'jiangsu', label: text('Jiangsu', '江苏') },
  ],
};
const city: CustomField = {
  key: 'city',
  type: 'dropdown',
  label: text('City', '城市'),
  access: 'write',
  cascadeFrom: 'province',
  optionsByParent: {
    zhejiang: [{ value: 'hangzhou', label: text('Hangzhou', '杭州') }],
    jiangsu: [{ value: 'suzhou', label: text('Suzhou', '苏州') }],
  },
};
const revenue: CustomField = { key: 'annualRevenue', type: 'number', label: text('Revenue', '年营业额'), access: 'write', unit: text('10k CNY', '万元') };
const number: CustomField = { key: 'customerNumber', type: 'autoNumber', label: text('No.', '编号'), access: 'write' };
const phone: CustomField = { key: 'mainPhone', type: 'phone', label: text('Phone', '电话'), access: 'masked' };
const tags: CustomField = { key: 'tags', type: 'dropdown', label: text('Tags', '标签'), access: 'write', multiple: true, options: province.options! };
const fields = [province, city, revenue, number, phone, tags];
const plain = (value: number) => String(value);

describe('custom fields on the customer page', () => {
  it('says a value in words: option labels, a number with its unit, nothing for empty', () => {
    expect(customFieldText(city, 'hangzhou', 'zh-CN', plain)).toBe('杭州');
    expect(customFieldText(province, 'tibet', 'en', plain)).toBe('tibet');
    expect(customFieldText(revenue, 1200, 'zh-CN', plain)).toBe('1200 万元');
    expect(customFieldText(tags, ['zhejiang', 'jiangsu'], 'zh-CN', plain)).toBe('浙江、江苏');
    expect(customFieldText(revenue, null, 'en', plain)).toBeUndefined();
    expect(customFieldText(tags, [], 'en', plain)).toBeUndefined();
  });

  it('offers a cascading dropdown the options of its parent’s current value', () => {
    expect(optionsOf(city, { province: 'jiangsu' }).map((option) => option.value)).toEqual(['suzhou']);
    expect(optionsOf(city, { province: '' })).toEqual([]);
  });

  it('cascades from the stored value of a parent that is not on the form, and from the form’s over it', () => {
    expect(optionsOf(city, cascadeValues({ province: 'zhejiang', annualRevenue: 3 }, {})).map((option) => option.value)).toEqual(['hangzhou']);
    expect(optionsOf(city, cascadeValues({ province: 'zhejiang' }, { province: 'jiangsu' })).map((option) => option.value)).toEqual(['suzhou']);
  });

  it('puts only editable fields on the form', () => {
    expect(Object.keys(customFieldInputs(fields, { customerNumber: 'C000001', mainPhone: '138****5678' }))).toEqual(['province', 'city', 'annualRevenue', 'tags']);
  });

  it('sends only what changed: numbers as numbers, cleared as null, a stranded cascade cleared', () => {
    const stored = { province: 'zhejiang', city: 'hangzhou', annualRevenue: 10, tags: ['zhejiang'] };
    const inputs = { ...customFieldInputs(fields, stored) };
    expect(customFieldChanges(fields, stored, inputs)).toEqual({});
    expect(customFieldChanges(fields, stored, { ...inputs, annualRevenue: '12.5', tags: [] })).toEqual({ annualRevenue: 12.5, tags: [] });
    expect(customFieldChanges(fields, stored, { ...inputs, annualRevenue: '' })).toEqual({ annualRevenue: null });
    expect(customFieldChanges(fields, stored, { ...inputs, annualRevenue: 'lots' })).toEqual({ annualRevenue: 'lots' });
    expect(customFieldChanges(fields, stored, { ...inputs, province: 'jiangsu' })).toEqual({ province: 'jiangsu', city: null });
    expect(customFieldChanges(fields, stored, { ...inputs, province: 'jiangsu', city: 'suzhou' })).toEqual({ province: 'jiangsu', city: 'suzhou' });
  });
});
