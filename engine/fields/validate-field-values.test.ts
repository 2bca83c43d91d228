import { describe, expect, it } from 'vitest';
import customerFields from '../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { validateFieldValues } from './validate-field-values.ts';

const fields = customerFields.fields as FieldDefinition[];
const withRequired = (keys: string[]): FieldDefinition[] =>
  fields.map((f) => (keys.includes(f.key) ? { ...f, required: true } : f));

function aCustomer(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    industry: 'it',
    subIndustry: 'saas',
    province: 'guangdong',
    city: 'shenzhen',
    annualRevenue: 1250.5,
    mainPhone: '+86 138-1234-5678',
    email: 'li.lei@example.cn',
    website: 'https://example.cn',
    wechatId: 'lilei_2026',
    foundedOn: '2012-02-29',
    ...overrides,
  };
}

const onCreate = { path: '/customFields', requireAll: true };
const onUpdate = { path: '/customFields', requireAll: false };

describe('field value validation', () => {
  it('accepts a well-formed customer', () => {
    expect(validateFieldValues(aCustomer(), fields, onCreate)).toEqual([]);
  });

  it('names every missing required field on create', () => {
    const problems = validateFieldValues({}, withRequired(['industry', 'mainPhone']), onCreate);
    expect(problems).toEqual([
      { path: '/customFields/industry', code: 'field.required', message: { en: '"Industry" is required.', 'zh-CN': '“行业”为必填项。' } },
      expect.objectContaining({ path: '/customFields/mainPhone', code: 'field.required' }),
    ]);
  });

  it('on update checks only the fields given, but refuses to empty a required one', () => {
    const required = withRequired(['industry', 'mainPhone']);
    expect(validateFieldValues({ email: 'a@b.co' }, required, onUpdate)).toEqual([]);
    expect(validateFieldValues({ mainPhone: '' }, required, onUpdate)).toEqual([
      expect.objectContaining({ path: '/customFields/mainPhone', code: 'field.required' }),
    ]);
  });

  it('refuses unknown fields', () => {
    expect(validateFieldValues(aCustomer({ fax: '123' }), fields, onCreate)).toEqual([
      expect.objectContaining({ path: '/customFields/fax', code: 'field.unknown' }),
    ]);
  });

  it('checks types, ranges and formats', () => {
    const problems = validateFieldValues(
      aCustomer({ annualRevenue: '12', employeeCount: -1, foundedOn: '2013-02-29', website: 'example.cn', wechatId: '1abc' }),
      fields,
      onCreate,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/customFields/annualRevenue', 'field.type'],
      ['/customFields/employeeCount', 'field.belowMinimum'],
      ['/customFields/website', 'field.url'],
      ['/customFields/wechatId', 'field.pattern'],
      ['/customFields/foundedOn', 'field.date'],
    ]);
  });

  it('accepts Chinese mobiles with +86, spaces and dashes, and refuses what is not a phone number', () => {
    expect(validateFieldValues({ mainPhone: '0086 138 1234 5678' }, fields, onUpdate)).toEqual([]);
    expect(validateFieldValues({ mainPhone: '138-1234' }, fields, onUpdate)).toEqual([
      expect.objectContaining({ path: '/customFields/mainPhone', code: 'field.phone' }),
    ]);
  });

  it('refuses malformed email addresses', () => {
    expect(validateFieldValues({ email: 'li.lei@' }, fields, onUpdate)).toEqual([
      expect.objectContaining({ path: '/customFields/email', code: 'field.email' }),
    ]);
  });

  it('refuses a dropdown value that is not an option', () => {
    expect(validateFieldValues(aCustomer({ source: 'tv' }), fields, onCreate)).toEqual([
      expect.objectContaining({ path: '/customFields/source', code: 'field.option' }),
    ]);
  });

  it('refuses a child option that belongs to another parent value', () => {
    const [p] = validateFieldValues(aCustomer({ city: 'hangzhou' }), fields, onCreate);
    expect(p).toEqual({
      path: '/customFields/city',
      code: 'field.cascadeMismatch',
      message: { en: '"City" "hangzhou" is not an option under "guangdong".', 'zh-CN': '“城市”“hangzhou”不是“guangdong”下的选项。' },
    });
  });

  it('refuses a child option when the parent is not chosen', () => {
    expect(validateFieldValues({ subIndustry: 'saas' }, fields, onCreate)).toEqual([
      expect.objectContaining({ path: '/customFields/subIndustry', code: 'field.cascadeParentEmpty' }),
    ]);
  });

  it('checks a stored child against a parent the update changes', () => {
    const existing = aCustomer();
    expect(validateFieldValues({ province: 'zhejiang' }, fields, { ...onUpdate, existing })).toEqual([
      expect.objectContaining({ path: '/customFields/city', code: 'field.cascadeMismatch' }),
    ]);
    expect(validateFieldValues({ province: 'zhejiang', city: 'hangzhou' }, fields, { ...onUpdate, existing })).toEqual([]);
    expect(validateFieldValues({ city: 'dongguan' }, fields, { ...onUpdate, existing })).toEqual([]);
  });

  it('checks generated numbers against their prefix and padding', () => {
    expect(validateFieldValues({ customerNumber: 'C000042' }, fields, onUpdate)).toEqual([]);
    expect(validateFieldValues({ customerNumber: 'X42' }, fields, onUpdate)).toEqual([
      expect.objectContaining({ path: '/customFields/customerNumber', code: 'field.autoNumber' }),
    ]);
  });

  it('refuses values that are not an object', () => {
    expect(validateFieldValues(['it'], fields, onCreate)).toEqual([
      expect.objectContaining({ path: '/customFields', code: 'field.valuesNotObject' }),
    ]);
  });
});
