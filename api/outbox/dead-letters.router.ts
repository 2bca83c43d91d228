import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import { actOnDeadLetter } from './dead-letter-actions.command.ts';
import { noSuchDeadLetter } from './dead-letter-problems.ts';
import { discardDeadLetterOperation, listDeadLettersOperation, retryDeadLetterOperation } from './dead-letters.operations.ts';
import { listDeadLetters } from './list-dead-letters.query.ts';

/** The admins' view of the outbox's dead letters: list, retry, discard. */
export function deadLettersRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const manageDefinitions = requirePermission('mayManageDefinitions');

  route(router, listDeadLettersOperation, signedIn, manageDefinitions, async ({ query }, _request, response) => {
    response.json(await listDeadLetters(orm.em.fork(), query));
  });

  route(router, retryDeadLetterOperation, signedIn, manageDefinitions, async ({ params }, request, response) => {
    response.json(await actOnDeadLetter(orm, requestOrigin(request, response), recordId(params.id, noSuchDeadLetter), 'retry'));
  });

  route(router, discardDeadLetterOperation, signedIn, manageDefinitions, async ({ params }, request, response) => {
    response.json(await actOnDeadLetter(orm, requestOrigin(request, response), recordId(params.id, noSuchDeadLetter), 'discard'));
  });

  return router;
}
