import type { FromSchema } from 'json-schema-to-ts';
import { conditionRefSchema, type ConditionReferenceOptions } from './condition-reference.schema.ts';
import { definitionHeaderProperties } from './definition-header.schema.ts';
import { localizedTextSchema } from './localized-text.schema.ts';

/**
 * Who gets a new lead (or customer, or ticket): ordered rules, the first whose condition holds picks an owner with
 * its strategy among its candidates, keeping only available ones (working hours in their time zone, not on leave,
 * under capacity). When a rule finds nobody it falls back — to the next rule, to a named rule, or to the pool — and
 * the policy's own fallback catches whatever no rule placed.
 */
export const routingEntities = ['lead', 'customer', 'ticket'] as const;
export const loadMeasures = ['openLeads', 'ownedCustomers', 'openTickets', 'openOpportunities'] as const;

const idSchema = { type: 'string', pattern: '^[a-z][A-Za-z0-9-]*$' } as const;
const userIdSchema = { type: 'string', minLength: 1, maxLength: 100 } as const;
const nameSchema = { type: 'string', minLength: 1 } as const;
const nameListSchema = { type: 'array', items: nameSchema, minItems: 1, uniqueItems: true } as const;
const timeOfDaySchema = { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' } as const;

/** Users named directly, or everyone holding a role or in a team; at least one of the three. */
export const candidatesSchema = {
  type: 'object',
  properties: {
    users: { ...nameListSchema, items: userIdSchema },
    roles: nameListSchema,
    teams: nameListSchema,
  },
  minProperties: 1,
  additionalProperties: false,
} as const;

const loadMeasureSchema = { enum: loadMeasures } as const;

export const routingStrategySchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      type: 'object',
      properties: { type: { const: 'roundRobin' }, candidates: candidatesSchema },
      required: ['type', 'candidates'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: {
        type: { const: 'weighted' },
        candidates: candidatesSchema,
        weights: {
          description: 'user id → share; candidates not named get weight 1',
          type: 'object',
          additionalProperties: { type: 'integer', minimum: 0, maximum: 1000 },
          minProperties: 1,
        },
      },
      required: ['type', 'candidates', 'weights'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { type: { const: 'leastLoaded' }, candidates: candidatesSchema, measure: loadMeasureSchema },
      required: ['type', 'candidates', 'measure'],
      additionalProperties: false,
    },
    {
      description: 'territory or industry: the record fact value picks the candidate group; ties broken by `then`',
      type: 'object',
      properties: {
        type: { const: 'attributeMatch' },
        fact: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*$' },
        groups: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            properties: {
              values: { type: 'array', items: { type: ['string', 'number', 'boolean'] }, minItems: 1 },
              candidates: candidatesSchema,
            },
            required: ['values', 'candidates'],
            additionalProperties: false,
          },
        },
        then: { enum: ['roundRobin', 'leastLoaded'] },
        measure: loadMeasureSchema,
      },
      required: ['type', 'fact', 'groups'],
      additionalProperties: false,
    },
  ],
} as const;

export const availabilitySchema = {
  type: 'object',
  properties: {
    workingHours: {
      description: 'used for candidates without working hours of their own',
      type: 'object',
      properties: {
        timeZone: { type: 'string', minLength: 1 },
        days: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 7 }, minItems: 1, uniqueItems: true },
        from: timeOfDaySchema,
        to: timeOfDaySchema,
      },
      required: ['timeZone', 'days', 'from', 'to'],
      additionalProperties: false,
    },
    skipOnLeave: { type: 'boolean' },
    capacity: {
      type: 'object',
      properties: { measure: loadMeasureSchema, max: { type: 'integer', minimum: 1 } },
      required: ['measure', 'max'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export const routingFallbackSchema = {
  type: 'object',
  discriminator: { propertyName: 'to' },
  oneOf: [
    { type: 'object', properties: { to: { const: 'nextRule' } }, required: ['to'], additionalProperties: false },
    {
      type: 'object',
      properties: { to: { const: 'rule' }, rule: idSchema },
      required: ['to', 'rule'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { to: { const: 'pool' }, poolId: { type: 'string', minLength: 1 } },
      required: ['to'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { to: { const: 'user' }, userId: userIdSchema },
      required: ['to', 'userId'],
      additionalProperties: false,
    },
  ],
} as const;

export const routingRuleSchema = {
  type: 'object',
  properties: {
    id: idSchema,
    label: localizedTextSchema,
    condition: conditionRefSchema,
    strategy: routingStrategySchema,
    onlyAvailable: availabilitySchema,
    fallback: routingFallbackSchema,
    enabled: { type: 'boolean' },
  },
  required: ['id', 'label', 'strategy'],
  additionalProperties: false,
} as const;

export const routingPolicySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://stagecraft.dev/schemas/routing-policy.json',
  title: 'Routing policy',
  type: 'object',
  properties: {
    ...definitionHeaderProperties,
    entity: { enum: routingEntities },
    rules: { type: 'array', items: routingRuleSchema, minItems: 1 },
    fallback: routingFallbackSchema,
  },
  required: ['id', 'name', 'entity', 'rules', 'fallback'],
  additionalProperties: false,
} as const;

export type RoutingPolicy = FromSchema<typeof routingPolicySchema, ConditionReferenceOptions>;
export type RoutingRule = FromSchema<typeof routingRuleSchema, ConditionReferenceOptions>;
export type RoutingStrategy = FromSchema<typeof routingStrategySchema>;
export type RoutingFallback = FromSchema<typeof routingFallbackSchema>;
export type Candidates = FromSchema<typeof candidatesSchema>;
