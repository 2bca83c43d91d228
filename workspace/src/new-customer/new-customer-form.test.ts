import { describe, expect, it } from 'vitest';
import type { CustomField } from '../api/fields.ts';
import { duplicateNotes, keywordsOf, newCustomerBody } from './new-customer-form.ts';

const industry: CustomField = {
  key: 'industry',
  type: 'dropdown',
  label: { en: 'Industry', 'zh-CN': '行业' },
  access: 'write',
  options: [{ value: 'it', label: { en: 'IT', 'zh-CN': '信息技术' } }],
};
const employees: CustomField = { key: 'employeeCount', type: 'number', label: { en: 'Employees', 'zh-CN': '员工人数' }, access: 'write' };

describe('the new-customer form', () => {
  it('sends trimmed values and leaves empty ones to the server’s defaults', () => {
    const body = newCustomerBody(
      { name: ' 华联超市 ', phone: '', keywords: '华联，超市、 ', stage: '', ownership: 'personal', custom: { industry: 'it', employeeCount: '' } },
      [industry, employees],
    );
    expect(body).toEqual({ name: '华联超市', ownership: 'personal', keywords: ['华联', '超市'], customFields: { industry: 'it' } });
    expect(newCustomerBody({ name: 'x', phone: ' 139 ', keywords: '', stage: 'target', ownership: 'pool', custom: { employeeCount: '12' } }, [employees])).toEqual({
      name: 'x',
      phone: '139',
      stage: 'target',
      ownership: 'pool',
      customFields: { employeeCount: 12 },
    });
  });

  it('splits keywords on commas of either width and 、', () => {
    expect(keywordsOf('a, b，c、 d ,,')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('puts each duplicate under the field it shares, naming the customer only when the API did', () => {
    const notes = duplicateNotes([
      { name: true, phone: true, keywords: [], customer: { id: 4, name: '华联超市' } },
      { name: false, phone: false, keywords: ['华联'], customer: null },
    ]);
    expect(notes).toEqual([
      { field: 'name', customer: { id: 4, name: '华联超市' } },
      { field: 'phone', customer: { id: 4, name: '华联超市' } },
      { field: 'keywords', customer: null, keyword: '华联' },
    ]);
  });
});
