import type { FromSchema } from 'json-schema-to-ts';
import { ownershipActions } from '../customers/ownership-event.entity.ts';

/** GET /api/me/claim-quota, and the quota after a claim. */
export const claimQuotaViewSchema = {
  title: 'Claim quota',
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 0, description: 'your role’s claimQuotaPerDay' },
    usedToday: { type: 'integer', minimum: 0, description: 'customers you claimed since local midnight' },
    remaining: { type: 'integer', minimum: 0 },
    resetsAt: { type: 'string', format: 'date-time', description: 'the next midnight in your time zone' },
    timeZone: { type: 'string', description: 'your time zone (IANA), which decides where a day begins' },
  },
  required: ['limit', 'usedToday', 'remaining', 'resetsAt', 'timeZone'],
  additionalProperties: false,
} as const;

export const claimOutcomes = ['claimed', 'alreadyYours', 'notInPool', 'quotaExceeded', 'stageForbids', 'coolingDown', 'capacityReached'] as const;
export type ClaimOutcome = (typeof claimOutcomes)[number];

/** POST /api/customers/claims: one outcome per customer asked for, in the order asked. */
export const claimResultsViewSchema = {
  title: 'Claim results',
  type: 'object',
  properties: {
    results: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          customerId: { type: 'integer', minimum: 1 },
          outcome: {
            enum: claimOutcomes,
            description:
              'claimed: now yours. alreadyYours: you own it already. notInPool: someone else owns it, or there is no live ' +
              'customer with this id (the answer does not tell which). quotaExceeded: today’s claims are used up. ' +
              'stageForbids: your role may not claim customers in its stage. coolingDown: pool recycling took it from you ' +
              'lately and its rule’s cool-down has not passed (see claimableAt). capacityReached: you own as many customers ' +
              'as your role’s maxOwnedCustomers allows.',
          },
          claimableAt: { type: 'string', format: 'date-time', description: 'with coolingDown: when you may claim it again' },
        },
        required: ['customerId', 'outcome'],
        additionalProperties: false,
      },
    },
    quota: claimQuotaViewSchema,
  },
  required: ['results', 'quota'],
  additionalProperties: false,
} as const;

/** One row of a customer's ownership history. */
export const ownershipEventViewSchema = {
  title: 'Ownership event',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    action: {
      enum: ownershipActions,
      description:
        'create: owner at creation (none: created into the pool). claim: taken from the pool. release: given back to ' +
        'the pool by its owner. assign: given by someone else (reassigned, or added as a collaborator). remove: taken ' +
        'away by someone else (a removed claim, a reassignment away, a collaborator removed).',
    },
    ownerId: { type: ['integer', 'null'], description: 'the owner gained or lost' },
    actorId: { type: ['integer', 'null'], description: 'who did it; null for the system' },
    occurredAt: { type: 'string', format: 'date-time' },
    reason: { type: ['string', 'null'] },
  },
  required: ['id', 'action', 'ownerId', 'actorId', 'occurredAt', 'reason'],
  additionalProperties: false,
} as const;

export type ClaimQuotaView = FromSchema<typeof claimQuotaViewSchema>;
export type ClaimResultsView = FromSchema<typeof claimResultsViewSchema>;
export type ClaimResult = ClaimResultsView['results'][number];
export type OwnershipEventView = FromSchema<typeof ownershipEventViewSchema>;
