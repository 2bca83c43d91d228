import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { noSuchCustomer } from '../customers/customer-problems.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { statesInLayoutOrder } from '../../engine/machines/index.ts';
import { route } from '../http/route-operation.ts';
import { opportunityCustomerLinks } from '../opportunities/opportunity-customer-links.ts';
import { customerEventAdapter } from './customer-event-adapter.ts';
import { personActor } from './event-actor.ts';
import { fireRecordEventCommand } from './fire-record-event.command.ts';
import { recordActions } from './record-actions.query.ts';
import { fireCustomerEventOperation, listCustomerActionsOperation, listMachineStatesOperation } from './transitions.operations.ts';

/**
 * Customers move through their machine only here (POST /api/customers/:id/events); their buttons come from it too,
 * and any entity's list labels its states from GET /api/machines/:entity/states.
 */
export function transitionsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);

  route(router, fireCustomerEventOperation, signedIn, async ({ params, body }, request, response) => {
    const id = recordId(params.id, noSuchCustomer);
    const event = { type: body.type, ...(body.payload === undefined ? {} : { payload: body.payload }) };
    const version = expectedVersion(request, body.version);
    const fired = await fireRecordEventCommand(orm, requestOrigin(request, response), customerEventAdapter, personActor(signedInOf(response)), id, event, {
      ...(version === undefined ? {} : { expectedVersion: version }),
      reactions: opportunityCustomerLinks,
    });
    response.set('ETag', `"${fired.version}"`).json(fired);
  });

  route(router, listCustomerActionsOperation, signedIn, async ({ params }, _request, response) => {
    const id = recordId(params.id, noSuchCustomer);
    const actions = await recordActions(orm, customerEventAdapter, signedInOf(response), id, new Date());
    if (actions === undefined) throw noSuchCustomer(id);
    response.json(actions);
  });

  route(router, listMachineStatesOperation, signedIn, async ({ params }, _request, response) => {
    const { machine } = await recordDefinitions(orm.em.fork(), params.entity);
    const states = statesInLayoutOrder(machine.document).map(([key, state]) => ({
      key,
      label: state.label,
      ...(state.color === undefined ? {} : { color: state.color }),
      tags: state.tags ?? [],
      final: state.type === 'final',
    }));
    response.json({ key: machine.key, version: machine.version, states });
  });

  return router;
}
