import type { FromSchema } from 'json-schema-to-ts';
import { entitySchema } from './entity.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * Custom fields of one entity. Values live in the record's `jsonb` column under the field key; `indexed` asks the
 * runtime for an expression index because list filters use the field.
 */
export const fieldTypes = ['text', 'number', 'date', 'dropdown', 'autoNumber', 'phone', 'email'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** What a role sees of a field: nothing, a masked value (138****5678), the value, or the value and the right to edit it. */
export const fieldAccessLevels = ['hidden', 'masked', 'read', 'write'] as const;
export type FieldAccess = (typeof fieldAccessLevels)[number];

const fieldKeySchema = { type: 'string', pattern: '^[a-z][A-Za-z0-9_]*$', maxLength: 64 } as const;
const roleKeySchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' } as const;
const optionValueSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;

export const dropdownOptionSchema = {
  type: 'object',
  properties: { value: optionValueSchema, label: localizedTextSchema },
  required: ['value', 'label'],
  additionalProperties: false,
} as const;

const optionListSchema = { type: 'array', items: dropdownOptionSchema, minItems: 1 } as const;

const commonFieldProperties = {
  key: fieldKeySchema,
  label: localizedTextSchema,
  description: localizedTextSchema,
  required: { type: 'boolean' },
  indexed: { type: 'boolean' },
  defaultAccess: { enum: fieldAccessLevels },
  permissions: {
    description: 'role → access; roles not named get defaultAccess (write when absent)',
    type: 'object',
    propertyNames: roleKeySchema,
    additionalProperties: { enum: fieldAccessLevels },
  },
} as const;

function fieldOf<const T extends FieldType, const P extends object>(type: T, settings: P) {
  return {
    type: 'object',
    properties: { ...commonFieldProperties, type: { const: type }, ...settings },
    required: ['key', 'label', 'type'],
    additionalProperties: false,
  } as const;
}

export const fieldDefinitionSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    fieldOf('text', {
      maxLength: { type: 'integer', minimum: 1 },
      multiline: { type: 'boolean' },
      format: { enum: ['url'] },
      pattern: { type: 'string', minLength: 1, description: 'a JavaScript regular expression the whole value matches' },
    }),
    fieldOf('number', {
      minimum: { type: 'number' },
      maximum: { type: 'number' },
      decimals: { type: 'integer', minimum: 0, maximum: 10 },
      unit: localizedTextSchema,
    }),
    fieldOf('date', { withTime: { type: 'boolean' } }),
    fieldOf('dropdown', {
      multiple: { type: 'boolean' },
      options: optionListSchema,
      cascadeFrom: { ...fieldKeySchema, description: 'key of the dropdown whose value decides which options apply' },
      optionsByParent: {
        description: 'parent option value → the options offered when the parent has that value',
        type: 'object',
        additionalProperties: optionListSchema,
        minProperties: 1,
      },
    }),
    fieldOf('autoNumber', {
      prefix: { type: 'string', pattern: '^[A-Za-z0-9_-]*$', maxLength: 20 },
      padding: { type: 'integer', minimum: 1, maximum: 12 },
    }),
    fieldOf('phone', {}),
    fieldOf('email', {}),
  ],
} as const;

export const fieldDefinitionsSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/field-definitions.json',
  title: 'Field definitions of one entity',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    entity: entitySchema,
    fields: { type: 'array', items: fieldDefinitionSchema },
  },
  required: ['entity', 'fields'],
  additionalProperties: false,
} as const;

export type FieldDefinition = FromSchema<typeof fieldDefinitionSchema>;
export type FieldDefinitions = FromSchema<typeof fieldDefinitionsSchema>;
export type DropdownField = Extract<FieldDefinition, { type: 'dropdown' }>;
export type DropdownOption = FromSchema<typeof dropdownOptionSchema>;
