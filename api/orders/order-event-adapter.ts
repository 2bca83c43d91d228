import { loadTableFactRow, visibleCustomerChild } from '../customers/customer-child-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { noSuchOrder } from './order-problems.ts';
import { hasShipped } from './order-shipping.ts';
import { Order, type OrderRow } from './order.entity.ts';

/**
 * Orders through the generic event command: seen through their customer, the state kept in `status`. The first
 * move into a shipped state stamps `shippedAt`, which fixes the lines from then on.
 */
export const orderEventAdapter: RecordEventAdapter<OrderRow> = {
  entity: 'order',
  table: 'sales_order',
  stageColumn: 'status',
  loadVisible: (em, actor, id, lock) =>
    visibleCustomerChild<OrderRow>(em, Order, 'sales_order', actor.kind === 'person' ? customerScopeOf(actor.caller) : { kind: 'all' }, id, lock),
  loadFactRow: (em, catalogue, row, context) => loadTableFactRow(em, catalogue, 'sales_order', row.id, context),
  followStage: (row, _machine, snapshot, now) => (hasShipped(snapshot.value) && row.shippedAt == null ? { shipped_at: now } : {}),
  customerIdOf: (row) => row.customerId,
  notFound: noSuchOrder,
};
