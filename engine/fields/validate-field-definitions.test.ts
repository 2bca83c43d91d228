import { describe, expect, it } from 'vitest';
import customerFields from '../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import { validateFieldDefinitions } from './validate-field-definitions.ts';

function copyOfCustomerFields(): { entity: string; fields: Array<Record<string, unknown>> } {
  return structuredClone(customerFields) as never;
}

function fieldIndex(doc: ReturnType<typeof copyOfCustomerFields>, key: string): number {
  return doc.fields.findIndex((f) => f.key === key);
}

const label = (en: string) => ({ en, 'zh-CN': en });

describe('field definitions', () => {
  it('accepts the default customer fields', () => {
    expect(validateFieldDefinitions(customerFields)).toEqual([]);
  });

  it('refuses two fields with one key', () => {
    const doc = copyOfCustomerFields();
    doc.fields.push({ key: 'industry', type: 'text', label: label('Industry again') });
    expect(validateFieldDefinitions(doc, '/fieldSet')).toEqual([
      expect.objectContaining({ path: `/fieldSet/fields/${doc.fields.length - 1}/key`, code: 'field.duplicateKey' }),
    ]);
  });

  it('refuses a cascade from a parent that does not exist', () => {
    const doc = copyOfCustomerFields();
    const city = fieldIndex(doc, 'city');
    doc.fields[city]!.cascadeFrom = 'state';
    const [p, ...rest] = validateFieldDefinitions(doc);
    expect(rest).toEqual([]);
    expect(p).toEqual({
      path: `/fields/${city}/cascadeFrom`,
      code: 'field.cascadeParentMissing',
      message: { en: 'The parent field "state" does not exist.', 'zh-CN': '上级字段“state”不存在。' },
    });
  });

  it('refuses child options under a value the parent does not offer', () => {
    const doc = copyOfCustomerFields();
    const sub = fieldIndex(doc, 'subIndustry');
    (doc.fields[sub]!.optionsByParent as Record<string, unknown>).mining = [{ value: 'coal', label: label('Coal') }];
    expect(validateFieldDefinitions(doc)).toEqual([
      expect.objectContaining({ path: `/fields/${sub}/optionsByParent/mining`, code: 'field.cascadeUnknownParentValue' }),
    ]);
  });

  it('refuses an option listed twice', () => {
    const doc = copyOfCustomerFields();
    const source = fieldIndex(doc, 'source');
    (doc.fields[source]!.options as unknown[]).push({ value: 'referral', label: label('Referral') });
    const options = doc.fields[source]!.options as unknown[];
    expect(validateFieldDefinitions(doc)).toEqual([
      expect.objectContaining({ path: `/fields/${source}/options/${options.length - 1}/value`, code: 'field.duplicateOption' }),
    ]);
  });

  it('refuses a dropdown with neither options nor a cascade, and one with both', () => {
    const doc = copyOfCustomerFields();
    doc.fields.push({ key: 'tier', type: 'dropdown', label: label('Tier') });
    doc.fields.push({ key: 'district', type: 'dropdown', label: label('District'), options: [{ value: 'x', label: label('X') }], cascadeFrom: 'city', optionsByParent: { shenzhen: [{ value: 'nanshan', label: label('Nanshan') }] } });
    expect(validateFieldDefinitions(doc).map((p) => [p.path, p.code])).toEqual([
      [`/fields/${doc.fields.length - 2}/options`, 'field.optionsMissing'],
      [`/fields/${doc.fields.length - 1}`, 'field.optionsAndCascade'],
    ]);
  });

  it('refuses cascades that lead back to where they start', () => {
    const doc = {
      entity: 'customer',
      fields: [
        { key: 'a', type: 'dropdown', label: label('A'), cascadeFrom: 'b', optionsByParent: { x: [{ value: 'x', label: label('X') }] } },
        { key: 'b', type: 'dropdown', label: label('B'), cascadeFrom: 'a', optionsByParent: { x: [{ value: 'x', label: label('X') }] } },
      ],
    };
    expect(validateFieldDefinitions(doc).map((p) => [p.path, p.code])).toEqual([
      ['/fields/0/cascadeFrom', 'field.cascadeCycle'],
      ['/fields/1/cascadeFrom', 'field.cascadeCycle'],
    ]);
  });

  it('reports shape errors with JSON pointers before any semantic check', () => {
    const doc = copyOfCustomerFields();
    const revenue = fieldIndex(doc, 'annualRevenue');
    doc.fields[revenue]!.decimals = -1;
    doc.fields[revenue]!.permissions = { rep: 'invisible' };
    doc.fields.push({ key: 'fax', type: 'fax', label: label('Fax') });
    expect(validateFieldDefinitions(doc).map((p) => [p.path, p.code]).sort()).toEqual([
      [`/fields/${doc.fields.length - 1}/type`, 'schema.unknownKind'],
      [`/fields/${revenue}/decimals`, 'schema.minimum'],
      [`/fields/${revenue}/permissions/rep`, 'schema.enum'],
    ]);
  });

  it('refuses an inverted number range and a broken text pattern', () => {
    const doc = copyOfCustomerFields();
    doc.fields[fieldIndex(doc, 'employeeCount')]!.maximum = -5;
    doc.fields[fieldIndex(doc, 'wechatId')]!.pattern = '[a-z';
    expect(validateFieldDefinitions(doc).map((p) => p.code)).toEqual(['field.rangeInverted', 'field.badPattern']);
  });
});
