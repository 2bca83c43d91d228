import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * The properties every stand-alone definition document opens with: the schema it names, its id (a key, as a
 * template manifest lists it), its version and its name in both languages.
 */
export const definitionHeaderProperties = {
  $schema: { type: 'string' },
  id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,119}$' },
  version: { type: 'integer', minimum: 1 },
  name: localizedTextSchema,
} as const;
