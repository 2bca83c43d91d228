import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/** The kinds of definition a template can carry; each has its own schema in this folder. */
export const definitionKinds = [
  'machine',
  'rule',
  'factCatalogue',
  'fieldDefinitions',
  'queuePolicy',
  'routingPolicy',
  'leadConversion',
  'role',
] as const;

/** `template.json` at the root of an industry template folder under `seeds/`. */
export const templateManifestSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/template-manifest.json',
  type: 'object',
  properties: {
    key: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,63}$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    name: localizedTextSchema,
    description: localizedTextSchema,
    definitions: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        properties: {
          kind: { enum: definitionKinds },
          key: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,119}$' },
          file: { type: 'string', minLength: 1 },
        },
        required: ['kind', 'key', 'file'],
        additionalProperties: false,
      },
    },
    demoUsers: { type: 'string', minLength: 1, description: 'a file of demo teams and logins, created with the template' },
    demoCustomers: {
      type: 'string',
      minLength: 1,
      description: 'a file of demo customers with their contacts and contact records, created with the template (needs demoUsers)',
    },
  },
  required: ['key', 'version', 'name', 'description', 'definitions'],
  additionalProperties: false,
} as const;

export type TemplateManifest = FromSchema<typeof templateManifestSchema>;
export type DefinitionKind = (typeof definitionKinds)[number];
