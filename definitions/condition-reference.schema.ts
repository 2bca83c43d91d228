import type { Condition } from './condition.schema.ts';

/**
 * How other definition kinds point at the one condition language: a `$ref` to the condition schema's $id, which
 * the engine's ajv instance has registered. json-schema-to-ts cannot derive the recursive condition type
 * (TS2589), so `ConditionReferenceOptions` resolves the reference to an open stand-in and puts `Condition` there.
 */
export const conditionRefSchema = { $ref: 'https://stagecraft.dev/schemas/condition.json' } as const;

type ConditionSchemaStandIn = { $id: 'https://stagecraft.dev/schemas/condition.json' };

export type ConditionReferenceOptions = {
  references: [ConditionSchemaStandIn];
  deserialize: [{ pattern: typeof conditionRefSchema; output: Condition }];
};
