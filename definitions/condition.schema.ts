import type { FromSchema } from 'json-schema-to-ts';

/**
 * The one condition language of Stagecraft — json-rules-engine's (all / any / not over fact–operator–value leaves) —
 * used by guards, rules, list filters, queue and routing policies. Which facts exist, and which operators suit each
 * fact's type, is the fact catalogue's business (see fact-catalogue.schema.ts); this schema fixes only the shape.
 */
export const conditionOperators = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'includesText',
  'excludesText',
  'isEmpty',
  'isNotEmpty',
  'between',
] as const;

export type ConditionOperator = (typeof conditionOperators)[number];

const scalarValueSchema = { type: ['string', 'number', 'boolean', 'null'] } as const;

export const conditionLeafSchema = {
  type: 'object',
  properties: {
    fact: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' },
    operator: { enum: conditionOperators },
    value: { anyOf: [scalarValueSchema, { type: 'array', items: scalarValueSchema }] },
  },
  required: ['fact', 'operator'],
  additionalProperties: false,
} as const;

export const conditionSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/condition.json',
  title: 'Condition',
  $ref: '#/$defs/condition',
  $defs: {
    condition: {
      oneOf: [
        {
          type: 'object',
          properties: { all: { type: 'array', items: { $ref: '#/$defs/condition' } } },
          required: ['all'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { any: { type: 'array', items: { $ref: '#/$defs/condition' } } },
          required: ['any'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { not: { $ref: '#/$defs/condition' } },
          required: ['not'],
          additionalProperties: false,
        },
        conditionLeafSchema,
      ],
    },
  },
} as const;

export type ConditionLeaf = FromSchema<typeof conditionLeafSchema>;

// json-schema-to-ts cannot derive recursive schemas (TS2589), so the three combinators are spelled here, once,
// over the derived leaf; a test checks that the schema accepts exactly these shapes.
export type Condition = ConditionLeaf | { all: Condition[] } | { any: Condition[] } | { not: Condition };
