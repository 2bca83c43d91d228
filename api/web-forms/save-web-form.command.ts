import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { recordChangedSinceLoaded } from '../commands/conflict-problems.ts';
import { runCommand } from '../commands/run-command.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import { defaultRoutingPolicyKey } from '../leads/create-lead.command.ts';
import { latestRoutingPolicy } from '../leads/routing-policy-store.ts';
import type { CreateWebFormBody, ReplaceWebFormBody, WebFormView } from './web-form-bodies.schema.ts';
import { originProblems, webFormDocumentProblems } from './web-form-fields.ts';
import { noSuchWebForm, webFormKeyTaken } from './web-form-problems.ts';
import { webFormView, type WebFormRow } from './web-form-row.ts';

type FormSettings = Omit<ReplaceWebFormBody, 'version'>;

const answerKeyTaken = (constraint: string) => (constraint === 'web_form_key_key' ? webFormKeyTaken() : undefined);

/** Everything a form names must exist now, so a visitor never meets a form that cannot take a lead. */
async function settingsProblems(em: EntityManager, body: FormSettings): Promise<Problem[]> {
  const definitions = await recordDefinitions(em, 'lead');
  const problems = [...webFormDocumentProblems(body.document, definitions.fields), ...originProblems(body.allowedOrigins ?? [])];
  if (body.campaignId != null) {
    const [campaign] = await boundQuery(em, 'select 1 from campaign where id = $1 and deleted_at is null', [body.campaignId]);
    if (campaign === undefined) problems.push(problem('/campaignId', 'lead.unknownCampaign', 'No such campaign.', '营销活动不存在。'));
  }
  const policyKey = body.routingPolicy ?? defaultRoutingPolicyKey;
  if ((await latestRoutingPolicy(em, policyKey)) === undefined) {
    problems.push(problem('/routingPolicy', 'webForm.unknownPolicy', `No routing policy "${policyKey}" is published.`, `尚未发布分配策略“${policyKey}”。`));
  }
  return problems;
}

const settingValues = (body: FormSettings) => [
  JSON.stringify(body.document),
  body.campaignId ?? null,
  body.routingPolicy ?? defaultRoutingPolicyKey,
  body.allowedOrigins ?? [],
  body.active ?? true,
];

export async function createWebForm(orm: MikroORM, origin: CommandOrigin, body: CreateWebFormBody): Promise<WebFormView> {
  const { key, ...settings } = body;
  return runCommand(
    orm,
    origin,
    async (context) => {
      const problems = await settingsProblems(context.em, settings);
      if (problems.length > 0) throw validationFailed(problems);
      const [row] = await boundQuery<WebFormRow>(
        context.em,
        `insert into web_form (key, document, campaign_id, routing_policy_key, allowed_origins, active, created_at, updated_at)
         values ($1, $2::jsonb, $3, $4, $5::text[], $6, $7, $7) returning *`,
        [key, ...settingValues(settings), context.now],
      );
      const view = webFormView(row!);
      context.audit({ entity: 'webForm', recordId: view.id, customerId: null, action: 'create', before: null, after: view, why: { kind: 'reason', code: 'webForm.create' } });
      return view;
    },
    answerKeyTaken,
  );
}

export async function replaceWebForm(orm: MikroORM, origin: CommandOrigin, id: number, version: number | undefined, body: FormSettings): Promise<WebFormView> {
  return runCommand(orm, origin, async (context) => {
    const [current] = await boundQuery<WebFormRow>(context.em, 'select * from web_form where id = $1 for update', [id]);
    if (current === undefined) throw noSuchWebForm(id);
    if (version !== undefined && version !== current.version) throw recordChangedSinceLoaded(current.version);
    const problems = await settingsProblems(context.em, body);
    if (problems.length > 0) throw validationFailed(problems);
    const [row] = await boundQuery<WebFormRow>(
      context.em,
      `update web_form set document = $2::jsonb, campaign_id = $3, routing_policy_key = $4, allowed_origins = $5::text[], active = $6,
              updated_at = $7, version = version + 1
       where id = $1 returning *`,
      [id, ...settingValues(body), context.now],
    );
    const after = webFormView(row!);
    context.audit({ entity: 'webForm', recordId: id, customerId: null, action: 'update', before: webFormView(current), after, why: { kind: 'reason', code: 'webForm.update' } });
    return after;
  });
}
