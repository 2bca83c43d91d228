import type { MikroORM } from '@mikro-orm/postgresql';
import { problem, type Problem } from '../../engine/validation/problem.ts';
import type { SignedIn } from '../auth/signed-in.ts';
import type { CommandOrigin } from '../commands/command-context.ts';
import { runCommand } from '../commands/run-command.ts';
import { fieldsNotWritable } from '../customers/customer-problems.ts';
import { customFieldValues, phoneValue } from '../customers/customer-values.ts';
import { customerScopeOf } from '../customers/customer-visibility.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { writeDeniedProblems } from '../customers/record-field-access.ts';
import { boundQuery } from '../database/bound-query.ts';
import { validationFailed } from '../http/http-problem.ts';
import type { CreateLeadBody } from './lead-bodies.schema.ts';
import { leadAccessOf, leadColumnFields, leadView } from './lead-document.ts';
import type { LeadView } from './lead-view.schema.ts';
import { intakeLead } from './intake-lead.ts';

export const defaultRoutingPolicyKey = 'lead-routing';

/**
 * A lead entered by a person (a call, a business card, an import row): checked, deduplicated against leads and
 * customers, and assigned by the routing policy — not to the person entering it, unless the policy says so.
 */
export async function createLead(orm: MikroORM, origin: CommandOrigin, caller: SignedIn, body: CreateLeadBody, timeZone: string): Promise<LeadView> {
  return runCommand(orm, origin, async (context) => {
    const definitions = await recordDefinitions(context.em, 'lead');
    const access = leadAccessOf(caller.role, definitions.fields);
    const settable = (['name', 'company', 'phone', 'email', 'region', 'score'] as const).filter((key) => body[key] !== undefined);
    const denied = writeDeniedProblems(
      access,
      caller.role,
      { columns: leadColumnFields, fields: definitions.fields },
      { columns: settable, custom: Object.keys(body.customFields ?? {}), customBase: '/customFields' },
    );
    if (denied.length > 0) throw fieldsNotWritable(denied);
    const problems: Problem[] = [];
    const phone = phoneValue(body.phone, '/phone');
    if ('code' in phone) problems.push(phone);
    const custom = customFieldValues(body.customFields ?? {}, definitions.fields, { path: '/customFields', requireAll: true });
    problems.push(...custom.problems);
    if (body.campaignId != null) {
      const [campaign] = await boundQuery(context.em, 'select 1 from campaign where id = $1 and deleted_at is null', [body.campaignId]);
      if (campaign === undefined) problems.push(problem('/campaignId', 'lead.unknownCampaign', 'No such campaign.', '营销活动不存在。'));
    }
    if (problems.length > 0 || 'code' in phone) throw validationFailed(problems);
    const row = await intakeLead(
      context,
      {
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
      {
        policyKey: body.routingPolicy ?? defaultRoutingPolicyKey,
        actor: { userId: String(caller.user.id), roles: [caller.role.key] },
        scope: customerScopeOf(caller),
        createdBy: caller.user.id,
        timeZone,
      },
    );
    return leadView(row, access);
  });
}
