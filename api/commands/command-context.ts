import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditWhy } from '../audit/audit-why.ts';

/** One audit entry a command asks for; the runner writes it in the command's transaction. */
export interface AuditInput {
  entity: string;
  recordId: number;
  /** The customer the record belongs to (itself for a customer), so its trail shows its children's changes too. */
  customerId: number | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  why: AuditWhy;
}

/** One outbox message a command asks for. */
export interface OutboxInput {
  topic: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  /** Not before this time (a reminder); absent: at once. */
  availableAt?: Date;
}

/** Who or what runs a command, and the request it serves. */
export interface CommandOrigin {
  /** null: the system (a template installer, a sweep). */
  actorId: number | null;
  requestId?: string | null;
  /** One clock reading for the whole command; defaults to the time the transaction opens. */
  now?: Date;
  /**
   * The command enters history (demo data, records moved in from elsewhere): what it records is kept and audited,
   * but the effects it would set off are not queued — nobody is sent an SMS for a ticket opened last month. Timers
   * are kept: they are the records' future, not their past.
   */
  historical?: boolean;
}

/** What a command works with: the transaction's entity manager, the time, and where its audit and effects go. */
export interface CommandContext {
  em: EntityManager;
  now: Date;
  actorId: number | null;
  requestId: string | null;
  audit(entry: AuditInput): void;
  enqueue(message: OutboxInput): void;
}
