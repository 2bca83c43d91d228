import { loadTableFactRow } from '../customers/customer-child-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { noSuchLead } from './lead-problems.ts';
import { leadScopeSql } from './lead-visibility.ts';
import { Lead, type LeadEntityRow } from './lead.entity.ts';

/**
 * Leads through the generic event command: seen as the leads API sees them (the pool, one's own, the team's), the
 * state kept in `status`. The system (the conversion command) sees every lead.
 */
export const leadEventAdapter: RecordEventAdapter<LeadEntityRow> = {
  entity: 'lead',
  table: 'lead',
  stageColumn: 'status',
  async loadVisible(em, actor, id, lock) {
    const bind = new BindParams([id]);
    const scope = actor.kind === 'person' ? leadScopeSql(customerScopeOf(actor.caller), bind) : 'true';
    const [row] = await boundQuery<Record<string, unknown>>(
      em,
      `select l.* from lead l where l.id = $1 and l.deleted_at is null and ${scope} ${lock ? 'for update' : ''}`,
      bind.values,
    );
    return row === undefined ? undefined : (em.map(Lead, row) as LeadEntityRow);
  },
  loadFactRow: (em, catalogue, row, context) => loadTableFactRow(em, catalogue, 'lead', row.id, context),
  // A lead belongs to no customer until it converts; its entries are found by entity and id, with customer_id null.
  customerIdOf: (row) => row.convertedCustomerId ?? null,
  notFound: noSuchLead,
};
