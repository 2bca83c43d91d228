import type { DropdownField, FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { normalizePhone } from './normalize-phone.ts';

export interface FieldValueCheck {
  /** JSON Pointer of the values object in the request (e.g. `/customFields`). */
  path: string;
  /** true on create and import: every required field needs a value; false on update: only given keys are checked. */
  requireAll: boolean;
  /** The record's stored values, so a cascading child can be checked against a parent the update leaves alone. */
  existing?: Record<string, unknown>;
}

type Values = Record<string, unknown>;

const emailForm = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const dateForm = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimeForm = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function isCalendarDate(text: string): boolean {
  const match = dateForm.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function isWebAddress(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

type Field<T extends FieldDefinition['type']> = Extract<FieldDefinition, { type: T }>;

function invalid(path: string, code: string, field: FieldDefinition, en: string, zh: string): Problem[] {
  return [problem(path, code, `"${field.label.en}" ${en}`, `“${field.label['zh-CN']}”${zh}`)];
}

function textProblems(field: Field<'text'>, value: unknown, path: string): Problem[] {
  if (typeof value !== 'string') return invalid(path, 'field.type', field, 'must be text.', '应为文本。');
  const { maxLength, pattern } = field;
  if (maxLength !== undefined && [...value].length > maxLength) {
    return invalid(path, 'field.tooLong', field, `may have at most ${maxLength} characters.`, `最多 ${maxLength} 个字符。`);
  }
  if (pattern !== undefined && !new RegExp(`^(?:${pattern})$`, 'u').test(value)) {
    return invalid(path, 'field.pattern', field, 'does not have the expected form.', '格式不正确。');
  }
  if (field.format === 'url' && !isWebAddress(value)) {
    const en = 'must be a web address starting with http:// or https://.';
    return invalid(path, 'field.url', field, en, '应为以 http:// 或 https:// 开头的网址。');
  }
  return [];
}

function numberProblems(field: Field<'number'>, value: unknown, path: string): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return invalid(path, 'field.type', field, 'must be a number.', '应为数字。');
  }
  const { minimum, maximum, decimals } = field;
  if (minimum !== undefined && value < minimum) {
    return invalid(path, 'field.belowMinimum', field, `must be at least ${minimum}.`, `不能小于 ${minimum}。`);
  }
  if (maximum !== undefined && value > maximum) {
    return invalid(path, 'field.aboveMaximum', field, `must be at most ${maximum}.`, `不能大于 ${maximum}。`);
  }
  if (decimals !== undefined && !hasAtMostDecimals(value, decimals)) {
    return invalid(path, 'field.decimals', field, `may have at most ${decimals} decimal places.`, `最多 ${decimals} 位小数。`);
  }
  return [];
}

function dateProblems(field: Field<'date'>, value: unknown, path: string): Problem[] {
  if (field.withTime === true) {
    if (typeof value === 'string' && dateTimeForm.test(value) && !Number.isNaN(Date.parse(value))) return [];
    const example = '2026-03-01T09:30:00+08:00';
    return invalid(path, 'field.dateTime', field, `must be a date and time such as ${example}.`, `应为日期时间，例如 ${example}。`);
  }
  if (typeof value === 'string' && isCalendarDate(value)) return [];
  return invalid(path, 'field.date', field, 'must be a date such as 2026-03-01.', '应为日期，例如 2026-03-01。');
}

function dropdownProblems(field: DropdownField, value: unknown, merged: Values, path: string): Problem[] {
  const chosen = field.multiple === true ? value : [value];
  if (!Array.isArray(chosen) || !chosen.every((v) => typeof v === 'string')) {
    return field.multiple === true
      ? invalid(path, 'field.type', field, 'must be a list of options.', '应为选项列表。')
      : invalid(path, 'field.type', field, 'must be one option.', '应为单个选项。');
  }
  const parentKey = field.cascadeFrom;
  let offered = field.options;
  if (parentKey !== undefined) {
    const parentValue = merged[parentKey];
    if (typeof parentValue !== 'string' || parentValue === '') {
      return invalid(path, 'field.cascadeParentEmpty', field, `needs "${parentKey}" to be chosen first.`, `需要先选择“${parentKey}”。`);
    }
    offered = field.optionsByParent?.[parentValue];
    if (offered === undefined) {
      const en = `has no options when "${parentKey}" is "${parentValue}".`;
      return invalid(path, 'field.cascadeMismatch', field, en, `在“${parentKey}”为“${parentValue}”时没有可选项。`);
    }
  }
  const allowed = new Set((offered ?? []).map((o) => o.value));
  return chosen.flatMap((v, index) => {
    if (allowed.has(v)) return [];
    const at = field.multiple === true ? pointer(path, index) : path;
    if (parentKey === undefined) {
      return invalid(at, 'field.option', field, `"${v}" is not one of its options.`, `“${v}”不是可选项。`);
    }
    const parentValue = String(merged[parentKey]);
    const en = `"${v}" is not an option under "${parentValue}".`;
    return invalid(at, 'field.cascadeMismatch', field, en, `“${v}”不是“${parentValue}”下的选项。`);
  });
}

function autoNumberProblems(field: Field<'autoNumber'>, value: unknown, path: string): Problem[] {
  const prefix = field.prefix ?? '';
  const padding = field.padding ?? 1;
  if (typeof value === 'string' && new RegExp(`^${prefix}\\d{${padding},}$`).test(value)) return [];
  const example = `${prefix}${'1'.padStart(padding, '0')}`;
  return invalid(path, 'field.autoNumber', field, `must look like ${example}.`, `格式应为 ${example}。`);
}

function valueProblems(field: FieldDefinition, value: unknown, merged: Values, path: string): Problem[] {
  switch (field.type) {
    case 'text':
      return textProblems(field, value, path);
    case 'number':
      return numberProblems(field, value, path);
    case 'date':
      return dateProblems(field, value, path);
    case 'dropdown':
      return dropdownProblems(field, value, merged, path);
    case 'autoNumber':
      return autoNumberProblems(field, value, path);
    case 'phone':
      return typeof value === 'string' && normalizePhone(value) !== null
        ? []
        : invalid(path, 'field.phone', field, 'is not a phone number.', '不是有效的电话号码。');
    case 'email':
      return typeof value === 'string' && value.length <= 254 && emailForm.test(value)
        ? []
        : invalid(path, 'field.email', field, 'is not an email address.', '不是有效的电子邮箱地址。');
  }
}

/** A child left alone by an update still has to fit a parent the update changed. */
function staleCascadeChildren(
  fields: readonly FieldDefinition[],
  values: Values,
  merged: Values,
  path: string,
): Problem[] {
  return fields.flatMap((field) => {
    if (field.type !== 'dropdown' || field.cascadeFrom === undefined) return [];
    if (!(field.cascadeFrom in values) || field.key in values || isEmpty(merged[field.key])) return [];
    return dropdownProblems(field, merged[field.key], merged, pointer(path, field.key));
  });
}

/**
 * Checks custom-field values against their definitions: unknown keys, required fields, types and formats,
 * dropdown membership and cascade consistency. Phone numbers are accepted in any form normalizePhone understands.
 */
export function validateFieldValues(
  values: unknown,
  fields: readonly FieldDefinition[],
  check: FieldValueCheck,
): Problem[] {
  const { path, requireAll } = check;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) {
    const en = 'Custom field values must be an object.';
    return [problem(path, 'field.valuesNotObject', en, '自定义字段值必须是对象。')];
  }
  const given = values as Values;
  const merged: Values = { ...check.existing, ...given };
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const problems: Problem[] = [];

  for (const key of Object.keys(given)) {
    if (byKey.has(key)) continue;
    problems.push(problem(pointer(path, key), 'field.unknown', `There is no field "${key}".`, `不存在字段“${key}”。`));
  }
  for (const field of fields) {
    const at = pointer(path, field.key);
    const value = given[field.key];
    const present = field.key in given;
    if (isEmpty(value)) {
      const mustHave = field.required === true && field.type !== 'autoNumber' && (requireAll || present);
      if (mustHave) problems.push(...invalid(at, 'field.required', field, 'is required.', '为必填项。'));
      continue;
    }
    problems.push(...valueProblems(field, value, merged, at));
  }
  problems.push(...staleCascadeChildren(fields, given, merged, path));
  return problems;
}
