import type { ErrorObject } from 'ajv';
import { pointer, problem, type Problem } from './problem.ts';

const typeNamesEn: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

const typeNamesZh: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: '空值',
};

function listValues(values: readonly unknown[]): { en: string; zh: string } {
  const shown = values.map((v) => JSON.stringify(v));
  return { en: shown.join(', '), zh: shown.join('、') };
}

function typeNames(type: unknown): { en: string; zh: string } {
  const names = String(type).split(',');
  return {
    en: names.map((n) => typeNamesEn[n] ?? n).join(' or '),
    zh: names.map((n) => typeNamesZh[n] ?? n).join('或'),
  };
}

/** The tag values a discriminated oneOf accepts, read from the failing schema (needs ajv's `verbose`). */
function discriminatorValues(error: ErrorObject, tag: string): unknown[] {
  const branches = (error.parentSchema as { oneOf?: unknown[] } | undefined)?.oneOf ?? [];
  return branches.flatMap((branch) => {
    type TagSchema = { const?: unknown; enum?: unknown[] };
    const tagSchema = (branch as { properties?: Record<string, TagSchema> }).properties?.[tag];
    if (tagSchema === undefined) return [];
    return tagSchema.const !== undefined ? [tagSchema.const] : (tagSchema.enum ?? []);
  });
}

function problemFromAjvError(error: ErrorObject, basePath: string): Problem | undefined {
  const at = basePath + error.instancePath;
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const name = String(p.missingProperty);
      return problem(pointer(at, name), 'schema.required', `"${name}" is required.`, `缺少必填项“${name}”。`);
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return problem(
        pointer(at, name),
        'schema.unknownProperty',
        `"${name}" is not allowed here.`,
        `此处不允许出现“${name}”。`,
      );
    }
    case 'propertyNames': {
      const name = String(p.propertyName);
      return problem(pointer(at, name), 'schema.propertyName', `"${name}" is not a valid name.`, `“${name}”不是有效的名称。`);
    }
    case 'type': {
      const t = typeNames(p.type);
      return problem(at, 'schema.type', `Must be ${t.en}.`, `应为${t.zh}。`);
    }
    case 'enum': {
      const v = listValues(p.allowedValues as unknown[]);
      return problem(at, 'schema.enum', `Must be one of ${v.en}.`, `必须是以下之一：${v.zh}。`);
    }
    case 'const': {
      const v = JSON.stringify(p.allowedValue);
      return problem(at, 'schema.const', `Must be ${v}.`, `必须是 ${v}。`);
    }
    case 'discriminator': {
      const tag = String(p.tag);
      const tagPath = pointer(at, tag);
      if (p.tagValue === undefined) {
        return problem(tagPath, 'schema.required', `"${tag}" is required.`, `缺少必填项“${tag}”。`);
      }
      if (p.error === 'tag') return problem(tagPath, 'schema.type', 'Must be text.', '应为字符串。');
      const v = listValues(discriminatorValues(error, tag));
      const value = JSON.stringify(p.tagValue);
      return problem(
        tagPath,
        'schema.unknownKind',
        `${value} is not a known ${tag}; use one of ${v.en}.`,
        `${value} 不是可用的 ${tag}，可选：${v.zh}。`,
      );
    }
    case 'minLength':
      return p.limit === 1
        ? problem(at, 'schema.empty', 'Must not be empty.', '不能为空。')
        : problem(at, 'schema.minLength', `Must have at least ${p.limit} characters.`, `至少需要 ${p.limit} 个字符。`);
    case 'maxLength':
      return problem(at, 'schema.maxLength', `Must have at most ${p.limit} characters.`, `最多 ${p.limit} 个字符。`);
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const comparison = String(p.comparison);
      const code = `schema.${error.keyword}`;
      return problem(at, code, `Must be ${comparison} ${p.limit}.`, `必须 ${comparison} ${p.limit}。`);
    }
    case 'minItems':
      return p.limit === 1
        ? problem(at, 'schema.minItems', 'Must have at least one item.', '至少需要一项。')
        : problem(at, 'schema.minItems', `Must have at least ${p.limit} items.`, `至少需要 ${p.limit} 项。`);
    case 'maxItems':
      return problem(at, 'schema.maxItems', `Must have at most ${p.limit} items.`, `最多 ${p.limit} 项。`);
    case 'minProperties':
      return p.limit === 1
        ? problem(at, 'schema.minProperties', 'Must have at least one entry.', '至少需要一项。')
        : problem(at, 'schema.minProperties', `Must have at least ${p.limit} entries.`, `至少需要 ${p.limit} 项。`);
    case 'maxProperties':
      return problem(at, 'schema.maxProperties', `Must have at most ${p.limit} entries.`, `最多 ${p.limit} 项。`);
    case 'uniqueItems':
      return problem(
        at,
        'schema.uniqueItems',
        `Items ${p.j} and ${p.i} are the same; each may appear once.`,
        `第 ${p.j} 项与第 ${p.i} 项重复，每项只能出现一次。`,
      );
    case 'pattern':
      return problem(at, 'schema.pattern', `Does not have the expected form (${p.pattern}).`, `格式不正确（${p.pattern}）。`);
    case 'format':
      return problem(at, 'schema.format', `Must be a valid ${p.format}.`, `必须是有效的 ${p.format}。`);
    case 'oneOf':
    case 'anyOf':
      return problem(at, 'schema.noMatchingShape', 'Does not match any allowed form.', '不符合任何允许的格式。');
    case 'not':
      return problem(at, 'schema.not', 'This value is not allowed here.', '此处不允许该值。');
    case 'if':
      // ajv reports the failing `then`/`else` branch itself; the `if` error only repeats it.
      return undefined;
    default:
      return problem(at, `schema.${error.keyword}`, error.message ?? 'Is not valid.', `不符合规则（${error.keyword}）。`);
  }
}

/**
 * With allErrors, a failed anyOf/oneOf also reports why each branch failed; a user only needs to know that no
 * branch fits, so the branch errors under a failed union are dropped.
 */
function withoutUnionBranchErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter(
    (e) =>
      !unions.some(
        (u) =>
          u !== e &&
          e.schemaPath.startsWith(`${u.schemaPath}/`) &&
          (e.instancePath === u.instancePath || e.instancePath.startsWith(`${u.instancePath}/`)),
      ),
  );
}

/** Turns ajv errors into Problems whose paths are JSON Pointers from `basePath`, with en and zh-CN messages. */
export function problemsFromAjvErrors(errors: readonly ErrorObject[] | null | undefined, basePath: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  // A key failing `propertyNames` comes twice: the inner keyword's error on the object, and the propertyNames error
  // naming the key. Only the second says which key, so the inner one (it carries `propertyName`) goes.
  const named = (errors ?? []).filter((error) => error.keyword === 'propertyNames' || error.propertyName === undefined);
  for (const error of withoutUnionBranchErrors(named)) {
    const p = problemFromAjvError(error, basePath);
    if (p === undefined) continue;
    const key = `${p.path}\u0000${p.code}\u0000${p.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  return problems;
}
