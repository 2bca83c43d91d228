import { defineEntity, p } from '@mikro-orm/core';

/** `failed`: waiting out its backoff before the next try; `dead`: parked for an admin; `discarded`: an admin gave up on it. */
export const outboxStatuses = ['pending', 'done', 'failed', 'dead', 'discarded'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/**
 * An effect waiting to leave the system (an SMS, a notification, a follow-up task), written in the same transaction
 * as the change that caused it. A dispatcher delivers rows once `availableAt` has come; `idempotencyKey` is unique,
 * so a command retried after a crash cannot enqueue the same effect twice, and workers hand it to the adapter.
 */
export const OutboxMessage = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    topic: p.string().length(80),
    payload: p.json<Record<string, unknown>>(),
    idempotencyKey: p.string().length(200),
    status: p.string().length(10).$type<OutboxStatus>().default('pending'),
    attempts: p.integer().default(0),
    availableAt: p.datetime(),
    createdAt: p.datetime(),
    lastError: p.text().nullable(),
    doneAt: p.datetime().nullable(),
    deadAt: p.datetime().nullable(),
    /** Why it was parked, for the admins' list: `{ en, 'zh-CN' }`. */
    deadReason: p.json<{ en: string; 'zh-CN': string }>().nullable(),
  },
  uniques: [{ properties: ['idempotencyKey'] }],
});
