import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalizedText } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { sharedCustomerReadOnly } from '../customers/customer-problems.ts';
import { requireStagePermission, stageLabelOf } from '../customers/customer-stage.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { personActor } from '../transitions/event-actor.ts';
import { orderEventAdapter } from './order-event-adapter.ts';
import { noSuchOrder, orderClosed } from './order-problems.ts';
import type { OrderRow } from './order.entity.ts';

/**
 * The order a change or a payment is written to, locked (its customer first, as every command takes them) and
 * checked in this order: 404 when its customer is out of the caller's sight; 409 when stale (only if the caller
 * named a version) or when its machine has finished; 403 when its customer is in the pool and the role may not edit
 * shared customers, or when the order's state does not give the role `edit`.
 */
export async function orderForWrite(
  em: EntityManager,
  caller: SignedIn,
  id: number,
  expectedVersion: number | undefined,
  what: LocalizedText,
): Promise<OrderRow> {
  const row = await orderEventAdapter.loadVisible(em, personActor(caller), id, true);
  if (row === undefined) throw noSuchOrder(id);
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw recordChangedSinceLoaded(row.version);
  const machine = (await recordDefinitions(em, 'order', { key: row.definitionKey, version: row.definitionVersion })).machine.document;
  if (row.machineSnapshot.status === 'done') throw orderClosed(stageLabelOf(machine, row.stage));
  const [customer] = await boundQuery<{ ownership: string }>(em, 'select ownership from customer where id = $1', [row.customerId]);
  if (customer?.ownership === 'pool' && !caller.role.permissions.mayEditShared) throw sharedCustomerReadOnly(caller.role.labels);
  requireStagePermission(machine, row.stage, caller.role, 'edit', what);
  return row;
}
