import type { FromSchema } from 'json-schema-to-ts';
import { pageQueryProperties, versionSchema } from '../customers/customer-bodies.schema.ts';
import { listedEntities } from '../lists/record-list-catalogue.ts';

const nameSchema = {
  type: 'object',
  properties: {
    en: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
    'zh-CN': { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  },
  required: ['en', 'zh-CN'],
  additionalProperties: false,
  description: 'the view’s name in both languages',
} as const;
const columnsSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 120 },
  maxItems: 40,
  uniqueItems: true,
  description: 'the facts shown as columns, in order',
} as const;
const sortSchema = {
  type: 'array',
  maxItems: 4,
  items: {
    type: 'object',
    properties: { fact: { type: 'string', minLength: 1, maxLength: 120 }, direction: { enum: ['asc', 'desc'] } },
    required: ['fact', 'direction'],
    additionalProperties: false,
  },
  description: 'up to four levels; empty values last, ties newest first',
} as const;
const sharedSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 64 },
  maxItems: 20,
  uniqueItems: true,
  description: 'role keys whose holders see the view too; empty: yours alone',
} as const;

/** POST /api/saved-views */
export const createSavedViewBodySchema = {
  title: 'New saved view',
  type: 'object',
  properties: {
    entity: { enum: listedEntities, description: 'the list the view belongs to' },
    name: nameSchema,
    columns: columnsSchema,
    // Checked by validateCondition against the entity's catalogue, which names the failing leaf better than a oneOf.
    filter: { type: 'object', description: 'a condition over the entity’s facts (docs/definitions.md)' },
    sort: sortSchema,
    sharedWithRoles: sharedSchema,
  },
  required: ['entity', 'name'],
  additionalProperties: false,
} as const;

/** PATCH /api/saved-views/:id — the fields sent change; `filter: null` removes the filter. */
export const updateSavedViewBodySchema = {
  title: 'Saved view change',
  type: 'object',
  properties: {
    version: versionSchema,
    name: nameSchema,
    columns: columnsSchema,
    filter: { type: ['object', 'null'], description: 'a condition over the entity’s facts, or null for none' },
    sort: sortSchema,
    sharedWithRoles: sharedSchema,
  },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const listSavedViewsQuerySchema = {
  type: 'object',
  properties: { entity: { enum: listedEntities, description: 'only views of this list' }, limit: pageQueryProperties.limit },
  additionalProperties: false,
} as const;

export const savedViewSchema = {
  title: 'Saved view',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    entity: { type: 'string' },
    ownerId: { type: 'integer' },
    name: nameSchema,
    columns: { type: 'array', items: { type: 'string' } },
    filter: { description: 'the condition, or null' },
    sort: { type: 'array', items: sortSchema.items },
    sharedWithRoles: { type: 'array', items: { type: 'string' } },
    mine: { type: 'boolean', description: 'whether you own it (and so may change it)' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'entity', 'ownerId', 'name', 'columns', 'filter', 'sort', 'sharedWithRoles', 'mine', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;

export type CreateSavedViewBody = FromSchema<typeof createSavedViewBodySchema>;
export type UpdateSavedViewBody = FromSchema<typeof updateSavedViewBodySchema>;
export type ListSavedViewsQuery = FromSchema<typeof listSavedViewsQuerySchema>;
export type SavedView = FromSchema<typeof savedViewSchema>;
