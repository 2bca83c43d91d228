import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { machineRecordProperties } from '../transitions/machine-record.properties.ts';
import type { LeadAssignment, LeadView } from './lead-view.schema.ts';

/**
 * A lead (线索) as the ORM knows it, so the generic event command can move it through its machine: its state in the
 * published lead machine (column `status`, the catalogue's machine-state fact; `stage` here), who owns it, why it was
 * assigned, and what its conversion made. Intake and the queries read and write the table in SQL (lead-document.ts).
 */
export const Lead = defineEntity({
  name: 'Lead',
  tableName: 'lead',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    name: p.string().length(120),
    company: p.string().length(200).nullable(),
    phone: p.string().length(40).nullable(),
    phoneNormalized: p.string().length(32).nullable(),
    email: p.string().length(254).nullable(),
    emailKey: p.string().length(254).nullable(),
    region: p.string().length(64).nullable(),
    source: p.string().length(16).$type<LeadView['source']>(),
    campaignId: p.bigint('number').nullable(),
    webFormId: p.bigint('number').nullable(),
    score: p.integer().nullable(),
    stage: p.string().length(64).fieldName('status'),
    ownership: p.string().length(16).$type<'personal' | 'pool'>(),
    ownerId: p.bigint('number').nullable(),
    teamId: p.bigint('number').nullable(),
    customFields: p.json<Record<string, unknown>>(),
    assignment: p.json<LeadAssignment>().nullable(),
    ...machineRecordProperties,
    lastContactAt: p.datetime().nullable(),
    nextFollowUpAt: p.datetime().nullable(),
    convertedAt: p.datetime().nullable(),
    convertedCustomerId: p.bigint('number').nullable(),
    convertedContactId: p.bigint('number').nullable(),
    convertedOpportunityId: p.bigint('number').nullable(),
  },
});

export type LeadEntityRow = InferEntity<typeof Lead>;
