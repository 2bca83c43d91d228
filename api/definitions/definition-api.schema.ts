import { localizedTextSchema } from '../../definitions/localized-text.schema.ts';
import { designerKinds } from './definition-kinds.ts';

/** Request bodies and answers of /api/definitions (docs/definitions.md, "Drafts, publish and migration"). */

const kindSchema = { enum: designerKinds, description: 'the definition kind (definition_version.kind)' } as const;
const keySchema = { type: 'string', pattern: '^[a-z][a-z0-9-]{1,119}$', description: 'the definition’s key' } as const;
const documentSchema = { type: 'object', description: 'the definition document, in its kind’s schema' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const userId = { type: ['integer', 'null'], description: 'the user who did it; null for the system or a template' } as const;
const stageKey = { type: 'string', pattern: '^[a-z][A-Za-z0-9]*$' } as const;
const stateMapSchema = {
  type: 'object',
  description: 'old stage → stage of the new version, for records in stages the new version lacks (or merges)',
  propertyNames: stageKey,
  additionalProperties: stageKey,
} as const;

/** A problem the designer shows on the node, edge or field its JSON Pointer names, in both languages. */
const definitionProblemSchema = {
  type: 'object',
  properties: { path: { type: 'string' }, code: { type: 'string' }, message: localizedTextSchema },
  required: ['path', 'code', 'message'],
  additionalProperties: false,
} as const;
const problemsSchema = { type: 'array', items: definitionProblemSchema } as const;

export const definitionParams = {
  type: 'object',
  properties: { kind: kindSchema, key: keySchema },
  required: ['kind', 'key'],
} as const;

export const versionParams = {
  type: 'object',
  properties: { kind: kindSchema, key: keySchema, version: { type: 'integer', minimum: 1 } },
  required: ['kind', 'key', 'version'],
} as const;

export const migrationParams = { type: 'object', properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] } as const;

export const saveDraftBodySchema = {
  type: 'object',
  properties: { document: documentSchema, baseVersion: { type: ['integer', 'null'], minimum: 1, description: 'the version the draft was started from' } },
  required: ['document'],
  additionalProperties: false,
} as const;

export const documentBodySchema = {
  type: 'object',
  properties: { document: documentSchema },
  required: ['document'],
  additionalProperties: false,
} as const;

export const publishBodySchema = {
  type: 'object',
  properties: {
    document: { ...documentSchema, description: 'what to publish; absent: the saved draft' },
    note: { type: 'string', maxLength: 2000, description: 'why, for the history' },
    stateMap: stateMapSchema,
  },
  additionalProperties: false,
} as const;

export const simulateBodySchema = {
  type: 'object',
  properties: {
    document: documentSchema,
    recordId: { type: 'integer', minimum: 1 },
    events: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        properties: { type: { type: 'string', minLength: 1, maxLength: 120 }, payload: { type: 'object' } },
        required: ['type'],
        additionalProperties: false,
      },
    },
    stateMap: { ...stateMapSchema, description: 'where the record starts when its stage is not in the draft' },
  },
  required: ['document', 'recordId', 'events'],
  additionalProperties: false,
} as const;

export const importBodySchema = {
  type: 'object',
  properties: { kind: kindSchema, key: keySchema, document: documentSchema },
  required: ['kind', 'key', 'document'],
  additionalProperties: false,
} as const;

export const diffQuerySchema = {
  type: 'object',
  properties: {
    from: { type: 'integer', minimum: 1, description: 'the older version' },
    to: { type: 'string', pattern: '^([1-9][0-9]{0,8}|draft)$', description: 'a version, or `draft`' },
  },
  required: ['from', 'to'],
  additionalProperties: false,
} as const;

export const exportQuerySchema = {
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1, description: 'absent: the latest' } },
  additionalProperties: false,
} as const;

export const definitionListViewSchema = {
  title: 'Definition list',
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: kindSchema,
          key: { type: 'string' },
          title: { anyOf: [localizedTextSchema, { type: 'null' }] },
          latestVersion: { type: ['integer', 'null'] },
          publishedAt: nullableDateTime,
          draft: {
            anyOf: [
              {
                type: 'object',
                properties: { revision: { type: 'integer' }, updatedAt: dateTime, updatedBy: userId },
                required: ['revision', 'updatedAt', 'updatedBy'],
                additionalProperties: false,
              },
              { type: 'null' },
            ],
          },
        },
        required: ['kind', 'key', 'title', 'latestVersion', 'publishedAt', 'draft'],
        additionalProperties: false,
      },
    },
  },
  required: ['items'],
  additionalProperties: false,
} as const;

export const definitionDetailViewSchema = {
  title: 'Definition with its draft',
  type: 'object',
  properties: {
    kind: kindSchema,
    key: { type: 'string' },
    latest: {
      anyOf: [
        {
          type: 'object',
          properties: { version: { type: 'integer' }, document: documentSchema, publishedAt: dateTime, publishedBy: userId, note: { type: ['string', 'null'] } },
          required: ['version', 'document', 'publishedAt', 'publishedBy', 'note'],
          additionalProperties: false,
        },
        { type: 'null', description: 'only a draft exists so far' },
      ],
    },
    draft: {
      anyOf: [
        {
          type: 'object',
          properties: {
            document: documentSchema,
            baseVersion: { type: ['integer', 'null'] },
            revision: { type: 'integer' },
            updatedAt: dateTime,
            problems: problemsSchema,
          },
          required: ['document', 'baseVersion', 'revision', 'updatedAt', 'problems'],
          additionalProperties: false,
        },
        { type: 'null' },
      ],
    },
  },
  required: ['kind', 'key', 'latest', 'draft'],
  additionalProperties: false,
} as const;

export const versionListViewSchema = {
  title: 'Definition versions',
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: { version: { type: 'integer' }, publishedAt: dateTime, publishedBy: userId, note: { type: ['string', 'null'] }, source: { type: 'string' } },
        required: ['version', 'publishedAt', 'publishedBy', 'note', 'source'],
        additionalProperties: false,
      },
    },
  },
  required: ['items'],
  additionalProperties: false,
} as const;

export const versionViewSchema = {
  title: 'Definition version',
  type: 'object',
  properties: { kind: kindSchema, key: { type: 'string' }, version: { type: 'integer' }, document: documentSchema, publishedAt: dateTime, note: { type: ['string', 'null'] } },
  required: ['kind', 'key', 'version', 'document', 'publishedAt', 'note'],
  additionalProperties: false,
} as const;

export const exportViewSchema = {
  title: 'Definition export',
  type: 'object',
  properties: { kind: kindSchema, key: { type: 'string' }, version: { type: 'integer' }, document: documentSchema },
  required: ['kind', 'key', 'version', 'document'],
  additionalProperties: false,
} as const;

export const savedDraftViewSchema = {
  title: 'Saved draft',
  type: 'object',
  properties: { revision: { type: 'integer' }, updatedAt: dateTime, problems: problemsSchema },
  required: ['revision', 'updatedAt', 'problems'],
  additionalProperties: false,
} as const;

export const problemsViewSchema = {
  title: 'Definition problems',
  type: 'object',
  properties: { problems: problemsSchema },
  required: ['problems'],
  additionalProperties: false,
} as const;

export const diffViewSchema = {
  title: 'Definition diff',
  type: 'object',
  properties: {
    changes: { type: 'array', items: { type: 'object', description: 'a DefinitionChange (engine/diff/definition-change.ts)' } },
    migration: {
      type: 'object',
      properties: { disappearingStates: { type: 'array', items: { type: 'string' } }, suggestedStateMap: { type: 'object' } },
      required: ['disappearingStates', 'suggestedStateMap'],
    },
  },
  required: ['changes', 'migration'],
  additionalProperties: false,
} as const;

const sampleRecord = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, reason: localizedTextSchema },
  required: ['id', 'name'],
  additionalProperties: false,
} as const;

export const impactViewSchema = {
  title: 'Definition impact',
  oneOf: [
    {
      type: 'object',
      properties: {
        kind: { const: 'machine' },
        recordsOnOlderVersions: { type: 'integer' },
        affectedStates: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              state: { type: 'string' },
              change: { enum: ['removed', 'renamed', 'changed'] },
              count: { type: 'integer' },
              sample: { type: 'array', items: sampleRecord },
            },
            required: ['state', 'change', 'count', 'sample'],
            additionalProperties: false,
          },
        },
        suggestedStateMap: { type: 'object' },
      },
      required: ['kind', 'recordsOnOlderVersions', 'affectedStates', 'suggestedStateMap'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { kind: { const: 'rule' }, count: { type: 'integer' }, sample: { type: 'array', items: sampleRecord } },
      required: ['kind', 'count', 'sample'],
      additionalProperties: false,
    },
  ],
} as const;

export const simulationViewSchema = {
  title: 'Simulation',
  type: 'object',
  properties: {
    steps: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          event: { type: 'string' },
          accepted: { type: 'boolean' },
          from: { type: 'string' },
          to: { type: 'string' },
          refusal: definitionProblemSchema,
          trace: { type: 'object', description: 'the engine’s TransitionTrace: every check with what it saw' },
          effects: { type: 'array', items: { type: 'object' } },
        },
        required: ['event', 'accepted', 'from', 'to', 'trace', 'effects'],
        additionalProperties: false,
      },
    },
  },
  required: ['steps'],
  additionalProperties: false,
} as const;

export const publishedViewSchema = {
  title: 'Published version',
  type: 'object',
  properties: {
    version: { type: 'integer' },
    migration: {
      anyOf: [
        { type: 'object', properties: { id: { type: 'integer' }, total: { type: 'integer' } }, required: ['id', 'total'], additionalProperties: false },
        { type: 'null' },
      ],
    },
  },
  required: ['version', 'migration'],
  additionalProperties: false,
} as const;

export const migrationViewSchema = {
  title: 'Definition migration',
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string' },
    key: { type: 'string' },
    fromVersions: { type: 'array', items: { type: 'integer' } },
    toVersion: { type: 'integer' },
    state: { enum: ['queued', 'running', 'done', 'failed'] },
    total: { type: 'integer' },
    done: { type: 'integer' },
    stateMap: { type: 'object' },
    error: { type: 'string' },
  },
  required: ['id', 'kind', 'key', 'fromVersions', 'toVersion', 'state', 'total', 'done', 'stateMap'],
  additionalProperties: false,
} as const;
