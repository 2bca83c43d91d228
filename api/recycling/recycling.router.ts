import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { InvalidConditionError } from '../../engine/conditions/index.ts';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession } from '../auth/require-session.middleware.ts';
import { requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import { listRecycleRules } from './list-recycle-rules.query.ts';
import { previewRecycleRule } from './preview-recycle-rule.query.ts';
import { noSuchRecycleRule, recycleRuleInvalid } from './recycling-problems.ts';
import { listRecycleRulesOperation, previewRecycleRuleOperation, sweepRecycleRuleOperation } from './recycling.operations.ts';
import { sweepRecycleRule } from './sweep-recycle-rule.command.ts';

/** A rule the catalogue no longer accepts answers 409 naming its paths, rather than failing as a server fault. */
async function judged<T>(ruleId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidConditionError) throw recycleRuleInvalid(ruleId, error.problems);
    throw error;
  }
}

/** Pool recycling for administrators: the rules, a preview of each, and running one now. */
export function recyclingRouter(orm: MikroORM, settings: { defaultTimeZone: string }): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const definitionsAdmin = requirePermission('mayManageDefinitions');

  route(router, listRecycleRulesOperation, signedIn, definitionsAdmin, async (_input, _request, response) => {
    response.json(await judged('*', () => listRecycleRules(orm, settings)));
  });

  route(router, previewRecycleRuleOperation, signedIn, definitionsAdmin, async ({ params, query }, _request, response) => {
    const preview = await judged(params.ruleId, () => previewRecycleRule(orm, params.ruleId, { ...settings, limit: query.limit }));
    if (preview === undefined) throw noSuchRecycleRule(params.ruleId);
    response.json(preview);
  });

  route(router, sweepRecycleRuleOperation, signedIn, definitionsAdmin, async ({ params }, request, response) => {
    const result = await judged(params.ruleId, () => sweepRecycleRule(orm, requestOrigin(request, response), params.ruleId, settings));
    if (result === undefined) throw noSuchRecycleRule(params.ruleId);
    response.json(result);
  });

  return router;
}
