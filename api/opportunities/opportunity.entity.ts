import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { machineRecordProperties } from '../transitions/machine-record.properties.ts';

export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

/**
 * An opportunity (商机) of a customer: its stage in the published funnel it runs on, the win probability that stage
 * declares, the amount, and when it is expected to close. Columns follow the opportunity fact catalogue
 * (definitions/defaults/facts/opportunity.facts.json); `version` refuses stale edits and stale clicks.
 */
export const Opportunity = defineEntity({
  name: 'Opportunity',
  tableName: 'opportunity',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    customerId: p.bigint('number'),
    name: p.string().length(200),
    stage: p.string().length(64),
    status: p.string().length(8).$type<OpportunityStatus>(),
    amount: p.decimal('number').precision(14).scale(2).nullable(),
    probability: p.integer().nullable(),
    expectedCloseOn: p.string().columnType('date').nullable(),
    ownerId: p.bigint('number').nullable(),
    ...machineRecordProperties,
    customFields: p.json<Record<string, unknown>>(),
    lastContactAt: p.datetime().nullable(),
    nextFollowUpAt: p.datetime().nullable(),
  },
});

export type OpportunityRow = InferEntity<typeof Opportunity>;
