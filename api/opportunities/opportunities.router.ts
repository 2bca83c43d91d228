import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { recordEventRoutes } from '../transitions/record-event-routes.ts';
import { versionRequired } from '../users/user-problems.ts';
import { createOpportunity } from './create-opportunity.command.ts';
import { findOpportunity, listCustomerOpportunities, listOpportunities } from './list-opportunities.query.ts';
import {
  createOpportunityOperation,
  fireOpportunityEventOperation,
  getOpportunityOperation,
  listCustomerOpportunitiesOperation,
  listOpportunitiesOperation,
  listOpportunityActionsOperation,
  updateOpportunityOperation,
} from './opportunities.operations.ts';
import { opportunityCustomerLinks } from './opportunity-customer-links.ts';
import { opportunityEventAdapter } from './opportunity-event-adapter.ts';
import { noSuchOpportunity } from './opportunity-problems.ts';
import { updateOpportunity } from './update-opportunity.command.ts';

/** Opportunities (商机) of customers: open, read, change, and move through the funnel by events. */
export function opportunitiesRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);
  const opportunityId = (raw: string) => recordId(raw, noSuchOpportunity);

  route(router, listOpportunitiesOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listOpportunities(orm, signedInOf(response), query));
  });

  route(router, listCustomerOpportunitiesOperation, signedIn, async ({ params }, _request, response) => {
    const id = customerId(params.id);
    const opportunities = await listCustomerOpportunities(orm, signedInOf(response), id);
    if (opportunities === undefined) throw noSuchCustomer(id);
    response.json(opportunities);
  });

  route(router, createOpportunityOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    const { opportunity } = await createOpportunity(orm, requestOrigin(request, response), signedInOf(response), id, body);
    response.status(201).location(`/api/opportunities/${opportunity.id}`).set('ETag', `"${opportunity.version}"`).json(opportunity);
  });

  route(router, getOpportunityOperation, signedIn, async ({ params }, _request, response) => {
    const id = opportunityId(params.id);
    const opportunity = await findOpportunity(orm, signedInOf(response), id);
    if (opportunity === undefined) throw noSuchOpportunity(id);
    response.set('ETag', `"${opportunity.version}"`).json(opportunity);
  });

  route(router, updateOpportunityOperation, signedIn, async ({ params, body }, request, response) => {
    const id = opportunityId(params.id);
    const version = expectedVersion(request, body.version);
    if (version === undefined) throw versionRequired();
    const opportunity = await updateOpportunity(orm, requestOrigin(request, response), signedInOf(response), id, version, body);
    response.set('ETag', `"${opportunity.version}"`).json(opportunity);
  });

  recordEventRoutes(
    router,
    orm,
    signedIn,
    opportunityEventAdapter,
    { fire: fireOpportunityEventOperation, actions: listOpportunityActionsOperation },
    opportunityCustomerLinks,
  );
  return router;
}
