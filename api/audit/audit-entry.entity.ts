import { defineEntity, p } from '@mikro-orm/core';
import type { AuditWhy } from './audit-why.ts';

/**
 * One change to one record, written in the transaction that made it: who, when, the record before and after (as the
 * API shows it, unmasked; readers get it masked for their role) and why — the engine's trace or a plain reason.
 * `customerId` groups a customer's own entries with those of its contacts and contact records.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    entity: p.string().length(40),
    recordId: p.bigint('number'),
    customerId: p.bigint('number').nullable(),
    action: p.string().length(40),
    actorId: p.bigint('number').nullable(),
    at: p.datetime(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    why: p.json<AuditWhy>(),
    requestId: p.string().length(64).nullable(),
  },
});
