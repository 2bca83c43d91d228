import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { effectiveRole } from '../users/effective-role.ts';
import { customerColumnFields } from './customer-document.ts';
import { recordFieldAccess, visibleDocument, writeDeniedProblems } from './record-field-access.ts';

const fields: FieldDefinition[] = [
  { key: 'mainPhone', type: 'phone', label: { en: 'Main phone', 'zh-CN': '公司电话' }, permissions: { rep: 'masked' } },
  { key: 'customerNumber', type: 'autoNumber', label: { en: 'Number', 'zh-CN': '编号' }, defaultAccess: 'read' },
  { key: 'level', type: 'dropdown', label: { en: 'Level', 'zh-CN': '级别' }, options: [{ value: 'A', label: { en: 'A', 'zh-CN': 'A' } }] },
  { key: 'secret', type: 'text', label: { en: 'Secret', 'zh-CN': '机密' } },
];
const rep = effectiveRole({
  key: 'rep',
  labels: { en: 'Rep', 'zh-CN': '业务员' },
  visibility: 'own',
  fieldPermissions: { customer: { phone: 'masked', level: 'read', secret: 'hidden', callCount: 'write' } },
});
const access = recordFieldAccess('customer', rep, customerColumnFields, fields);

describe('field access', () => {
  it('takes the stricter of the role’s permission and the field definition’s, and stops read-only columns at read', () => {
    expect(access.custom.get('mainPhone')?.access).toBe('masked');
    expect(access.custom.get('customerNumber')?.access).toBe('read');
    expect(access.custom.get('level')?.access).toBe('read');
    expect(access.custom.get('secret')?.access).toBe('hidden');
    expect(access.columns.get('phone')?.access).toBe('masked');
    expect(access.columns.get('callCount')?.access).toBe('read');
    expect(access.columns.get('name')?.access).toBe('write');
  });

  it('shows a document with hidden fields absent, masked ones masked and fields without a definition left out', () => {
    const shown = visibleDocument(
      {
        name: '上海华联',
        phone: '13812345678',
        keywords: ['华联'],
        customFields: { mainPhone: '021-61234567', level: 'A', secret: 'x', removedField: 1 },
      },
      access,
    );
    expect(shown).toEqual({ name: '上海华联', phone: '138****5678', keywords: ['华联'], customFields: { mainPhone: '021****4567', level: 'A' } });
  });

  it('names each field a request may not write, at its path', () => {
    const problems = writeDeniedProblems(access, rep, { columns: customerColumnFields, fields }, {
      columns: ['name', 'phone'],
      custom: ['level', 'mainPhone', 'unknown'],
      customBase: '/customFields',
    });
    expect(problems.map((p) => p.path)).toEqual(['/phone', '/customFields/level', '/customFields/mainPhone']);
    expect(problems[1]?.message['zh-CN']).toBe('“级别”对您的角色（业务员）只读，无权修改。');
  });
});
