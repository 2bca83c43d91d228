import type { EntityName } from '../../definitions/entity.schema.ts';
import type { FieldAccess, FieldDefinition, FieldType } from '../../definitions/field-definitions.schema.ts';
import { maskFieldValue } from '../../engine/fields/mask-field-value.ts';
import type { LocalizedText, Problem } from '../../engine/validation/problem.ts';
import { pointer } from '../../engine/validation/problem.ts';
import { fieldNotWritable } from './customer-problems.ts';
import type { EffectiveRole } from '../users/effective-role.ts';

/** A built-in column a role's fieldPermissions may name, with the type its masked form follows. */
export interface ColumnField {
  key: string;
  label: LocalizedText;
  type: FieldType;
  /** Only these a request may set; the rest (counters, dates the system keeps) are read-only for everyone. */
  writable: boolean;
}

/** What one role may do with each field of one entity: built-in columns and custom fields alike. */
export interface RecordFieldAccess {
  columns: ReadonlyMap<string, { access: FieldAccess; type: FieldType }>;
  custom: ReadonlyMap<string, { access: FieldAccess; type: FieldType }>;
}

const strictness: Record<FieldAccess, number> = { hidden: 0, masked: 1, read: 2, write: 3 };

function stricter(a: FieldAccess, b: FieldAccess): FieldAccess {
  return strictness[a] <= strictness[b] ? a : b;
}

/**
 * The access a role has to every field of an entity: the stricter of the role's own fieldPermissions and the field
 * definition's (its `permissions` for this role, else its `defaultAccess`, else write). Read-only columns stop at read.
 */
export function recordFieldAccess(
  entity: EntityName,
  role: EffectiveRole,
  columns: readonly ColumnField[],
  fields: readonly FieldDefinition[],
): RecordFieldAccess {
  const granted = role.fieldPermissions[entity] ?? {};
  return {
    columns: new Map(
      columns.map((column) => [
        column.key,
        { access: stricter(granted[column.key] ?? 'write', column.writable ? 'write' : 'read'), type: column.type },
      ]),
    ),
    custom: new Map(
      fields.map((field) => [
        field.key,
        {
          access: stricter(granted[field.key] ?? 'write', field.permissions?.[role.key] ?? field.defaultAccess ?? 'write'),
          type: field.type,
        },
      ]),
    ),
  };
}

/** Whether the role may at least read the field unmasked (e.g. to search by it). */
export function mayReadPlain(access: RecordFieldAccess, key: string): boolean {
  const known = access.columns.get(key) ?? access.custom.get(key);
  return known !== undefined && strictness[known.access] >= strictness.read;
}

function maskedValue(type: FieldType, value: unknown): unknown {
  return Array.isArray(value) ? value.map((item) => maskFieldValue(type, item)) : maskFieldValue(type, value);
}

/**
 * The document as the role may see it: hidden fields absent, masked ones through maskFieldValue (138****5678).
 * Custom-field values without a definition (a field since removed) are left out. The one function every read,
 * list, audit trail and export goes through.
 */
export function visibleDocument<T extends { customFields?: Record<string, unknown> }>(document: T, access: RecordFieldAccess): T {
  const shown: Record<string, unknown> = { ...document };
  for (const [key, { access: level, type }] of access.columns) {
    if (!(key in shown)) continue;
    if (level === 'hidden') delete shown[key];
    else if (level === 'masked') shown[key] = maskedValue(type, shown[key]);
  }
  if (document.customFields !== undefined) {
    const custom: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(document.customFields)) {
      const field = access.custom.get(key);
      if (field === undefined || field.access === 'hidden') continue;
      custom[key] = field.access === 'masked' ? maskedValue(field.type, value) : value;
    }
    shown['customFields'] = custom;
  }
  return shown as T;
}

/**
 * A problem for every field a request sets that the role may not write: built-in columns at `/<key>`, custom fields
 * at `<customBase>/<key>`. Custom keys without a definition are left to validateFieldValues, which names them.
 */
export function writeDeniedProblems(
  access: RecordFieldAccess,
  role: EffectiveRole,
  labels: { columns: readonly ColumnField[]; fields: readonly FieldDefinition[] },
  sent: { columns: readonly string[]; custom: readonly string[]; customBase: string },
): Problem[] {
  const problems: Problem[] = [];
  for (const key of sent.columns) {
    const granted = access.columns.get(key);
    if (granted === undefined || granted.access === 'write') continue;
    const label = labels.columns.find((column) => column.key === key)?.label ?? { en: key, 'zh-CN': key };
    problems.push(fieldNotWritable(pointer('', key), label, granted.access, role.labels));
  }
  for (const key of sent.custom) {
    const granted = access.custom.get(key);
    if (granted === undefined || granted.access === 'write') continue;
    const label = labels.fields.find((field) => field.key === key)?.label ?? { en: key, 'zh-CN': key };
    problems.push(fieldNotWritable(pointer(sent.customBase, key), label, granted.access, role.labels));
  }
  return problems;
}
