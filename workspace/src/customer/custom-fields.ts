import type { CustomField, FieldOption } from '../api/fields.ts';
import type { Locale } from '../../../ui-kit/i18n/locale.ts';

/** A custom field's value as a form holds it: text for one value, a list for a multiple dropdown. */
export type CustomFieldInput = string | string[];

/** The options a dropdown offers now: its own, or for a cascading one those of the parent's current value. */
export function optionsOf(field: CustomField, values: Readonly<Record<string, CustomFieldInput>>): FieldOption[] {
  if (field.cascadeFrom === undefined) return field.options ?? [];
  const parent = values[field.cascadeFrom];
  return typeof parent === 'string' ? (field.optionsByParent?.[parent] ?? []) : [];
}

function allOptions(field: CustomField): FieldOption[] {
  return [...(field.options ?? []), ...Object.values(field.optionsByParent ?? {}).flat()];
}

/**
 * A stored value in words: a dropdown's option label in the interface language (a value no longer offered keeps
 * its key), a number with its unit, anything else as stored. Empty values are `undefined`, for the caller's "—".
 */
export function customFieldText(field: CustomField, value: unknown, locale: Locale, formatNumber: (value: number) => string): string | undefined {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return undefined;
  if (field.type === 'dropdown') {
    const options = allOptions(field);
    const labelOf = (item: unknown) => options.find((option) => option.value === item)?.label[locale] ?? String(item);
    return Array.isArray(value) ? value.map(labelOf).join(locale === 'zh-CN' ? '、' : ', ') : labelOf(value);
  }
  if (field.type === 'number' && typeof value === 'number') {
    return field.unit === undefined ? formatNumber(value) : `${formatNumber(value)} ${field.unit[locale]}`;
  }
  return String(value);
}

/**
 * The values a form's dropdowns cascade from: what the person is changing over what is stored, so a city follows
 * its province even when the province is not on the form.
 */
export function cascadeValues(stored: Readonly<Record<string, unknown>>, inputs: Readonly<Record<string, CustomFieldInput>>): Record<string, CustomFieldInput> {
  const values: Record<string, CustomFieldInput> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value)) values[key] = value.map(String);
  }
  return { ...values, ...inputs };
}

/** Whether the person may change the field on a form (autoNumbers are the system's). */
export const editable = (field: CustomField) => field.access === 'write' && field.type !== 'autoNumber';

/** The form's starting values of the editable fields. */
export function customFieldInputs(fields: readonly CustomField[], stored: Readonly<Record<string, unknown>>): Record<string, CustomFieldInput> {
  const inputs: Record<string, CustomFieldInput> = {};
  for (const field of fields.filter(editable)) {
    const value = stored[field.key];
    if (field.type === 'dropdown' && field.multiple === true) inputs[field.key] = Array.isArray(value) ? value.map(String) : [];
    else inputs[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return inputs;
}

/**
 * What the form changes, as PATCH's `customFields` takes it: only fields whose input differs from the stored value;
 * a cleared field as null; numbers as numbers (text the API cannot read as one is sent as typed, so its own
 * problem names the field). A cascading dropdown whose parent changed away from its option is cleared with it.
 */
export function customFieldChanges(
  fields: readonly CustomField[],
  stored: Readonly<Record<string, unknown>>,
  inputs: Readonly<Record<string, CustomFieldInput>>,
): Record<string, unknown> {
  const before = customFieldInputs(fields, stored);
  const changes: Record<string, unknown> = {};
  for (const field of fields.filter(editable)) {
    const input = inputs[field.key] ?? '';
    if (JSON.stringify(input) === JSON.stringify(before[field.key])) continue;
    if (Array.isArray(input)) changes[field.key] = input;
    else if (input.trim() === '') changes[field.key] = null;
    else if (field.type === 'number' && Number.isFinite(Number(input))) changes[field.key] = Number(input);
    else changes[field.key] = input.trim();
  }
  for (const field of fields.filter(editable)) {
    if (field.cascadeFrom === undefined || !(field.cascadeFrom in changes)) continue;
    const input = inputs[field.key];
    const offered = optionsOf(field, inputs).some((option) => option.value === input);
    if (typeof input === 'string' && input !== '' && !offered) changes[field.key] = null;
  }
  return changes;
}
