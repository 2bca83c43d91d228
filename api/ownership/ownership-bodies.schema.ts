import type { FromSchema } from 'json-schema-to-ts';

const userIdSchema = { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER } as const;
const reasonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
  description: 'why, in your words; kept in the ownership history and the audit trail',
} as const;

/** Most customers one claim may name: a pool page's worth. */
export const maxCustomersPerClaim = 100;

/** POST /api/customers/claims */
export const claimCustomersBodySchema = {
  title: 'Claim customers',
  type: 'object',
  properties: {
    customerIds: {
      type: 'array',
      items: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
      minItems: 1,
      maxItems: maxCustomersPerClaim,
      uniqueItems: true,
      description: 'the pool customers to claim, each judged on its own, in this order',
    },
    reason: reasonSchema,
  },
  required: ['customerIds'],
  additionalProperties: false,
} as const;

/** POST /api/customers/:id/release and …/remove-claim: `{}` or a reason. */
export const ownershipReasonBodySchema = {
  title: 'Ownership reason',
  type: 'object',
  properties: { reason: reasonSchema },
  additionalProperties: false,
} as const;

/** POST /api/customers/:id/reassign */
export const reassignCustomerBodySchema = {
  title: 'Reassign customer',
  type: 'object',
  properties: {
    toUserId: { ...userIdSchema, description: 'the new primary owner: an active user of your team (administrators: anyone)' },
    reason: reasonSchema,
  },
  required: ['toUserId'],
  additionalProperties: false,
} as const;

/** POST /api/customers/:id/collaborators */
export const addCollaboratorBodySchema = {
  title: 'New collaborator',
  type: 'object',
  properties: {
    userId: { ...userIdSchema, description: 'an active user of the team (administrators: anyone)' },
    reason: reasonSchema,
  },
  required: ['userId'],
  additionalProperties: false,
} as const;

export type ClaimCustomersBody = FromSchema<typeof claimCustomersBodySchema>;
export type OwnershipReasonBody = FromSchema<typeof ownershipReasonBodySchema>;
export type ReassignCustomerBody = FromSchema<typeof reassignCustomerBodySchema>;
export type AddCollaboratorBody = FromSchema<typeof addCollaboratorBodySchema>;
