import type { FactCatalogue } from '../../fact-catalogue.schema.ts';
import contactRecord from './contact-record.facts.json' with { type: 'json' };
import customer from './customer.facts.json' with { type: 'json' };
import lead from './lead.facts.json' with { type: 'json' };
import opportunity from './opportunity.facts.json' with { type: 'json' };
import order from './order.facts.json' with { type: 'json' };
import ticket from './ticket.facts.json' with { type: 'json' };

// JSON imports widen literals to string; fact-catalogues.test.ts checks every file against factCatalogueSchema.
export const defaultFactCatalogues = {
  customer: customer as FactCatalogue,
  opportunity: opportunity as FactCatalogue,
  order: order as FactCatalogue,
  ticket: ticket as FactCatalogue,
  lead: lead as FactCatalogue,
  contactRecord: contactRecord as FactCatalogue,
} as const;
