import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { requirePermission } from '../auth/require-permission.middleware.ts';
import { requireSession } from '../auth/require-session.middleware.ts';
import { recordId } from '../commands/request-input.ts';
import { expectedVersion, requestOrigin } from '../commands/request-origin.ts';
import { route } from '../http/route-operation.ts';
import { createCampaign, deleteCampaign, updateCampaign } from './campaign.commands.ts';
import { campaignStats, findCampaign, listCampaigns } from './campaign.queries.ts';
import { noSuchCampaign } from './campaign-problems.ts';
import {
  campaignStatsOperation,
  createCampaignOperation,
  deleteCampaignOperation,
  getCampaignOperation,
  listCampaignsOperation,
  updateCampaignOperation,
} from './campaigns.operations.ts';

/** Campaigns: everyone signed in reads them and their counts; managers and admins write them. */
export function campaignsRouter(orm: MikroORM): Router {
  const router = Router();
  const signedIn = requireSession(orm);
  const writers = requirePermission('mayReassign');
  const campaignId = (raw: string) => recordId(raw, noSuchCampaign);

  route(router, createCampaignOperation, signedIn, writers, async ({ body }, request, response) => {
    const campaign = await createCampaign(orm, requestOrigin(request, response), body);
    response.status(201).location(`/api/campaigns/${campaign.id}`).json(campaign);
  });

  route(router, listCampaignsOperation, signedIn, async ({ query }, _request, response) => {
    response.json(await listCampaigns(orm, query));
  });

  route(router, getCampaignOperation, signedIn, async ({ params }, _request, response) => {
    response.json(await findCampaign(orm, campaignId(params.id)));
  });

  route(router, updateCampaignOperation, signedIn, writers, async ({ params, body }, request, response) => {
    const id = campaignId(params.id);
    const { version, ...changes } = body;
    response.json(await updateCampaign(orm, requestOrigin(request, response), id, expectedVersion(request, version), changes));
  });

  route(router, deleteCampaignOperation, signedIn, writers, async ({ params }, request, response) => {
    await deleteCampaign(orm, requestOrigin(request, response), campaignId(params.id));
    response.status(204).end();
  });

  route(router, campaignStatsOperation, signedIn, async ({ params }, _request, response) => {
    response.json(await campaignStats(orm, campaignId(params.id)));
  });

  return router;
}
