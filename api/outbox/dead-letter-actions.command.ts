import type { MikroORM } from '@mikro-orm/postgresql';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundExecute, boundQuery } from '../database/bound-query.ts';
import { noSuchDeadLetter } from './dead-letter-problems.ts';

export type DeadLetterAction = 'retry' | 'discard';

interface ParkedRow {
  id: string;
  topic: string;
  attempts: number;
  payload: Record<string, unknown>;
  last_error: string | null;
}

/**
 * Retries a dead letter (it becomes pending with a fresh set of tries, due now; a worker's sweep picks it up) or
 * discards it (kept, marked `discarded`, never delivered). Either is an audit entry — on the customer's trail too
 * when the message is about a customer. Only a parked message qualifies: any other id answers 404.
 */
export async function actOnDeadLetter(
  orm: MikroORM,
  origin: CommandOrigin,
  id: number,
  action: DeadLetterAction,
): Promise<{ id: number; status: 'pending' | 'discarded' }> {
  return runCommand(orm, origin, async (context) => {
    const [row] = await boundQuery<ParkedRow>(
      context.em,
      "select id, topic, attempts, payload, last_error from outbox where id = $1 and status = 'dead' for update",
      [id],
    );
    if (row === undefined) throw noSuchDeadLetter(id);
    const status = action === 'retry' ? 'pending' : 'discarded';
    if (action === 'retry') {
      await boundExecute(
        context.em,
        "update outbox set status = 'pending', attempts = 0, available_at = $2, dead_at = null, dead_reason = null where id = $1",
        [id, context.now],
      );
    } else {
      await boundExecute(context.em, "update outbox set status = 'discarded' where id = $1", [id]);
    }
    const { entity, recordId } = row.payload;
    context.audit({
      entity: 'outbox',
      recordId: id,
      customerId: entity === 'customer' && typeof recordId === 'number' ? recordId : null,
      action: action === 'retry' ? 'retry-dead-letter' : 'discard-dead-letter',
      before: { status: 'dead', topic: row.topic, attempts: row.attempts, error: row.last_error },
      after: { status, topic: row.topic, attempts: action === 'retry' ? 0 : row.attempts },
      why: { kind: 'reason', code: action === 'retry' ? 'deadLetterRetried' : 'deadLetterDiscarded' },
    });
    return { id, status };
  });
}
