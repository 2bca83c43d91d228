import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import { customFieldValues, phoneValue } from '../customers/customer-values.ts';
import { defaultHoneypotField, type WebFormDocument, type WebFormField } from './web-form-bodies.schema.ts';
import { isLeadColumn, leadColumnLimits, type LeadColumnKey } from './web-form-fields.ts';

export interface SubmittedLead {
  columns: Partial<Record<LeadColumnKey, string>>;
  phoneNormalized: string | null;
  customFields: Record<string, unknown>;
}

const defaultMaxLength = { text: 500, textarea: 4000, email: 254, phone: 40, number: 40, select: 200 } as const;
// Deliberately plain: one @, something on each side, a dot in the domain; the mailbox decides the rest.
const emailForm = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function fieldProblem(field: WebFormField, code: string, en: (label: string) => string, zh: (label: string) => string): Problem {
  return problem(pointer('', field.key), code, en(field.label.en), zh(field.label['zh-CN']));
}

/** A value as sent, or as a string for a number field's numeric text; undefined when left empty. */
function filledValue(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

function checkField(field: WebFormField, raw: unknown): { value?: unknown; problem?: Problem } {
  if (field.type === 'number') {
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d{1,15}(\.\d{1,6})?\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(number)) return { problem: fieldProblem(field, 'webForm.number', (l) => `${l}: write a number.`, (l) => `${l}：请填写数字。`) };
    return { value: number };
  }
  if (typeof raw !== 'string') return { problem: fieldProblem(field, 'webForm.text', (l) => `${l}: write text.`, (l) => `${l}：请填写文字。`) };
  const text = raw.trim();
  const max = Math.min(field.maxLength ?? defaultMaxLength[field.type], isLeadColumn(field.key) ? leadColumnLimits[field.key] : Number.POSITIVE_INFINITY);
  if (text.length > max) {
    return { problem: fieldProblem(field, 'webForm.tooLong', (l) => `${l}: at most ${max} characters.`, (l) => `${l}：最多 ${max} 个字符。`) };
  }
  if (field.type === 'email' && !emailForm.test(text)) {
    return { problem: fieldProblem(field, 'webForm.email', (l) => `${l}: write an email address such as name@example.com.`, (l) => `${l}：请填写邮箱地址，例如 name@example.com。`) };
  }
  if (field.type === 'select' && !(field.options ?? []).some((option) => option.value === text)) {
    return { problem: fieldProblem(field, 'webForm.option', (l) => `${l}: choose one of the options.`, (l) => `${l}：请从选项中选择。`) };
  }
  return { value: text };
}

/**
 * Checks a submission against the form's own fields, and custom fields against the published lead fields: every
 * problem is at `/<field key>`, worded with the field's label in each language. Keys the form does not ask (other
 * than the honeypot) are refused, so a typo in an embedding page shows up instead of being dropped silently.
 */
export function submittedLead(document: WebFormDocument, body: Record<string, unknown>, leadFields: readonly FieldDefinition[]): SubmittedLead | Problem[] {
  const problems: Problem[] = [];
  const honeypot = document.honeypotField ?? defaultHoneypotField;
  const asked = new Set(document.fields.map((field) => field.key));
  for (const key of Object.keys(body)) {
    if (!asked.has(key) && key !== honeypot) problems.push(problem(pointer('', key), 'webForm.unknownKey', 'This form does not ask for this.', '此表单没有这一项。'));
  }
  const columns: SubmittedLead['columns'] = {};
  const custom: Record<string, unknown> = {};
  let phoneNormalized: string | null = null;
  for (const field of document.fields) {
    const raw = filledValue(Object.hasOwn(body, field.key) ? body[field.key] : undefined);
    if (raw === undefined) {
      if (field.required === true) problems.push(fieldProblem(field, 'webForm.required', (l) => `${l}: please fill this in.`, (l) => `${l}：此项必填。`));
      continue;
    }
    const checked = checkField(field, raw);
    if (checked.problem !== undefined) {
      problems.push(checked.problem);
      continue;
    }
    if (field.key === 'phone') {
      const phone = phoneValue(checked.value as string, pointer('', field.key));
      if ('code' in phone) {
        problems.push(phone);
        continue;
      }
      phoneNormalized = phone.normalized;
    }
    if (isLeadColumn(field.key)) columns[field.key] = checked.value as string;
    else custom[field.key] = checked.value;
  }
  const checkedCustom = customFieldValues(custom, leadFields, { path: '', requireAll: false });
  problems.push(...checkedCustom.problems);
  return problems.length > 0 ? problems : { columns, phoneNormalized, customFields: checkedCustom.values };
}
