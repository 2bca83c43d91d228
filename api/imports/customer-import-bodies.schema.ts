import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';

export const dedupeKeys = ['name', 'phone', 'keywords'] as const;
export const dedupePolicies = ['skip', 'update', 'createAnyway'] as const;
const importStatuses = ['uploaded', 'queued', 'running', 'finished', 'cancelled', 'failed'] as const;

const columnMappingSchema = {
  type: 'array',
  maxItems: 500,
  items: {
    type: 'object',
    properties: {
      header: { type: 'string', minLength: 1, maxLength: 200, description: 'a header of the file’s header row' },
      target: {
        type: ['string', 'null'],
        maxLength: 80,
        description: 'name, phone, keywords, stage, nextFollowUpAt, doNotCall, contractEndsOn or custom.<field key>; null: not imported',
      },
    },
    required: ['header', 'target'],
    additionalProperties: false,
  },
} as const;

/** What the importer decides before a dry run or the import: mapping, stage, owner, dedupe. */
export const importChoicesBodySchema = {
  type: 'object',
  properties: {
    mapping: columnMappingSchema,
    stage: { type: 'string', minLength: 1, maxLength: 64, description: 'the stage new customers enter (absent: the machine’s initial stage); a stage column overrides it per row' },
    owner: {
      type: 'object',
      description: 'self: the importer’s own; user: someone else’s (needs mayReassign); pool: the shared pool',
      properties: { kind: { enum: ['self', 'user', 'pool'] }, userId: { type: 'integer', minimum: 1 } },
      required: ['kind'],
      additionalProperties: false,
    },
    dedupe: {
      type: 'object',
      properties: {
        by: { type: 'array', items: { enum: dedupeKeys }, minItems: 1, uniqueItems: true },
        policy: { enum: dedupePolicies },
      },
      required: ['by', 'policy'],
      additionalProperties: false,
    },
  },
  required: ['mapping', 'owner', 'dedupe'],
  additionalProperties: false,
} as const;
export type ImportChoicesBody = FromSchema<typeof importChoicesBodySchema>;

const countsSchema = {
  type: 'object',
  properties: {
    created: { type: 'integer' },
    updated: { type: 'integer' },
    skipped: { type: 'integer' },
    rejected: { type: 'integer' },
  },
  required: ['created', 'updated', 'skipped', 'rejected'],
  additionalProperties: false,
} as const;

const targetSchema = {
  type: 'object',
  properties: { target: { type: 'string' }, label: localizedTextSchema },
  required: ['target', 'label'],
  additionalProperties: false,
} as const;

export const customerImportSchema = {
  title: 'Customer import',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    fileName: { type: 'string' },
    format: { enum: ['xlsx', 'csv'] },
    fileSize: { type: 'integer' },
    headers: { type: 'array', items: { type: 'string' } },
    sampleRows: { type: 'array', items: { type: 'array', items: { type: ['string', 'null'] } }, description: 'the first rows after the header, as text' },
    suggestedMapping: columnMappingSchema,
    targets: { type: 'array', items: targetSchema, description: 'where columns can go' },
    mode: { enum: ['dryRun', 'import', null], description: 'what was last started: a dry run writes no customer' },
    status: { enum: importStatuses },
    cancelRequested: { type: 'boolean' },
    rowsTotal: { type: 'integer' },
    rowsDone: { type: 'integer' },
    counts: countsSchema,
    failure: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: { type: ['string', 'null'], format: 'date-time' },
    finishedAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'fileName', 'format', 'fileSize', 'headers', 'mode', 'status', 'cancelRequested', 'rowsTotal', 'rowsDone', 'counts', 'failure', 'createdAt', 'startedAt', 'finishedAt'],
  additionalProperties: false,
} as const;
export type CustomerImportView = FromSchema<typeof customerImportSchema>;

export const importIssuesQuerySchema = {
  type: 'object',
  properties: { format: { enum: ['xlsx', 'csv', 'json'], default: 'xlsx' } },
  additionalProperties: false,
} as const;

export const createImportMappingBodySchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120 },
    shared: { type: 'boolean', default: false, description: 'offered to everyone who may import, not only to you' },
    columns: columnMappingSchema,
  },
  required: ['name', 'columns'],
  additionalProperties: false,
} as const;
export type CreateImportMappingBody = FromSchema<typeof createImportMappingBodySchema>;

export const importMappingSchema = {
  title: 'Import mapping template',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    shared: { type: 'boolean' },
    mine: { type: 'boolean' },
    columns: columnMappingSchema,
    createdAt: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'name', 'shared', 'mine', 'columns', 'createdAt'],
  additionalProperties: false,
} as const;
export type ImportMappingView = FromSchema<typeof importMappingSchema>;
