import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { auditAndOutboxInserts } from './audit-and-outbox-rows.ts';
import type { HttpProblem } from '../http/http-problem.ts';
import { noteOutboxInserted } from '../outbox/outbox-commit-nudge.ts';
import type { AuditInput, CommandContext, CommandOrigin, OutboxInput } from './command-context.ts';
import { changedConcurrently, recordChangedSinceLoaded } from './conflict-problems.ts';

/** Turns a unique index's name into the answer for the person who lost the race; undefined: the generic 409. */
export type UniqueViolationAnswer = (constraint: string) => HttpProblem | undefined;

/**
 * Runs a command in one transaction: the record changes, its audit entries and its outbox messages commit together
 * or not at all. A lost race on a unique index and a stale optimistic lock become 409 problems; anything else
 * propagates (and rolls back), so bad input leaves the database exactly as it was.
 */
export async function runCommand<T>(
  orm: MikroORM,
  origin: CommandOrigin,
  command: (context: CommandContext) => Promise<T>,
  answerUniqueViolation: UniqueViolationAnswer = () => undefined,
): Promise<T> {
  try {
    return await orm.em.fork().transactional((em) => runInTransaction(em, origin, command));
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      const constraint = (error as { constraint?: unknown }).constraint;
      throw (typeof constraint === 'string' ? answerUniqueViolation(constraint) : undefined) ?? changedConcurrently();
    }
    if (error instanceof OptimisticLockError) throw recordChangedSinceLoaded();
    throw error;
  }
}

/**
 * Runs a command inside a transaction someone else opened (the template installer's, another command's), with the
 * same audit and outbox writing; the caller's transaction decides the commit.
 */
export async function runInTransaction<T>(
  em: EntityManager,
  origin: CommandOrigin,
  command: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const audits: AuditInput[] = [];
  const messages: OutboxInput[] = [];
  const context: CommandContext = {
    em,
    now: origin.now ?? new Date(),
    actorId: origin.actorId,
    requestId: origin.requestId ?? null,
    audit: (entry) => audits.push(entry),
    enqueue: origin.historical === true ? () => {} : (message) => messages.push(message),
  };
  const result = await command(context);
  await em.flush();
  await writeAuditAndOutbox(em, context, audits, messages);
  return result;
}

// One statement for all of them; a command that asked for none pays nothing.
async function writeAuditAndOutbox(
  em: EntityManager,
  context: CommandContext,
  audits: readonly AuditInput[],
  messages: readonly OutboxInput[],
): Promise<void> {
  if (audits.length === 0 && messages.length === 0) return;
  const bind = new BindParams();
  const inserts = auditAndOutboxInserts(bind, [{ part: 0, stamp: context, audits, messages }]);
  const inserted = await boundQuery<{ id: string }>(em, `with ${inserts} select id from outbox_rows`, bind.values);
  noteOutboxInserted(em, inserted.map((row) => Number(row.id)));
}
