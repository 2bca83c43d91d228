import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { OutboxNudge } from './outbox-nudge.ts';

// Forks of one ORM share its event manager: it identifies the ORM from any EntityManager a command holds.
type EventManager = ReturnType<EntityManager['getEventManager']>;
const nudgesByEvents = new WeakMap<EventManager, Set<OutboxNudge>>();
const pendingByTransaction = new WeakMap<object, number[]>();

function nudgeAll(events: EventManager, ids: number[]): void {
  for (const nudge of nudgesByEvents.get(events) ?? []) void nudge(ids);
}

/**
 * Notes outbox rows a command inserted (run-command.ts and the one-write event path write them with SQL of their
 * own): their ids are handed to the nudges after the transaction commits — never before, since a worker cannot see
 * them yet — and forgotten if it rolls back. Outside a transaction they are committed already and are nudged at once.
 */
export function noteOutboxInserted(em: EntityManager, ids: readonly number[]): void {
  if (ids.length === 0) return;
  const transaction = em.getTransactionContext();
  if (transaction === undefined) {
    nudgeAll(em.getEventManager(), [...ids]);
    return;
  }
  pendingByTransaction.set(transaction, [...(pendingByTransaction.get(transaction) ?? []), ...ids]);
}

/**
 * Nudges the dispatcher once a transaction that wrote outbox messages commits: an ORM subscriber hands the ids
 * {@link noteOutboxInserted} collected for the transaction to `nudge` after the top-level commit. Messages nobody
 * reports (the recycle sweep's set-based inserts) are delivered by the periodic sweep. Returns the function that
 * stops nudging.
 */
export function registerOutboxCommitNudge(orm: MikroORM, nudge: OutboxNudge): () => void {
  const events = orm.em.getEventManager();
  let nudges = nudgesByEvents.get(events);
  if (nudges === undefined) {
    nudges = new Set();
    nudgesByEvents.set(events, nudges);
    events.registerSubscriber(commitSubscriber(events));
  }
  nudges.add(nudge);
  return () => nudges.delete(nudge);
}

function commitSubscriber(events: EventManager): EventSubscriber {
  return {
    afterTransactionCommit({ transaction }: TransactionEventArgs) {
      if (transaction === undefined || transaction.savepointName !== undefined) return;
      const ids = pendingByTransaction.get(transaction);
      pendingByTransaction.delete(transaction);
      if (ids !== undefined) nudgeAll(events, ids);
    },
    afterTransactionRollback({ transaction }: TransactionEventArgs) {
      if (transaction !== undefined && transaction.savepointName === undefined) pendingByTransaction.delete(transaction);
    },
  };
}
