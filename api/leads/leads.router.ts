import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession, signedInOf } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { boundExecute } from '../database/bound-query.ts';
import { notFound } from '../http/http-problem.ts';
import { route } from '../http/route-operation.ts';
import { recordEventRoutes } from '../transitions/record-event-routes.ts';
import { convertLead } from './convert-lead.command.ts';
import { createLead } from './create-lead.command.ts';
import { leadEventAdapter } from './lead-event-adapter.ts';
import { noSuchLead } from './lead-problems.ts';
import {
  convertLeadOperation,
  createLeadOperation,
  fireLeadEventOperation,
  getLeadOperation,
  getRoutingPolicyOperation,
  listLeadActionsOperation,
  listLeadsOperation,
  publishRoutingPolicyOperation,
  setAvailabilityOperation,
} from './leads.operations.ts';
import { findLead, listLeads } from './list-leads.query.ts';
import { publishRoutingPolicy } from './publish-routing-policy.command.ts';
import { forgetRoutingPolicies, latestRoutingPolicy, noSuchRoutingPolicy } from './routing-policy-store.ts';

/** Leads: entered, listed, explained, moved through their machine and converted; the routing policies that assign them and people's availability. */
export function leadsRouter(orm: MikroORM, settings: { timeZone: string }): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const leadId = (raw: string) => recordId(raw, noSuchLead);

  route(router, createLeadOperation, signedIn, async ({ body }, request, response) => {
    const lead = await createLead(orm, requestOrigin(request, response), signedInOf(response), body, settings.timeZone);
    response.status(201).location(`/api/leads/${lead.id}`).json(lead);
  });

  route(router, listLeadsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listLeads(orm, signedInOf(response), query));
  });

  route(router, getLeadOperation, signedIn, async ({ params }, _request, response) => {
    const id = leadId(params.id);
    const lead = await findLead(orm, signedInOf(response), id);
    if (lead === undefined) throw noSuchLead(id);
    response.json(lead);
  });

  route(router, convertLeadOperation, signedIn, async ({ params, body }, request, response) => {
    const id = leadId(params.id);
    const version = expectedVersion(request, body.version);
    response.json(await convertLead(orm, requestOrigin(request, response), signedInOf(response), id, version, body));
  });

  recordEventRoutes(router, orm, signedIn, leadEventAdapter, { fire: fireLeadEventOperation, actions: listLeadActionsOperation });

  route(router, getRoutingPolicyOperation, signedIn, requirePermission('mayManageDefinitions'), async ({ params }, _request, response) => {
    forgetRoutingPolicies(orm.em);
    const policy = await latestRoutingPolicy(orm.em.fork(), params.key);
    if (policy === undefined) throw noSuchRoutingPolicy(params.key);
    response.json(policy);
  });

  route(router, publishRoutingPolicyOperation, signedIn, requirePermission('mayManageDefinitions'), async ({ params, body }, request, response) => {
    const published = await publishRoutingPolicy(orm, requestOrigin(request, response), params.key, body as never);
    response.status(201).json(published);
  });

  route(router, setAvailabilityOperation, signedIn, requirePermission('mayManageUsers'), async ({ params, body }, _request, response) => {
    const userId = recordId(params.userId, () => notFound({ en: 'No such user', 'zh-CN': '用户不存在' }));
    const changed = await boundExecute(
      orm.em.fork(),
      `insert into user_availability (user_id, on_leave, working_hours)
       select id, $2, $3::jsonb from app_user where id = $1
       on conflict (user_id) do update set on_leave = excluded.on_leave, working_hours = excluded.working_hours`,
      [userId, body.onLeave, body.workingHours == null ? null : JSON.stringify(body.workingHours)],
    );
    if (changed === 0) throw notFound({ en: 'No such user', 'zh-CN': '用户不存在' });
    response.status(204).end();
  });

  return router;
}
