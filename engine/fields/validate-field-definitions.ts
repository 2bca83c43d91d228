import {
  fieldDefinitionsSchema,
  type DropdownField,
  type DropdownOption,
  type FieldDefinition,
  type FieldDefinitions,
} from '../../definitions/field-definitions.schema.ts';
import { pointer, problem, type Problem } from '../validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

const checkFieldDefinitions = compileSchemaCheck(fieldDefinitionsSchema);

/** Every value a dropdown can take, whichever parent value is chosen. */
export function allOptionValues(field: DropdownField): Set<string> {
  const lists = field.options ? [field.options] : Object.values(field.optionsByParent ?? {});
  return new Set(lists.flat().map((option) => option.value));
}

function duplicateKeys(fields: FieldDefinition[], path: string): Problem[] {
  const seen = new Set<string>();
  return fields.flatMap((field, index) => {
    if (!seen.has(field.key)) {
      seen.add(field.key);
      return [];
    }
    return [
      problem(
        pointer(path, index, 'key'),
        'field.duplicateKey',
        `Another field already uses the key "${field.key}".`,
        `字段键“${field.key}”已被其他字段使用。`,
      ),
    ];
  });
}

function duplicateOptions(options: readonly DropdownOption[], path: string): Problem[] {
  const seen = new Set<string>();
  return options.flatMap((option, index) => {
    if (!seen.has(option.value)) {
      seen.add(option.value);
      return [];
    }
    return [
      problem(
        pointer(path, index, 'value'),
        'field.duplicateOption',
        `The option "${option.value}" appears twice.`,
        `选项“${option.value}”重复出现。`,
      ),
    ];
  });
}

function dropdownProblems(field: DropdownField, byKey: Map<string, FieldDefinition>, path: string): Problem[] {
  const problems: Problem[] = [];
  if (field.options) problems.push(...duplicateOptions(field.options, pointer(path, 'options')));
  for (const [parentValue, options] of Object.entries(field.optionsByParent ?? {})) {
    problems.push(...duplicateOptions(options, pointer(path, 'optionsByParent', parentValue)));
  }

  const cascades = field.cascadeFrom !== undefined || field.optionsByParent !== undefined;
  if (field.options && cascades) {
    return [
      ...problems,
      problem(
        path,
        'field.optionsAndCascade',
        'A dropdown has either its own options or options per parent value (cascadeFrom + optionsByParent), not both.',
        '下拉字段要么有固定选项，要么按上级值提供选项（cascadeFrom + optionsByParent），不能同时使用。',
      ),
    ];
  }
  if (!cascades) {
    if (field.options) return problems;
    return [
      ...problems,
      problem(pointer(path, 'options'), 'field.optionsMissing', 'A dropdown needs options.', '下拉字段需要选项。'),
    ];
  }
  if (field.cascadeFrom === undefined || field.optionsByParent === undefined) {
    const missing = field.cascadeFrom === undefined ? 'cascadeFrom' : 'optionsByParent';
    return [
      ...problems,
      problem(
        pointer(path, missing),
        'field.cascadeIncomplete',
        `A cascading dropdown needs both cascadeFrom and optionsByParent; "${missing}" is missing.`,
        `级联下拉需要同时设置 cascadeFrom 和 optionsByParent，缺少“${missing}”。`,
      ),
    ];
  }

  const parent = byKey.get(field.cascadeFrom);
  const parentPath = pointer(path, 'cascadeFrom');
  if (parent === undefined) {
    return [
      ...problems,
      problem(
        parentPath,
        'field.cascadeParentMissing',
        `The parent field "${field.cascadeFrom}" does not exist.`,
        `上级字段“${field.cascadeFrom}”不存在。`,
      ),
    ];
  }
  if (parent.type !== 'dropdown' || parent.multiple === true || parent.key === field.key) {
    return [
      ...problems,
      problem(
        parentPath,
        'field.cascadeParentNotSingleDropdown',
        `The parent field "${field.cascadeFrom}" must be another single-choice dropdown.`,
        `上级字段“${field.cascadeFrom}”必须是另一个单选下拉字段。`,
      ),
    ];
  }
  const parentValues = allOptionValues(parent);
  for (const parentValue of Object.keys(field.optionsByParent)) {
    if (parentValues.has(parentValue)) continue;
    problems.push(
      problem(
        pointer(path, 'optionsByParent', parentValue),
        'field.cascadeUnknownParentValue',
        `"${parentValue}" is not an option of the parent field "${parent.key}".`,
        `“${parentValue}”不是上级字段“${parent.key}”的选项。`,
      ),
    );
  }
  return problems;
}

function cascadeCycles(fields: FieldDefinition[], byKey: Map<string, FieldDefinition>, path: string): Problem[] {
  return fields.flatMap((field, index) => {
    const visited = new Set<string>([field.key]);
    let current: FieldDefinition | undefined = field;
    while (current?.type === 'dropdown' && current.cascadeFrom !== undefined) {
      if (current.cascadeFrom === field.key && current !== field) {
        return [
          problem(
            pointer(path, index, 'cascadeFrom'),
            'field.cascadeCycle',
            `The cascade starting at "${field.key}" leads back to it.`,
            `从“${field.key}”开始的级联又回到了它自身。`,
          ),
        ];
      }
      if (visited.has(current.cascadeFrom)) return [];
      visited.add(current.cascadeFrom);
      current = byKey.get(current.cascadeFrom);
    }
    return [];
  });
}

function settingProblems(field: FieldDefinition, path: string): Problem[] {
  if (field.type === 'number' && field.minimum !== undefined && field.maximum !== undefined) {
    if (field.minimum > field.maximum) {
      return [
        problem(
          pointer(path, 'maximum'),
          'field.rangeInverted',
          `The maximum (${field.maximum}) is below the minimum (${field.minimum}).`,
          `最大值（${field.maximum}）小于最小值（${field.minimum}）。`,
        ),
      ];
    }
  }
  if (field.type === 'text' && field.pattern !== undefined) {
    try {
      new RegExp(field.pattern, 'u');
    } catch {
      return [
        problem(
          pointer(path, 'pattern'),
          'field.badPattern',
          'This is not a valid regular expression.',
          '这不是有效的正则表达式。',
        ),
      ];
    }
  }
  return [];
}

/** Checks a field-definitions document: its shape, then duplicate keys, dropdown options and cascades. */
export function validateFieldDefinitions(definitions: unknown, path = ''): Problem[] {
  const shapeProblems = schemaProblems(checkFieldDefinitions, definitions, path);
  if (shapeProblems.length > 0) return shapeProblems;
  const { fields } = definitions as FieldDefinitions;
  const fieldsPath = pointer(path, 'fields');
  // The first field with a key is the real one; later ones are reported as duplicates.
  const byKey = new Map([...fields].reverse().map((field) => [field.key, field]));
  return [
    ...duplicateKeys(fields, fieldsPath),
    ...fields.flatMap((field, index) => {
      const fieldPath = pointer(fieldsPath, index);
      const own = settingProblems(field, fieldPath);
      return field.type === 'dropdown' ? [...own, ...dropdownProblems(field, byKey, fieldPath)] : own;
    }),
    ...cascadeCycles(fields, byKey, fieldsPath),
  ];
}
