import type { Rule } from '../../rule.schema.ts';
import recycleOpportunityNoDeal from './recycle-opportunity-no-deal.rule.json' with { type: 'json' };
import recyclePotentialNoContact from './recycle-potential-no-contact.rule.json' with { type: 'json' };
import recycleTargetNoContact from './recycle-target-no-contact.rule.json' with { type: 'json' };
import remindUnpaidShippedOrder from './remind-unpaid-shipped-order.rule.json' with { type: 'json' };
import routeNewLead from './route-new-lead.rule.json' with { type: 'json' };
import scheduleCallbackAfterContact from './schedule-callback-after-contact.rule.json' with { type: 'json' };

// JSON imports widen literals to string; engine/rules/validate-rule.test.ts validates every one with validateRule.
export const defaultRules = {
  'recycle-opportunity-no-deal': recycleOpportunityNoDeal as Rule,
  'recycle-potential-no-contact': recyclePotentialNoContact as Rule,
  'recycle-target-no-contact': recycleTargetNoContact as Rule,
  'remind-unpaid-shipped-order': remindUnpaidShippedOrder as Rule,
  'route-new-lead': routeNewLead as Rule,
  'schedule-callback-after-contact': scheduleCallbackAfterContact as Rule,
} as const;
