import { loadTableFactRow } from '../customers/customer-child-rows.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import type { RecordEventAdapter } from '../transitions/record-event-adapter.ts';
import { noSuchOpportunity } from './opportunity-problems.ts';
import { visibleOpportunity } from './opportunity-rows.ts';
import { opportunityStatusOf, stageProbability } from './opportunity-stage.ts';
import type { OpportunityRow } from './opportunity.entity.ts';

/** Opportunities through the generic event command: seen through their customer, probability and status follow the stage. */
export const opportunityEventAdapter: RecordEventAdapter<OpportunityRow> = {
  entity: 'opportunity',
  table: 'opportunity',
  loadVisible: (em, actor, id, lock) =>
    visibleOpportunity(em, actor.kind === 'person' ? customerScopeOf(actor.caller) : { kind: 'all' }, id, lock),
  loadFactRow: (em, catalogue, row, context) => loadTableFactRow(em, catalogue, 'opportunity', row.id, context),
  followStage: (_row, machine, snapshot) => ({
    probability: stageProbability(machine, snapshot.value),
    status: opportunityStatusOf(machine, snapshot),
  }),
  customerIdOf: (row) => row.customerId,
  notFound: noSuchOpportunity,
};
