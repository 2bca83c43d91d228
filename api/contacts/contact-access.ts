import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import type { EffectiveRole } from '../users/effective-role.ts';
import { recordFieldAccess, type ColumnField, type RecordFieldAccess } from '../customers/record-field-access.ts';

/** A contact's built-in fields, which a role's fieldPermissions.contact may hide or mask like custom ones. */
export const contactColumnFields: readonly ColumnField[] = [
  { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' }, type: 'text', writable: true },
  { key: 'title', label: { en: 'Title', 'zh-CN': '职务' }, type: 'text', writable: true },
  { key: 'phone', label: { en: 'Phone', 'zh-CN': '电话' }, type: 'phone', writable: true },
  { key: 'email', label: { en: 'Email', 'zh-CN': '电子邮箱' }, type: 'email', writable: true },
  { key: 'wechat', label: { en: 'WeChat', 'zh-CN': '微信' }, type: 'text', writable: true },
  { key: 'isPrimary', label: { en: 'Primary contact', 'zh-CN': '主要联系人' }, type: 'dropdown', writable: true },
];

export function contactAccessOf(role: EffectiveRole, fields: readonly FieldDefinition[]): RecordFieldAccess {
  return recordFieldAccess('contact', role, contactColumnFields, fields);
}
