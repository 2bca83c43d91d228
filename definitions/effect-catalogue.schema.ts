import type { FromSchema } from 'json-schema-to-ts';
import { entityNames } from './entity.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * The closed catalogue of effects: the only things a machine action or a rule may ask the runtime to do. The engine
 * returns invocations `{ type, params }` as data; the runtime writes them to the outbox and workers execute them.
 *
 * `createRecord` is general on purpose: an opportunity won creates an order, a converted lead creates a customer,
 * a contact and an opportunity — one effect with a target entity, constant values and fields copied from facts.
 */
export const effectNames = [
  'assignOwner',
  'releaseToPool',
  'createTask',
  'scheduleFollowUp',
  'setField',
  'setFlags',
  'createRecord',
  'notify',
  'sendSms',
  'sendEmail',
  'dial',
  'webhook',
] as const;

export type EffectName = (typeof effectNames)[number];

const keySchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' } as const;
const referenceIdSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
} as const;
const factNameSchema = { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' } as const;
const jsonScalarSchema = { type: ['string', 'number', 'boolean', 'null'] } as const;

export const durationSchema = {
  type: 'object',
  properties: {
    days: { type: 'integer', minimum: 0 },
    hours: { type: 'integer', minimum: 0 },
    minutes: { type: 'integer', minimum: 0 },
  },
  minProperties: 1,
  additionalProperties: false,
} as const;

/** People inside the company: a role relative to the record, a named user, or everyone holding a role. */
export const internalRecipientSchema = {
  anyOf: [
    { enum: ['owner', 'collaborators', 'ownerManager', 'actor'] },
    { type: 'object', properties: { userId: referenceIdSchema }, required: ['userId'], additionalProperties: false },
    { type: 'object', properties: { role: keySchema }, required: ['role'], additionalProperties: false },
  ],
} as const;

/** People outside the company reached through the record (SMS, email, calls). */
const externalRecipientSchema = { enum: ['primaryContact', 'allContacts', 'customer'] } as const;

/** Per-stage flags of seed 001: contacted or not; tracking or paused; selling, paused or ended; order in progress. */
export const stageFlagsSchema = {
  type: 'object',
  properties: {
    contacted: { type: 'boolean' },
    tracking: { enum: ['tracking', 'paused'] },
    selling: { enum: ['selling', 'paused', 'ended'] },
    orderInProgress: { type: 'boolean' },
  },
  additionalProperties: false,
} as const;

const templateVariablesSchema = {
  description: 'template variable name → fact whose value fills it',
  type: 'object',
  propertyNames: keySchema,
  additionalProperties: factNameSchema,
} as const;

export const effectParamsSchemas = {
  assignOwner: {
    type: 'object',
    discriminator: { propertyName: 'to' },
    oneOf: [
      {
        type: 'object',
        properties: { to: { enum: ['actor', 'previousOwner'] }, keepCollaborators: { type: 'boolean' } },
        required: ['to'],
        additionalProperties: false,
      },
      {
        type: 'object',
        properties: { to: { const: 'user' }, userId: referenceIdSchema, keepCollaborators: { type: 'boolean' } },
        required: ['to', 'userId'],
        additionalProperties: false,
      },
      {
        description: 'ask the routing policy (all of it, or starting at one of its rules)',
        type: 'object',
        properties: { to: { const: 'routing' }, startAtRule: referenceIdSchema },
        required: ['to'],
        additionalProperties: false,
      },
    ],
  },
  releaseToPool: {
    type: 'object',
    properties: {
      reason: { enum: ['recycled', 'released', 'ownerLeft', 'unqualified'] },
      poolId: referenceIdSchema,
    },
    required: ['reason'],
    additionalProperties: false,
  },
  createTask: {
    type: 'object',
    properties: {
      kind: { enum: ['call', 'visit', 'email', 'sms', 'followUp', 'review', 'collectPayment', 'ship', 'other'] },
      title: localizedTextSchema,
      due: durationSchema,
      assignee: internalRecipientSchema,
      priority: { enum: ['low', 'normal', 'high', 'urgent'] },
      scriptId: referenceIdSchema,
    },
    required: ['kind', 'title'],
    additionalProperties: false,
  },
  scheduleFollowUp: {
    type: 'object',
    properties: {
      after: durationSchema,
      channel: { enum: ['call', 'visit', 'email', 'sms', 'wechat'] },
      remindBefore: durationSchema,
      note: localizedTextSchema,
    },
    required: ['after'],
    additionalProperties: false,
  },
  setField: {
    type: 'object',
    properties: {
      field: keySchema,
      value: { anyOf: [jsonScalarSchema, { type: 'array', items: jsonScalarSchema }] },
    },
    required: ['field', 'value'],
    additionalProperties: false,
  },
  setFlags: {
    type: 'object',
    properties: { flags: { ...stageFlagsSchema, minProperties: 1 } },
    required: ['flags'],
    additionalProperties: false,
  },
  createRecord: {
    type: 'object',
    properties: {
      entity: { enum: entityNames },
      values: { type: 'object', propertyNames: keySchema, additionalProperties: jsonScalarSchema },
      copyFields: {
        description: 'target field → fact of the source record whose value it takes',
        type: 'object',
        propertyNames: keySchema,
        additionalProperties: factNameSchema,
      },
      linkToSource: { type: 'boolean' },
    },
    required: ['entity'],
    additionalProperties: false,
  },
  notify: {
    type: 'object',
    properties: {
      to: { type: 'array', items: internalRecipientSchema, minItems: 1 },
      title: localizedTextSchema,
      body: localizedTextSchema,
      severity: { enum: ['info', 'warning', 'urgent'] },
      popup: { type: 'boolean' },
    },
    required: ['to', 'title'],
    additionalProperties: false,
  },
  sendSms: {
    type: 'object',
    properties: {
      to: externalRecipientSchema,
      templateId: referenceIdSchema,
      variables: templateVariablesSchema,
      phoneField: keySchema,
    },
    required: ['to', 'templateId'],
    additionalProperties: false,
  },
  sendEmail: {
    type: 'object',
    properties: {
      to: externalRecipientSchema,
      templateId: referenceIdSchema,
      variables: templateVariablesSchema,
      cc: { type: 'array', items: internalRecipientSchema },
      emailField: keySchema,
    },
    required: ['to', 'templateId'],
    additionalProperties: false,
  },
  dial: {
    type: 'object',
    properties: {
      to: { enum: ['primaryContact', 'customer'] },
      mode: { enum: ['clickToDial', 'preview', 'predictive'] },
      agent: { enum: ['owner', 'actor'] },
      campaignId: referenceIdSchema,
      scriptId: referenceIdSchema,
      phoneField: keySchema,
    },
    required: ['to', 'mode'],
    additionalProperties: false,
  },
  webhook: {
    type: 'object',
    properties: {
      url: { type: 'string', format: 'uri', pattern: '^https?://' },
      method: { enum: ['POST', 'PUT', 'PATCH'] },
      headers: { type: 'object', additionalProperties: { type: 'string' } },
      body: { enum: ['record', 'event', 'recordAndEvent'] },
      // Only the name of a secret configured on the server: definitions are exported and shared, secrets are not.
      secretRef: keySchema,
    },
    required: ['url'],
    additionalProperties: false,
  },
} as const satisfies Record<EffectName, object>;

function invocationOf<const N extends EffectName, const P>(type: N, params: P) {
  return {
    type: 'object',
    properties: { type: { const: type }, params },
    required: ['type', 'params'],
    additionalProperties: false,
  } as const;
}

/**
 * One effect invocation. The discriminator on `type` makes ajv check only the branch the type names, so a bad
 * parameter is reported at its own path instead of as "matches none of twelve shapes".
 */
export const effectInvocationSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    invocationOf('assignOwner', effectParamsSchemas.assignOwner),
    invocationOf('releaseToPool', effectParamsSchemas.releaseToPool),
    invocationOf('createTask', effectParamsSchemas.createTask),
    invocationOf('scheduleFollowUp', effectParamsSchemas.scheduleFollowUp),
    invocationOf('setField', effectParamsSchemas.setField),
    invocationOf('setFlags', effectParamsSchemas.setFlags),
    invocationOf('createRecord', effectParamsSchemas.createRecord),
    invocationOf('notify', effectParamsSchemas.notify),
    invocationOf('sendSms', effectParamsSchemas.sendSms),
    invocationOf('sendEmail', effectParamsSchemas.sendEmail),
    invocationOf('dial', effectParamsSchemas.dial),
    invocationOf('webhook', effectParamsSchemas.webhook),
  ],
} as const;

export const effectListSchema = { type: 'array', items: effectInvocationSchema } as const;

export type EffectInvocation = FromSchema<typeof effectInvocationSchema>;
export type EffectParams<N extends EffectName> = Extract<EffectInvocation, { type: N }>['params'];
export type StageFlags = FromSchema<typeof stageFlagsSchema>;
export type Duration = FromSchema<typeof durationSchema>;
