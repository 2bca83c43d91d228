import type { MikroORM } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CampaignView, CreateCampaignBody, UpdateCampaignBody } from './campaign-bodies.schema.ts';
import { campaignNameConstraint, campaignNameTaken, noSuchCampaign } from './campaign-problems.ts';
import { campaignColumns, campaignView, type CampaignRow } from './campaign-row.ts';

const answerNameTaken = (constraint: string) => (constraint === campaignNameConstraint ? campaignNameTaken() : undefined);

// The table's check says the same; saying it first names the field instead of answering a constraint violation.
function datesInOrder(startsOn: string | null | undefined, endsOn: string | null | undefined): Problem[] {
  return startsOn != null && endsOn != null && endsOn < startsOn
    ? [problem('/endsOn', 'campaign.endsBeforeStart', 'The campaign ends before it starts.', '结束日期早于开始日期。')]
    : [];
}

export async function createCampaign(orm: MikroORM, origin: CommandOrigin, body: CreateCampaignBody): Promise<CampaignView> {
  const problems = datesInOrder(body.startsOn, body.endsOn);
  if (problems.length > 0) throw validationFailed(problems);
  return runCommand(
    orm,
    origin,
    async (context) => {
      const [row] = await boundQuery<CampaignRow>(
        context.em,
        `insert into campaign (name, channel, starts_on, ends_on, cost, created_by, created_at, updated_at)
         values ($1, $2, $3::date, $4::date, $5, $6, $7, $7) returning ${campaignColumns}`,
        [body.name.trim(), body.channel.trim(), body.startsOn ?? null, body.endsOn ?? null, body.cost ?? 0, origin.actorId, context.now],
      );
      const view = campaignView(row!);
      context.audit({ entity: 'campaign', recordId: view.id, customerId: null, action: 'create', before: null, after: view, why: { kind: 'reason', code: 'campaign.create' } });
      return view;
    },
    answerNameTaken,
  );
}

export async function updateCampaign(
  orm: MikroORM,
  origin: CommandOrigin,
  id: number,
  version: number | undefined,
  body: UpdateCampaignBody,
): Promise<CampaignView> {
  return runCommand(
    orm,
    origin,
    async (context) => {
      const [current] = await boundQuery<CampaignRow>(context.em, `select ${campaignColumns} from campaign where id = $1 and deleted_at is null for update`, [id]);
      if (current === undefined) throw noSuchCampaign(id);
      if (version !== undefined && version !== current.version) throw recordChangedSinceLoaded(current.version);
      const before = campaignView(current);
      const next = {
        name: body.name?.trim() ?? before.name,
        channel: body.channel?.trim() ?? before.channel,
        startsOn: body.startsOn === undefined ? before.startsOn : body.startsOn,
        endsOn: body.endsOn === undefined ? before.endsOn : body.endsOn,
        cost: body.cost ?? before.cost,
      };
      const problems = datesInOrder(next.startsOn, next.endsOn);
      if (problems.length > 0) throw validationFailed(problems);
      const [row] = await boundQuery<CampaignRow>(
        context.em,
        `update campaign set name = $2, channel = $3, starts_on = $4::date, ends_on = $5::date, cost = $6, updated_at = $7, version = version + 1
         where id = $1 returning ${campaignColumns}`,
        [id, next.name, next.channel, next.startsOn, next.endsOn, next.cost, context.now],
      );
      const after = campaignView(row!);
      context.audit({ entity: 'campaign', recordId: id, customerId: null, action: 'update', before, after, why: { kind: 'reason', code: 'campaign.update' } });
      return after;
    },
    answerNameTaken,
  );
}

/** Soft: leads and customers keep their link, and the campaign's name is free again. */
export async function deleteCampaign(orm: MikroORM, origin: CommandOrigin, id: number): Promise<void> {
  await runCommand(orm, origin, async (context) => {
    const [row] = await boundQuery<CampaignRow>(
      context.em,
      `update campaign set deleted_at = $2, updated_at = $2, version = version + 1 where id = $1 and deleted_at is null returning ${campaignColumns}`,
      [id, context.now],
    );
    if (row === undefined) throw noSuchCampaign(id);
    context.audit({ entity: 'campaign', recordId: id, customerId: null, action: 'delete', before: campaignView(row), after: null, why: { kind: 'reason', code: 'campaign.delete' } });
  });
}
