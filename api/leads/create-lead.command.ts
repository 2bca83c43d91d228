import type { MikroORM } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { fieldsNotWritable } from '../customers/customer-problems.ts';
import { customFieldValues, phoneValue } from '../customers/customer-values.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { publishedFields } from '../customers/published-definitions.ts';
import { writeDeniedProblems } from '../customers/record-field-access.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CreateLeadBody } from './lead-bodies.schema.ts';
import { leadAccessOf, leadColumnFields, leadView } from './lead-document.ts';
import type { LeadView } from './lead-view.schema.ts';
import { intakeLead } from './lead-intake-batches.ts';

export const defaultRoutingPolicyKey = 'lead-routing';

/**
 * A lead entered by a person (a call, a business card, an import row): checked, deduplicated against leads and
 * customers, and assigned by the routing policy — not to the person entering it, unless the policy says so.
 */
export async function createLead(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateLeadBody, timeZone: string): Promise<LeadView> {
  const now = origin.now ?? new Date();
  // Everything that can be checked without the policy's lock is checked here, so a bad request never joins a batch.
  // The fields only: which machine a lead starts on is read by the batch's own statement (that pointer is not cached).
  const em = orm.em.fork();
  const fields = await publishedFields(em, 'lead');
  const access = leadAccessOf(caller.role, fields);
  const settable = (['name', 'company', 'phone', 'email', 'region', 'score'] as const).filter((key) => body[key] !== undefined);
  const denied = writeDeniedProblems(
    access,
    caller.role,
    { columns: leadColumnFields, fields },
    { columns: settable, custom: Object.keys(body.customFields ?? {}), customBase: '/customFields' },
  );
  if (denied.length > 0) throw fieldsNotWritable(denied);
  const problems: Problem[] = [];
  const phone = phoneValue(body.phone, '/phone');
  if ('code' in phone) problems.push(phone);
  const custom = customFieldValues(body.customFields ?? {}, fields, { path: '/customFields', requireAll: true });
  problems.push(...custom.problems);
  if (body.campaignId != null) {
    const [campaign] = await boundQuery(em, 'select 1 from campaign where id = $1 and deleted_at is null', [body.campaignId]);
    if (campaign === undefined) problems.push(problem('/campaignId', 'lead.unknownCampaign', 'No such campaign.', '营销活动不存在。'));
  }
  if (problems.length > 0 || 'code' in phone) throw validationFailed(problems);
  const row = await intakeLead(orm, {
    lead: {
      name: body.name.trim(),
      company: body.company?.trim() || null,
      phone: phone.phone,
      phoneNormalized: phone.normalized,
      email: body.email?.trim() || null,
      region: body.region?.trim() || null,
      source: body.source,
      campaignId: body.campaignId ?? null,
      webFormId: null,
      score: body.score ?? null,
      customFields: custom.values,
    },
    policyKey: body.routingPolicy ?? defaultRoutingPolicyKey,
    actor: { userId: String(caller.user.id), roles: [caller.role.key] },
    scope: customerScopeOf(caller),
    createdBy: caller.user.id,
    timeZone,
    stamp: { actorId: origin.actorId, requestId: origin.requestId ?? null, now },
  });
  return leadView(row, access);
}
