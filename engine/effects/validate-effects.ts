import { effectListSchema, effectNames } from '../../definitions/effect-catalogue.schema.ts';
import { problem, pointer, type Problem } from '../validation/problem.ts';
import { compileSchemaCheck, schemaProblems } from '../validation/schema-validator.ts';

const checkEffectList = compileSchemaCheck(effectListSchema);

function isEffectName(value: string): boolean {
  return (effectNames as readonly string[]).includes(value);
}

function unknownEffectTypes(effects: unknown[], path: string): Problem[] {
  return effects.flatMap((effect, index) => {
    const type = (effect as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || isEffectName(type)) return [];
    return [
      problem(
        pointer(path, index, 'type'),
        'effect.unknownType',
        `"${type}" is not an effect of the catalogue; use one of ${effectNames.join(', ')}.`,
        `“${type}”不是效果目录中的效果，可选：${effectNames.join('、')}。`,
      ),
    ];
  });
}

/** A field both set to a constant and copied from the source would silently lose one of the two. */
function createRecordConflicts(effects: unknown[], path: string): Problem[] {
  return effects.flatMap((effect, index) => {
    const e = effect as { type?: unknown; params?: { values?: object; copyFields?: object } };
    if (e?.type !== 'createRecord' || !e.params?.values || !e.params.copyFields) return [];
    const copied = new Set(Object.keys(e.params.copyFields));
    return Object.keys(e.params.values)
      .filter((key) => copied.has(key))
      .map((key) =>
        problem(
          pointer(path, index, 'params', 'values', key),
          'effect.fieldSetTwice',
          `"${key}" is both given a value and copied from the source record; keep one.`,
          `“${key}”既设定了值又从来源记录复制，请只保留一种。`,
        ),
      );
  });
}

/**
 * Checks a list of effect invocations against the closed effect catalogue. Problems point below `path`
 * (e.g. `/states/won/entry` → `/states/won/entry/0/params/title/zh-CN`).
 */
export function validateEffects(effects: unknown, path: string): Problem[] {
  if (!Array.isArray(effects)) return schemaProblems(checkEffectList, effects, path);
  // The catalogue's own message lists the effects by name; ajv's discriminator error would only say "unknown kind".
  const unknownTypes = unknownEffectTypes(effects, path);
  const unknownTypePaths = new Set(unknownTypes.map((p) => p.path));
  const shapeProblems = [
    ...unknownTypes,
    ...schemaProblems(checkEffectList, effects, path).filter((p) => !unknownTypePaths.has(p.path)),
  ];
  return shapeProblems.length > 0 ? shapeProblems : createRecordConflicts(effects, path);
}
