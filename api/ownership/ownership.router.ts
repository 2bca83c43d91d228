import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { route } from '../http/route-operation.ts';
import { addCollaborator } from './add-collaborator.command.ts';
import { claimCustomers } from './claim-customers.command.ts';
import { claimQuotaOf } from './claim-quota.ts';
import {
  addCollaboratorOperation,
  claimCustomersOperation,
  claimQuotaOperation,
  ownershipHistoryOperation,
  reassignCustomerOperation,
  releaseCustomerOperation,
  removeClaimOperation,
  removeCollaboratorOperation,
} from './ownership.operations.ts';
import { ownershipHistory } from './ownership-history.query.ts';
import { noSuchCollaborator } from './ownership-problems.ts';
import { reassignCustomer } from './reassign-customer.command.ts';
import { releaseCustomer } from './release-customer.command.ts';
import { removeClaim } from './remove-claim.command.ts';
import { removeCollaborator } from './remove-collaborator.command.ts';

/** Who owns customers: claims, release, reassignment, removed claims, collaborators, history, the daily quota. */
export function ownershipRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const reassigner = requirePermission('mayReassign');
  const customerId = (raw: string) => recordId(raw, noSuchCustomer);

  route(router, claimCustomersOperation, signedIn, async ({ body }, request, response) => {
    response.json(await claimCustomers(orm, requestOrigin(request, response), signedInOf(response), body));
  });

  route(router, releaseCustomerOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    response.json(await releaseCustomer(orm, requestOrigin(request, response), signedInOf(response), id, body));
  });

  route(router, reassignCustomerOperation, signedIn, reassigner, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    response.json(await reassignCustomer(orm, requestOrigin(request, response), signedInOf(response), id, body));
  });

  route(router, removeClaimOperation, signedIn, reassigner, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    response.json(await removeClaim(orm, requestOrigin(request, response), signedInOf(response), id, body));
  });

  route(router, addCollaboratorOperation, signedIn, async ({ params, body }, request, response) => {
    const id = customerId(params.id);
    response.json(await addCollaborator(orm, requestOrigin(request, response), signedInOf(response), id, body));
  });

  route(router, removeCollaboratorOperation, signedIn, async ({ params }, request, response) => {
    const id = customerId(params.id);
    const userId = recordId(params.userId, noSuchCollaborator);
    response.json(await removeCollaborator(orm, requestOrigin(request, response), signedInOf(response), id, userId));
  });

  route(router, ownershipHistoryOperation, signedIn, async ({ params, query }, _request, response) => {
    const id = customerId(params.id);
    const history = await ownershipHistory(orm, signedInOf(response), id, query);
    if (history === undefined) throw noSuchCustomer(id);
    response.json(history);
  });

  route(router, claimQuotaOperation, signedIn, async (_input, _request, response) => {
    const { user, role } = signedInOf(response);
    response.json(await claimQuotaOf(orm.em.fork(), { userId: user.id, timeZone: user.timeZone, limit: role.claimQuotaPerDay }, new Date()));
  });

  return router;
}
