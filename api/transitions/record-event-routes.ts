import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler, Router } from 'express';
import { signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import type { Operation, OperationHandler } from '../http/operation.ts';
import { route } from '../http/route-operation.ts';
import { personActor } from './event-actor.ts';
import { fireRecordEventCommand, type TransitionReaction } from './fire-record-event.command.ts';
import { recordActions } from './record-actions.query.ts';
import type { RecordEventBody } from './record-event-bodies.schema.ts';
import type { MachineRecordRow, RecordEventAdapter } from './record-event-adapter.ts';

type IdInput = { params: { id: string }; body: RecordEventBody };

/**
 * `POST /api/<records>/:id/events` and `GET /api/<records>/:id/actions` for an entity with a machine, through its
 * adapter: the operations say the paths and document them (their body is recordEventBodySchema, their path has `:id`).
 */
export function recordEventRoutes<Row extends MachineRecordRow>(
  router: Router,
  orm: MikroORM,
  signedIn: RequestHandler,
  adapter: RecordEventAdapter<Row>,
  operations: { fire: Operation; actions: Operation },
  reactions: readonly TransitionReaction[] = [],
): void {
  const fire: OperationHandler<Operation> = async (input, request, response) => {
    const { params, body } = input as unknown as IdInput;
    const id = recordId(params.id, adapter.notFound);
    const event = { type: body.type, ...(body.payload === undefined ? {} : { payload: body.payload }) };
    const version = expectedVersion(request, body.version);
    const fired = await fireRecordEventCommand(orm, requestOrigin(request, response), adapter, personActor(signedInOf(response)), id, event, {
      ...(version === undefined ? {} : { expectedVersion: version }),
      reactions,
    });
    response.set('ETag', `"${fired.version}"`).json(fired);
  };
  route(router, operations.fire, signedIn, fire);

  const actions: OperationHandler<Operation> = async (input, _request, response) => {
    const { params } = input as unknown as IdInput;
    const id = recordId(params.id, adapter.notFound);
    const found = await recordActions(orm, adapter, signedInOf(response), id, new Date());
    if (found === undefined) throw adapter.notFound(id);
    response.json(found);
  };
  route(router, operations.actions, signedIn, actions);
}
