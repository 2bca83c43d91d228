import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { customerOwnerRoles } from './customer-owner.entity.ts';
import { ownershipKinds } from './customer.entity.ts';

// A field the caller's role masks arrives as text (138****5678, ***) whatever its type, so each such field also
// allows a string; one the role hides is absent.

/**
 * A customer as one caller sees it. Fields their role's fieldPermissions (or a field definition) hide are absent,
 * masked ones come as text; so only what identifies the record and its place in the process is always there.
 */
export const customerViewSchema = {
  title: 'Customer',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    name: { type: 'string' },
    phone: { type: ['string', 'null'], description: 'as entered; masked (138****5678) where your role masks it' },
    keywords: { type: 'array', items: { type: ['string', 'null'] } },
    stage: { type: 'string', description: 'the stage of the customer machine (GET …/actions lists the ways out)' },
    flags: { ...stageFlagsSchema, description: 'the stage’s flags (contacted, tracking, …)' },
    definition: {
      type: 'object',
      properties: { key: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
      required: ['key', 'version'],
      additionalProperties: false,
      description: 'the published machine version the customer runs on',
    },
    ownership: { enum: ownershipKinds },
    ownerId: { type: ['integer', 'null'], description: 'the primary owner; null in the pool' },
    owners: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          userId: { type: 'integer', minimum: 1 },
          role: { enum: customerOwnerRoles },
          since: { type: 'string', format: 'date-time' },
        },
        required: ['userId', 'role', 'since'],
        additionalProperties: false,
      },
    },
    teamId: { type: ['integer', 'null'] },
    doNotCall: { type: ['boolean', 'string'], description: 'never call (勿扰)' },
    callCount: { type: ['integer', 'string'], description: 'calls logged' },
    totalDealAmount: { type: ['number', 'string'], description: 'total of won deals' },
    contractEndsOn: { type: ['string', 'null'], description: 'YYYY-MM-DD' },
    lastContactAt: { type: ['string', 'null'], description: 'when the customer was last contacted (a date-time)' },
    lastDealAt: { type: ['string', 'null'], description: 'the last deal won (a date-time)' },
    nextFollowUpAt: { type: ['string', 'null'], description: 'the next follow-up, 回访日期 (a date-time)' },
    customFields: { type: 'object', description: 'custom field key → value, as your role may see them' },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    version: { type: 'integer', minimum: 1, description: 'rises with every edit; send it back as If-Match' },
    deletedAt: { type: 'string', format: 'date-time', description: 'in the recycle bin since' },
    deletedBy: { type: ['integer', 'null'] },
  },
  required: ['id', 'stage', 'flags', 'definition', 'ownership', 'ownerId', 'owners', 'teamId', 'customFields', 'createdBy', 'createdAt', 'updatedAt', 'version'],
  additionalProperties: false,
} as const;

export type CustomerView = FromSchema<typeof customerViewSchema>;

/** One page of a list: `nextCursor` goes back as `cursor` for the next one. */
export function pageSchemaOf<const T extends object, const N extends string>(title: N, items: T) {
  return {
    title,
    type: 'object',
    properties: {
      items: { type: 'array', items },
      nextCursor: { type: ['string', 'null'], description: 'null on the last page' },
    },
    required: ['items', 'nextCursor'],
    additionalProperties: false,
  } as const;
}
