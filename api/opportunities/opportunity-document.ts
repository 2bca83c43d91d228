import type { FromSchema } from 'json-schema-to-ts';
import { stageFlagsSchema } from '../../definitions/effect-catalogue.schema.ts';
import { opportunityStatuses, type OpportunityRow } from './opportunity.entity.ts';

/** An opportunity as the API shows it and the audit trail keeps it. */
export const opportunityViewSchema = {
  title: 'Opportunity',
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 1 },
    customerId: { type: 'integer', minimum: 1 },
    name: { type: 'string' },
    stage: { type: 'string', description: 'the funnel stage (GET /api/opportunities/:id/actions lists the ways on)' },
    status: { enum: opportunityStatuses, description: 'open until the funnel ends; then won or lost' },
    flags: { ...stageFlagsSchema, description: 'the stage’s flags: selling is selling, paused or ended' },
    probability: { type: ['integer', 'null'], description: 'the win probability (percent) the funnel declares for the stage' },
    amount: { type: ['number', 'null'] },
    expectedCloseOn: { type: ['string', 'null'], format: 'date' },
    ownerId: { type: ['integer', 'null'] },
    definition: {
      type: 'object',
      properties: { key: { type: 'string' }, version: { type: 'integer', minimum: 1 } },
      required: ['key', 'version'],
      additionalProperties: false,
      description: 'the published funnel version it runs on',
    },
    customFields: { type: 'object' },
    createdBy: { type: ['integer', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    lastContactAt: { type: ['string', 'null'], format: 'date-time' },
    nextFollowUpAt: { type: ['string', 'null'], format: 'date-time' },
    version: { type: 'integer', minimum: 1 },
  },
  required: [
    'id', 'customerId', 'name', 'stage', 'status', 'flags', 'probability', 'amount', 'expectedCloseOn', 'ownerId',
    'definition', 'customFields', 'createdBy', 'createdAt', 'updatedAt', 'lastContactAt', 'nextFollowUpAt', 'version',
  ],
  additionalProperties: false,
} as const;

export type OpportunityView = FromSchema<typeof opportunityViewSchema>;

const iso = (date: Date | null | undefined) => (date == null ? null : date.toISOString());

/** Built field by field, so a new column never reaches a response by default. */
export function opportunityDocument(row: OpportunityRow): OpportunityView {
  return {
    id: row.id,
    customerId: row.customerId,
    name: row.name,
    stage: row.stage,
    status: row.status,
    flags: row.machineSnapshot.flags,
    probability: row.probability ?? null,
    amount: row.amount == null ? null : Number(row.amount),
    expectedCloseOn: row.expectedCloseOn ?? null,
    ownerId: row.ownerId ?? null,
    definition: { key: row.definitionKey, version: row.definitionVersion },
    customFields: { ...row.customFields },
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastContactAt: iso(row.lastContactAt),
    nextFollowUpAt: iso(row.nextFollowUpAt),
    version: row.version,
  };
}
