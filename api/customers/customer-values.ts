import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { normalizePhone } from '../../engine/fields/normalize-phone.ts';
import { validateFieldValues } from '../../engine/fields/validate-field-values.ts';
import { problem, type Problem } from '../../engine/validation/problem.ts';

/** A phone number as stored: the text as entered (trimmed) and its normalised form; a problem when it is none. */
export function phoneValue(raw: string | null | undefined, path: string): { phone: string | null; normalized: string | null } | Problem {
  const text = raw?.trim() ?? '';
  if (text === '') return { phone: null, normalized: null };
  const normalized = normalizePhone(text);
  if (normalized === null) {
    return problem(
      path,
      'field.phone',
      'Is not a phone number: write a mobile (13812345678), a landline with its area code (021-12345678) or +country number.',
      '不是有效的电话号码：请填写手机号（13812345678）、带区号的座机（021-12345678）或 +国家码号码。',
    );
  }
  return { phone: text, normalized };
}

/** Keywords as stored: trimmed, without repeats. */
export function keywordValues(raw: readonly string[] | undefined): string[] {
  return [...new Set((raw ?? []).map((keyword) => keyword.trim()))];
}

/**
 * Custom-field values checked against their definitions (the engine's validateFieldValues) and merged over the
 * stored ones; empty values are dropped rather than stored, so "cleared" and "never set" look the same.
 */
export function customFieldValues(
  given: Record<string, unknown>,
  fields: readonly FieldDefinition[],
  options: { path: string; requireAll: boolean; existing?: Record<string, unknown> },
): { values: Record<string, unknown>; problems: Problem[] } {
  const problems = validateFieldValues(given, fields, {
    path: options.path,
    requireAll: options.requireAll,
    ...(options.existing === undefined ? {} : { existing: options.existing }),
  });
  const merged: Record<string, unknown> = { ...options.existing, ...given };
  for (const [key, value] of Object.entries(merged)) {
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete merged[key];
  }
  return { values: merged, problems };
}
