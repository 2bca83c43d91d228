import type { BindParams } from '../database/bound-query.ts';
import { detachedRow } from '../database/detached-row.ts';
import type { CustomerRow } from '../customers/customer-document.ts';
import { batchedCustomerFactRow, customerFactRows, loadCustomerFactRow } from '../customers/customer-fact-row.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { visibleCustomer } from '../customers/customer-rows.ts';
import { customerScopeOf, customerScopeSql } from '../customers/customer-visibility.ts';
import { Customer } from '../customers/customer.entity.ts';
import type { RecordEventAdapter } from './record-event-adapter.ts';

/** Customers through the generic event command: visible as the customers API sees them, guarded by their fact row. */
export const customerEventAdapter: RecordEventAdapter<CustomerRow> = {
  entity: 'customer',
  table: 'customer',
  loadVisible: (em, actor, id, lock) =>
    visibleCustomer(em, actor.kind === 'person' ? customerScopeOf(actor.caller) : { kind: 'all' }, id, 'live', lock),
  loadFactRow: (em, catalogue, row, context) => loadCustomerFactRow(em, catalogue, row.id, context),
  async loadVisibleWithFacts(em, actor, id, catalogue, context, lock) {
    const scope = actor.kind === 'person' ? customerScopeOf(actor.caller) : ({ kind: 'all' } as const);
    // Unlocked (the one-write path), the read can share a statement with other requests'; locked, it is the transaction's own.
    if (lock) {
      const [facts] = await customerFactRows(em, catalogue, context, (bind: BindParams) => `${customerScopeSql(scope, bind)} and c.id = ${bind.add(id)}`, true);
      return facts === undefined ? undefined : { row: em.map(Customer, facts), facts };
    }
    const facts = await batchedCustomerFactRow(em, catalogue, context, scope, id);
    // Nothing flushes on the one-write path: the row needs no change tracking.
    return facts === undefined ? undefined : { row: detachedRow(em, Customer, facts), facts };
  },
  customerIdOf: (row) => row.id,
  notFound: noSuchCustomer,
};
