import type { FromSchema } from 'json-schema-to-ts';
import { catalogueEntityNames } from './entity.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * The facts a condition may name for one entity: each fact's type (which decides the operators that suit it), its
 * labels, and where its value comes from. Sources are declarative so one catalogue yields both the in-memory
 * evaluator and the SQL expression; nothing here is code, and every SQL name is an identifier checked by pattern.
 */
export const factTypes = ['string', 'number', 'boolean', 'date', 'datetime', 'enum'] as const;
export type FactType = (typeof factTypes)[number];

/** snake_case PostgreSQL identifiers: the only names that ever reach SQL, always quoted. */
const sqlIdentifierSchema = { type: 'string', pattern: '^[a-z][a-z0-9_]*$', maxLength: 63 } as const;

const columnSourceSchema = {
  type: 'object',
  properties: { kind: { const: 'column' }, column: sqlIdentifierSchema },
  required: ['kind', 'column'],
  additionalProperties: false,
} as const;

/** A key of the record's `custom_fields` jsonb object. */
const customFieldSourceSchema = {
  type: 'object',
  properties: { kind: { const: 'customField' }, key: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' } },
  required: ['kind', 'key'],
  additionalProperties: false,
} as const;

/** Whole calendar days from the timestamp column's local date to today's, in the evaluation time zone. */
const daysSinceSourceSchema = {
  type: 'object',
  properties: { kind: { const: 'daysSince' }, column: sqlIdentifierSchema },
  required: ['kind', 'column'],
  additionalProperties: false,
} as const;

/** Rows of another table that belong to the record: `table.column = record.rowColumn`, optionally filtered. */
const relatedRowsProperties = {
  table: sqlIdentifierSchema,
  match: {
    type: 'object',
    properties: { column: sqlIdentifierSchema, rowColumn: sqlIdentifierSchema },
    required: ['column', 'rowColumn'],
    additionalProperties: false,
  },
  filter: {
    type: 'object',
    properties: {
      column: sqlIdentifierSchema,
      in: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
    required: ['column', 'in'],
    additionalProperties: false,
  },
  aggregateColumn: {
    ...sqlIdentifierSchema,
    description: 'the column under which a loaded fact row carries the precomputed value',
  },
} as const;

/** How many related rows have their timestamp within today (evaluation time zone), e.g. claims by the owner. */
const countTodaySourceSchema = {
  type: 'object',
  properties: { kind: { const: 'countToday' }, ...relatedRowsProperties, timestampColumn: sqlIdentifierSchema },
  required: ['kind', 'table', 'match', 'timestampColumn', 'aggregateColumn'],
  additionalProperties: false,
} as const;

/** Whether any related row exists, e.g. an open opportunity of the customer. */
const existsSourceSchema = {
  type: 'object',
  properties: { kind: { const: 'exists' }, ...relatedRowsProperties },
  required: ['kind', 'table', 'match', 'aggregateColumn'],
  additionalProperties: false,
} as const;

/** The discriminator on `kind` makes ajv report a bad source at its own path, not as "matches none of five". */
export const factSourceSchema = {
  type: 'object',
  discriminator: { propertyName: 'kind' },
  oneOf: [columnSourceSchema, customFieldSourceSchema, daysSinceSourceSchema, countTodaySourceSchema, existsSourceSchema],
} as const;

export const factOptionSchema = {
  type: 'object',
  properties: { value: { type: 'string', minLength: 1 }, label: localizedTextSchema },
  required: ['value', 'label'],
  additionalProperties: false,
} as const;

export const factDefinitionSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9_]*)?$' },
    type: { enum: factTypes },
    label: localizedTextSchema,
    unit: { ...localizedTextSchema, description: 'shown after numbers in plain words, e.g. days / 天' },
    options: { type: 'array', items: factOptionSchema, minItems: 1, description: 'the values of an enum fact' },
    machineState: {
      type: 'boolean',
      description: "the enum fact holding the record's state in its entity's machine: its options are that machine's states",
    },
    source: factSourceSchema,
  },
  required: ['name', 'type', 'label', 'source'],
  additionalProperties: false,
} as const;

export const factCatalogueSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/fact-catalogue.json',
  title: 'Fact catalogue of one entity',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    entity: { enum: catalogueEntityNames },
    table: { ...sqlIdentifierSchema, description: "the entity's PostgreSQL table" },
    facts: { type: 'array', items: factDefinitionSchema },
  },
  required: ['entity', 'table', 'facts'],
  additionalProperties: false,
} as const;

export type FactCatalogue = FromSchema<typeof factCatalogueSchema>;
export type FactDefinition = FromSchema<typeof factDefinitionSchema>;
export type FactSource = FactDefinition['source'];
export type FactOption = FromSchema<typeof factOptionSchema>;
