import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { personActor } from '../transitions/event-actor.ts';
import { fireRecordEventCommand } from '../transitions/fire-record-event.command.ts';
import { recordActions } from '../transitions/record-actions.query.ts';
import { versionRequired } from '../users/user-problems.ts';
import { createOpportunity } from './create-opportunity.command.ts';
import { findOpportunity, listCustomerOpportunities } from './list-opportunities.query.ts';
import {
  createOpportunityOperation,
  fireOpportunityEventOperation,
  getOpportunityOperation,
  listCustomerOpportunitiesOperation,
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

  route(router, fireOpportunityEventOperation, signedIn, async ({ params, body }, request, response) => {
    const id = opportunityId(params.id);
    const event = { type: body.type, ...(body.payload === undefined ? {} : { payload: body.payload }) };
    const version = expectedVersion(request, body.version);
    const fired = await fireRecordEventCommand(orm, requestOrigin(request, response), opportunityEventAdapter, personActor(signedInOf(response)), id, event, {
      ...(version === undefined ? {} : { expectedVersion: version }),
      reactions: opportunityCustomerLinks,
    });
    response.set('ETag', `"${fired.version}"`).json(fired);
  });

  route(router, listOpportunityActionsOperation, signedIn, async ({ params }, _request, response) => {
    const id = opportunityId(params.id);
    const actions = await recordActions(orm, opportunityEventAdapter, signedInOf(response), id, new Date());
    if (actions === undefined) throw noSuchOpportunity(id);
    response.json(actions);
  });

  return router;
}
