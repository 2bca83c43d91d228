import { defineEntity, p } from '@mikro-orm/core';
import type { MachineSnapshot } from '../../engine/machines/index.ts';

export const ownershipKinds = ['personal', 'collaborative', 'pool'] as const;
/** 个人 (one owner), 协同 (several owners), 公海 (the shared pool: no owner). */
export type Ownership = (typeof ownershipKinds)[number];

/**
 * A customer: its stage in the published customer machine it runs on, who owns it, what the team did with it last,
 * and its custom fields. `nameKey`, `phoneNormalized` and `keywordKeys` are the dedupe keys (see customer-dedupe.ts);
 * `version` counts edits so a stale form is refused; `deletedAt` puts it in the recycle bin.
 */
export const Customer = defineEntity({
  name: 'Customer',
  tableName: 'customer',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    name: p.string().length(200),
    nameKey: p.string().length(200),
    phone: p.string().length(40).nullable(),
    phoneNormalized: p.string().length(20).nullable(),
    keywords: p.array(),
    keywordKeys: p.array(),
    stage: p.string().length(64),
    machineSnapshot: p.json<MachineSnapshot>(),
    definitionKey: p.string().length(120),
    definitionVersion: p.integer(),
    ownership: p.string().length(16).$type<Ownership>(),
    ownerId: p.bigint('number').nullable(),
    teamId: p.bigint('number').nullable(),
    doNotCall: p.boolean().default(false),
    callCount: p.integer().default(0),
    totalDealAmount: p.decimal('number').precision(14).scale(2).default(0),
    contractEndsOn: p.string().columnType('date').nullable(),
    lastContactAt: p.datetime().nullable(),
    lastDealAt: p.datetime().nullable(),
    nextFollowUpAt: p.datetime().nullable(),
    customFields: p.json<Record<string, unknown>>(),
    createdBy: p.bigint('number').nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: p.integer().version(),
    deletedAt: p.datetime().nullable(),
    deletedBy: p.bigint('number').nullable(),
  },
});
