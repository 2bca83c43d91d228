import type { FromSchema } from 'json-schema-to-ts';
import { stateKeyPattern } from '../../definitions/machine.schema.ts';
import { versionSchema } from '../customers/customer-bodies.schema.ts';

export const callScriptKinds = ['personal', 'reference'] as const;

const titleSchema = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', description: 'what the script is for, in a line' } as const;
const bodySchema = { type: 'string', minLength: 1, maxLength: 20000, pattern: '\\S', description: 'what to say, as plain text (line breaks kept)' } as const;
const stagesSchema = {
  type: 'array',
  items: { type: 'string', pattern: stateKeyPattern, maxLength: 64 },
  maxItems: 20,
  uniqueItems: true,
  description: 'the customer stages (states of the published customer machine) it suits; empty: any stage',
} as const;
const tagsSchema = {
  type: 'array',
  items: { type: 'string', minLength: 1, maxLength: 40, pattern: '\\S' },
  maxItems: 20,
  uniqueItems: true,
  description: 'short words to find it by (开场白, 异议处理 …)',
} as const;

/** POST /api/call-scripts */
export const createCallScriptBodySchema = {
  title: 'New call script',
  type: 'object',
  properties: {
    kind: { enum: callScriptKinds, default: 'personal', description: 'personal: yours alone; reference: everyone’s, kept by managers and administrators' },
    title: titleSchema,
    body: bodySchema,
    stages: stagesSchema,
    tags: tagsSchema,
  },
  required: ['title', 'body'],
  additionalProperties: false,
} as const;

/** PATCH /api/call-scripts/:id — the fields sent change; the kind never does. */
export const updateCallScriptBodySchema = {
  title: 'Call script change',
  type: 'object',
  properties: { version: versionSchema, title: titleSchema, body: bodySchema, stages: stagesSchema, tags: tagsSchema },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const listCallScriptsQuerySchema = {
  type: 'object',
  properties: {
    stage: { type: 'string', pattern: stateKeyPattern, maxLength: 64, description: 'only scripts for this customer stage (and those for any stage)' },
    kind: { enum: callScriptKinds, description: 'only this kind' },
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'part of the title, the body or a tag' },
  },
  additionalProperties: false,
} as const;

export const callScriptSchema = {
  title: 'Call script',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { enum: callScriptKinds },
    ownerId: { type: ['integer', 'null'], description: 'the person a personal script belongs to; null for a reference script' },
    title: { type: 'string' },
    body: { type: 'string' },
    stages: { type: 'array', items: { type: 'string' } },
    tags: { type: 'array', items: { type: 'string' } },
    editable: { type: 'boolean', description: 'whether you may change or delete it' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer' },
  },
  required: ['id', 'kind', 'ownerId', 'title', 'body', 'stages', 'tags', 'editable', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;

export type CreateCallScriptBody = FromSchema<typeof createCallScriptBodySchema>;
export type UpdateCallScriptBody = FromSchema<typeof updateCallScriptBodySchema>;
export type ListCallScriptsQuery = FromSchema<typeof listCallScriptsQuerySchema>;
export type CallScript = FromSchema<typeof callScriptSchema>;
