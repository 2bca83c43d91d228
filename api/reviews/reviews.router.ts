import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { route } from '../http/route-operation.ts';
import { flaggedCustomers } from './flagged-customers.query.ts';
import { reviewActivity } from './review-activity.query.ts';
import { flaggedCustomersOperation, reviewActivityOperation, teamContactRecordsOperation } from './reviews.operations.ts';
import { teamContactRecords } from './team-contact-records.query.ts';

/** 回顾分析 and the manager's review lists: work counted over a period, contact records to read, customers to look at. */
export function reviewsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);

  route(router, reviewActivityOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await reviewActivity(orm, signedInOf(response), query));
  });

  route(router, teamContactRecordsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await teamContactRecords(orm, signedInOf(response), query));
  });

  route(router, flaggedCustomersOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await flaggedCustomers(orm, signedInOf(response), query));
  });

  return router;
}
