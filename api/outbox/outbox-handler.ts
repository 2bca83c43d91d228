import type { CommandContext } from '../commands/command-context.ts';
/** One outbox row being delivered. */
export interface OutboxDelivery { id: number; topic: string; payload: Record<string, unknown>; idempotencyKey: string; attempts: number }
/** Executes one message inside the transaction that marks it done (DB-side effects are then exactly-once); an
 *  external adapter call gets `delivery.idempotencyKey` so a retry after a crash is recognised by the provider. */
export type OutboxHandler = (context: CommandContext, delivery: OutboxDelivery) => Promise<void>;
