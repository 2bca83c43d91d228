import type { FieldDefinition } from '../../definitions/field-definitions.schema.ts';
import { pointer, problem, type Problem } from '../../engine/validation/problem.ts';
import { defaultHoneypotField, type WebFormDocument } from './web-form-bodies.schema.ts';

/** The lead columns a form field may fill, with the most each column holds. */
export const leadColumnLimits = { name: 120, company: 200, phone: 40, email: 254, region: 64 } as const;
export type LeadColumnKey = keyof typeof leadColumnLimits;

export const isLeadColumn = (key: string): key is LeadColumnKey => Object.hasOwn(leadColumnLimits, key);

/** What a form asks must make sense before anyone can fill it in: each problem names the path in the admin's body. */
export function webFormDocumentProblems(document: WebFormDocument, leadFields: readonly FieldDefinition[], base = '/document'): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const custom = new Set(leadFields.map((field) => field.key));
  for (const [index, field] of document.fields.entries()) {
    const at = pointer(base, 'fields', index);
    if (seen.has(field.key)) problems.push(problem(pointer(at, 'key'), 'webForm.repeatedField', `"${field.key}" is asked twice.`, `字段“${field.key}”重复。`));
    seen.add(field.key);
    if (!isLeadColumn(field.key) && !custom.has(field.key)) {
      problems.push(
        problem(
          pointer(at, 'key'),
          'webForm.unknownField',
          `"${field.key}" is neither a lead field (name, company, phone, email, region) nor a published lead custom field.`,
          `“${field.key}”既不是线索字段（name、company、phone、email、region），也不是已发布的线索自定义字段。`,
        ),
      );
    }
    if ((field.type === 'select') !== (field.options !== undefined)) {
      problems.push(problem(pointer(at, 'options'), 'webForm.options', 'A select field needs options; other fields take none.', '下拉字段必须有选项，其他字段不能有选项。'));
    }
    if (field.key === 'phone' && field.type !== 'phone') problems.push(problem(pointer(at, 'type'), 'webForm.phoneType', 'The phone field has type phone.', 'phone 字段的类型须为 phone。'));
    if (field.key === 'email' && field.type !== 'email') problems.push(problem(pointer(at, 'type'), 'webForm.emailType', 'The email field has type email.', 'email 字段的类型须为 email。'));
  }
  if (!seen.has('name')) {
    problems.push(problem(pointer(base, 'fields'), 'webForm.nameMissing', 'A form must ask for the name (key "name").', '表单必须包含姓名字段（key 为 "name"）。'));
  } else if (document.fields.find((field) => field.key === 'name')?.required !== true) {
    const index = document.fields.findIndex((field) => field.key === 'name');
    problems.push(problem(pointer(base, 'fields', index, 'required'), 'webForm.nameRequired', 'The name field must be required.', '姓名字段必须为必填。'));
  }
  const honeypot = document.honeypotField ?? defaultHoneypotField;
  if (seen.has(honeypot)) {
    problems.push(problem(pointer(base, 'honeypotField'), 'webForm.honeypotClash', 'The honeypot must not be one of the fields.', '蜜罐字段不能与表单字段同名。'));
  }
  return problems;
}

/** scheme://host[:port] exactly as a browser sends it in Origin; anything else could never match. */
export function originProblems(origins: readonly string[], base = '/allowedOrigins'): Problem[] {
  return origins.flatMap((origin, index) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    const ok = parsed !== undefined && (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.origin === origin;
    return ok
      ? []
      : [problem(pointer(base, index), 'webForm.origin', 'Write an origin as scheme://host[:port], e.g. https://www.example.com.', '来源须写成 scheme://host[:port]，例如 https://www.example.com。')];
  });
}
