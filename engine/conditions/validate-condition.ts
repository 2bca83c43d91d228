import { conditionLeafSchema, type ConditionOperator } from '../../definitions/condition.schema.ts';
import type { FactCatalogue, FactDefinition } from '../../definitions/fact-catalogue.schema.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';
import { factByName } from './catalogue-facts.ts';
import { comparableValue, granularityOf, type Granularity } from './condition-values.ts';
import { operatorsByFactType, valueShapeOfOperator } from './fact-operators.ts';

const checkLeafShape = compileSchemaCheck(conditionLeafSchema);
const entityNamesZh: Record<string, string> = {
  customer: '客户',
  contact: '联系人',
  opportunity: '商机',
  order: '订单',
  ticket: '工单',
  lead: '线索',
  contactRecord: '联系记录',
};
const groupKeys = ['all', 'any', 'not'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a condition against the condition language and the entity's fact catalogue: the shape first (ajv, per
 * leaf, so errors point at the leaf rather than at a failed four-way oneOf), then meaning — the fact exists, the
 * operator suits its type, the value has the type and arity the operator needs. Paths are JSON Pointers from `path`.
 */
export function validateCondition(condition: unknown, catalogue: FactCatalogue, path: string): Problem[] {
  if (!isObject(condition)) {
    return [
      problem(
        path,
        'condition.shape',
        'A condition is an object with "all", "any", "not", or a "fact" and an "operator".',
        '条件应为对象，包含“all”“any”“not”之一，或“fact”与“operator”。',
      ),
    ];
  }
  const kinds = [...groupKeys.filter((key) => key in condition), ...('fact' in condition ? ['fact'] : [])];
  if (kinds.length > 1) {
    return [
      problem(
        path,
        'condition.mixedShape',
        `Use exactly one of "all", "any", "not" or "fact" here, not ${kinds.map((k) => `"${k}"`).join(' and ')}.`,
        `此处只能使用“all”“any”“not”“fact”之一，不能同时出现 ${kinds.map((k) => `“${k}”`).join('、')}。`,
      ),
    ];
  }
  const kind = kinds[0];
  if (kind === 'all' || kind === 'any' || kind === 'not') return validateGroup(condition, kind, catalogue, path);
  const shape = schemaProblems(checkLeafShape, condition, path);
  if (shape.length > 0) return shape;
  return validateLeaf(condition as { fact: string; operator: ConditionOperator; value?: unknown }, catalogue, path);
}

function validateGroup(
  condition: Record<string, unknown>,
  kind: 'all' | 'any' | 'not',
  catalogue: FactCatalogue,
  path: string,
): Problem[] {
  const extra = Object.keys(condition)
    .filter((key) => key !== kind)
    .map((key) =>
      problem(pointer(path, key), 'schema.unknownProperty', `"${key}" is not allowed here.`, `此处不允许出现“${key}”。`),
    );
  const inner = condition[kind];
  if (kind === 'not') return [...extra, ...validateCondition(inner, catalogue, pointer(path, 'not'))];
  if (!Array.isArray(inner)) {
    return [
      ...extra,
      problem(
        pointer(path, kind),
        'condition.notAList',
        `"${kind}" must be a list of conditions.`,
        `“${kind}”应为条件列表。`,
      ),
    ];
  }
  // json-rules-engine treats an empty `any` as true, which nobody who writes "any of these" means.
  const empty =
    kind === 'any' && inner.length === 0
      ? [
          problem(
            pointer(path, 'any'),
            'condition.emptyAny',
            'List at least one condition under "any".',
            '“any”下至少需要一个条件。',
          ),
        ]
      : [];
  return [
    ...extra,
    ...empty,
    ...inner.flatMap((child, index) => validateCondition(child, catalogue, pointer(path, kind, index))),
  ];
}

function validateLeaf(
  leaf: { fact: string; operator: ConditionOperator; value?: unknown },
  catalogue: FactCatalogue,
  path: string,
): Problem[] {
  const fact = factByName(catalogue, leaf.fact);
  if (fact === undefined) {
    return [
      problem(
        pointer(path, 'fact'),
        'condition.unknownFact',
        `"${leaf.fact}" is not a fact of ${catalogue.entity}.`,
        `“${leaf.fact}”不是${entityNamesZh[catalogue.entity] ?? catalogue.entity}可用的条件字段。`,
      ),
    ];
  }
  const allowed = operatorsByFactType[fact.type];
  if (!allowed.includes(leaf.operator)) {
    return [
      problem(
        pointer(path, 'operator'),
        'condition.operatorNotAllowed',
        `"${leaf.operator}" does not apply to ${fact.label.en} (${fact.type}); use one of ${allowed.join(', ')}.`,
        `“${leaf.operator}”不适用于“${fact.label['zh-CN']}”（${fact.type}），可用：${allowed.join('、')}。`,
      ),
    ];
  }
  return validateValue(fact, leaf.operator, leaf.value, 'value' in leaf, pointer(path, 'value'));
}

function validateValue(
  fact: FactDefinition,
  operator: ConditionOperator,
  value: unknown,
  present: boolean,
  path: string,
): Problem[] {
  const shape = valueShapeOfOperator[operator];
  if (shape === 'none') {
    return present
      ? [problem(path, 'condition.valueNotAllowed', `"${operator}" takes no value.`, `“${operator}”不需要取值。`)]
      : [];
  }
  if (!present) {
    return [problem(path, 'condition.valueMissing', `"${operator}" needs a value.`, `“${operator}”需要取值。`)];
  }
  if (shape === 'single') {
    if (Array.isArray(value)) {
      return [problem(path, 'condition.valueNotSingle', `"${operator}" takes one value, not a list.`, `“${operator}”只接受一个值，不接受列表。`)];
    }
    const problems = validateScalars(fact, [value], [path], path);
    if (problems.length === 0 && (operator === 'includesText' || operator === 'excludesText') && value === '') {
      return [problem(path, 'condition.emptyText', 'Give the text to look for.', '请填写要查找的文字。')];
    }
    return problems;
  }
  if (!Array.isArray(value)) {
    return shape === 'pair'
      ? [pairProblem(operator, path)]
      : [problem(path, 'condition.valueNotList', `"${operator}" needs a list of values.`, `“${operator}”需要一个取值列表。`)];
  }
  if (shape === 'pair' && value.length !== 2) return [pairProblem(operator, path)];
  if (shape === 'list' && value.length === 0) {
    return [problem(path, 'condition.emptyList', 'List at least one value.', '至少需要一个取值。')];
  }
  const problems = validateScalars(fact, value, value.map((_, index) => pointer(path, index)), path);
  if (problems.length > 0 || shape !== 'pair') return problems;
  const granularity = granularityOf(fact.type, value) as Granularity;
  const [low, high] = value.map((v) => comparableValue(fact.type, granularity, v) as number);
  return (low ?? 0) > (high ?? 0)
    ? [problem(path, 'condition.emptyRange', 'The low end is above the high end, so nothing can match.', '下限高于上限，任何记录都不会满足。')]
    : [];
}

function pairProblem(operator: ConditionOperator, path: string): Problem {
  return problem(path, 'condition.valueNotPair', `"${operator}" needs [low, high].`, `“${operator}”需要 [下限, 上限] 两个值。`);
}

function validateScalars(
  fact: FactDefinition,
  values: readonly unknown[],
  paths: readonly string[],
  valuePath: string,
): Problem[] {
  const granularity = granularityOf(fact.type, values);
  if (granularity === 'mixed') {
    return [
      problem(
        valuePath,
        'condition.mixedDateForms',
        'Compare with dates only or with date-times only, not both.',
        '请只用日期或只用日期时间比较，不要混用。',
      ),
    ];
  }
  return values.flatMap((value, index) => {
    const at = paths[index] ?? '';
    if (comparableValue(fact.type, granularity, value) === undefined) return [typeProblem(fact, at)];
    if (fact.type === 'enum' && !(fact.options ?? []).some((option) => option.value === value)) {
      const options = (fact.options ?? []).map((option) => option.value);
      return [
        problem(
          at,
          'condition.unknownOption',
          `${JSON.stringify(value)} is not an option of ${fact.label.en}; use one of ${options.join(', ')}.`,
          `${JSON.stringify(value)} 不是“${fact.label['zh-CN']}”的选项，可选：${options.join('、')}。`,
        ),
      ];
    }
    return [];
  });
}

const typeMessages: Record<FactDefinition['type'], { en: string; zh: string }> = {
  string: { en: 'must be text.', zh: '应为文本。' },
  enum: { en: 'must be one of the options (text).', zh: '应为选项之一（文本）。' },
  number: { en: 'must be a number.', zh: '应为数字。' },
  boolean: { en: 'must be true or false.', zh: '应为 true 或 false。' },
  date: { en: 'must be a date such as 2024-05-01.', zh: '应为日期，例如 2024-05-01。' },
  datetime: {
    en: 'must be a date (2024-05-01) or a date-time with an offset (2024-05-01T09:30:00+08:00).',
    zh: '应为日期（2024-05-01）或带时区偏移的日期时间（2024-05-01T09:30:00+08:00）。',
  },
};

function typeProblem(fact: FactDefinition, path: string): Problem {
  const message = typeMessages[fact.type];
  return problem(path, 'condition.valueType', `${fact.label.en} ${message.en}`, `“${fact.label['zh-CN']}”${message.zh}`);
}
