import type { MachineActor } from '../../engine/machines/index.ts';
import { initialSnapshot } from '../../engine/machines/transition.ts';
import { decideRouting, emptyRoutingState, type RoutingState } from '../../engine/routing/index.ts';
import type { CommandContext } from '../commands/command-context.ts';
import { customerScopeSql, type CustomerScope } from '../customers/customer-visibility.ts';
import { recordDefinitions } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { noteOutboxInserted } from '../outbox/outbox-commit-nudge.ts';
import { assignmentNotice, assignmentNoticeInsert } from './lead-assignment-notice.ts';
import type { LeadRow } from './lead-document.ts';
import { duplicateLead, noLeadMachine, type DuplicateFound } from './lead-problems.ts';
import type { LeadAssignment, LeadView } from './lead-view.schema.ts';
import { leadScopeSql } from './lead-visibility.ts';
import { latestRoutingPolicy } from './routing-policy-store.ts';
import { candidateOf, candidatesSql, policyNeeds, readLoads, type CandidateRow } from './routing-candidates.ts';

/** A lead whose values are decided and checked: what the create command and the public form hand to intake. */
export interface NewLead {
  name: string;
  company: string | null;
  phone: string | null;
  phoneNormalized: string | null;
  email: string | null;
  region: string | null;
  source: LeadView['source'];
  campaignId: number | null;
  webFormId: number | null;
  score: number | null;
  customFields: Record<string, unknown>;
}

export interface IntakeOptions {
  policyKey: string;
  actor: MachineActor;
  /** Whose sight decides whether a duplicate is named; absent (a public form): never named. */
  scope: CustomerScope | undefined;
  createdBy: number | null;
  /** The organisation's time zone, for day-counting conditions in the policy. */
  timeZone: string;
}

export const emailKeyOf = (email: string | null) => (email === null ? null : email.normalize('NFKC').trim().toLowerCase());

/** `customer:phone:<n>` is the customers' own key, so a lead and a customer created at once still take turns. */
function dedupeLockNames(input: NewLead): string[] {
  const email = emailKeyOf(input.email);
  return [
    ...(input.phoneNormalized === null ? [] : [`customer:phone:${input.phoneNormalized}`]),
    ...(email === null ? [] : [`lead:email:${email}`]),
  ].sort();
}

/**
 * Takes in one lead inside the command's transaction, in few round trips: the dedupe keys' advisory locks; one
 * statement that looks for a duplicate lead or customer, locks (creating if need be) the routing policy's state row
 * and reads the candidates; the loads, when the policy reads any (a statement of their own, so it sees what the
 * decisions before this one assigned); then one statement that inserts the lead with its assignment, stores the
 * strategies' new state and writes the audit entry and the outbox message telling the rep it went to. Parallel
 * intakes to one policy take turns on the state row, which is what keeps round-robin and weighted shares exact.
 */
export async function intakeLead(context: CommandContext, input: NewLead, options: IntakeOptions): Promise<LeadRow> {
  const { em, now } = context;
  const definitions = await recordDefinitions(em, 'lead');
  const policy = await latestRoutingPolicy(em, options.policyKey);
  if (policy === undefined) throw noLeadMachine();
  const emailKey = emailKeyOf(input.email);

  const locks = dedupeLockNames(input);
  if (locks.length > 0) {
    await boundQuery(em, 'select pg_advisory_xact_lock(hashtext(k)) from (select k from unnest($1::text[]) as k order by k) s', [locks]);
  }

  const needs = policyNeeds(policy.document);
  const bind = new BindParams();
  const phone = bind.add(input.phoneNormalized);
  const email = bind.add(emailKey);
  const leadVisible = options.scope === undefined ? 'false' : leadScopeSql(options.scope, bind);
  const customerVisible = options.scope === undefined ? 'false' : customerScopeSql(options.scope, bind);
  const policyKey = bind.add(policy.key);
  const candidates = candidatesSql(bind.add(needs.users), bind.add(needs.roles), bind.add(needs.teams));
  const [read] = await boundQuery<{ duplicates: DuplicateFound[]; state: RoutingState; candidates: CandidateRow[] }>(
    em,
    `with dup as (
       (select 'lead' as entity, l.id::int as id, ${leadVisible} as visible, coalesce(l.phone_normalized = ${phone}::text, false) as phone
        from lead l where l.deleted_at is null and (l.phone_normalized = ${phone}::text or l.email_key = ${email}::text) order by l.id limit 1)
       union all
       (select 'customer', c.id::int, ${customerVisible}, true
        from customer c where c.deleted_at is null and c.phone_normalized = ${phone}::text order by c.id limit 1)
     ),
     st as (
       insert into routing_state (policy_key) values (${policyKey}) on conflict (policy_key)
       do update set updated_at = routing_state.updated_at returning state
     )
     select (select coalesce(json_agg(dup), '[]') from dup) as duplicates, (select state from st) as state,
            (select coalesce(json_agg(c), '[]') from (${candidates}) c) as candidates`,
    bind.values,
  );
  const duplicate = read!.duplicates.find((d) => d.entity === 'lead') ?? read!.duplicates[0];
  if (duplicate !== undefined) throw duplicateLead(duplicate);

  const people = read!.candidates.map(candidateOf);
  const closedStates = Object.entries(definitions.machine.document.states)
    .filter(([, state]) => state.type === 'final' || !(state.tags ?? []).includes('open'))
    .map(([key]) => key);
  await readLoads(em, people, needs.measures, closedStates);

  const start = initialSnapshot(definitions.machine.document, {
    actor: options.actor,
    facts: {},
    now,
    timeZone: options.timeZone,
    catalogue: definitions.catalogue,
  });
  const record = {
    name: input.name,
    company: input.company,
    phone: input.phone,
    email: input.email,
    region: input.region,
    source: input.source,
    campaign_id: input.campaignId,
    score: input.score,
    status: start.snapshot.value,
    ownership: 'pool',
    owner_id: null,
    created_at: now,
    custom_fields: input.customFields,
  };
  const state = { ...emptyRoutingState(), ...read!.state };
  const decision = decideRouting(policy.document, definitions.catalogue, {
    record,
    candidates: people,
    state,
    now,
    timeZone: options.timeZone,
  });
  const ownerId = decision.target.kind === 'user' ? Number(decision.target.userId) : null;
  const assignment: LeadAssignment = {
    policyKey: policy.key,
    policyVersion: policy.version,
    ruleId: decision.ruleId ?? null,
    strategy: decision.strategy ?? null,
    target: decision.target.kind,
    userId: ownerId,
    summary: decision.summary,
    steps: decision.steps,
    decidedAt: now.toISOString(),
  };

  const insert = new BindParams();
  const at = `${insert.add(now)}::timestamptz`;
  const owner = `${insert.add(ownerId)}::bigint`;
  const values = [
    input.name, input.company, input.phone, input.phoneNormalized, input.email, emailKey, input.region, input.source,
    input.campaignId, input.webFormId, input.score, start.snapshot.value,
  ].map((value) => insert.add(value));
  const stateChanged = decision.state !== state;
  const notice = assignmentNotice({ name: input.name, ownerId, summary: assignment.summary }, context.actorId);
  const [row] = await boundQuery<LeadRow & { notice_ids: string[] }>(
    em,
    `with lead_row as (
       insert into lead (name, company, phone, phone_normalized, email, email_key, region, source, campaign_id, web_form_id, score, status,
                         ownership, owner_id, team_id, custom_fields, assignment, machine_snapshot, definition_key, definition_version,
                         created_by, created_at, updated_at)
       values (${values.join(', ')}, case when ${owner} is null then 'pool' else 'personal' end, ${owner},
               (select team_id from app_user where id = ${owner}), ${insert.add(JSON.stringify(input.customFields))}::jsonb,
               ${insert.add(JSON.stringify(assignment))}::jsonb, ${insert.add(JSON.stringify(start.snapshot))}::jsonb,
               ${insert.add(definitions.machine.key)}, ${insert.add(definitions.machine.version)}::int, ${insert.add(options.createdBy)}::bigint, ${at}, ${at})
       returning *
     ),
     state_row as (
       update routing_state set state = ${insert.add(JSON.stringify(decision.state))}::jsonb, updated_at = ${at}
       where policy_key = ${insert.add(policy.key)} and ${insert.add(stateChanged)}::boolean
     ),
     audit_row as (
       insert into audit_entry (entity, record_id, customer_id, action, actor_id, at, before, after, why, request_id)
       select 'lead', l.id, null, 'create', ${insert.add(context.actorId)}::bigint, ${at}, null,
              ${insert.add(JSON.stringify(leadDocumentFields(input, start.snapshot.value, assignment, ownerId)))}::jsonb || jsonb_build_object('id', l.id::int),
              ${insert.add(JSON.stringify({ kind: 'trace', trace: start.trace, payload: { routing: assignment } }))}::jsonb,
              ${insert.add(context.requestId)}::varchar
       from lead_row l
     ),
     ${assignmentNoticeInsert(insert, notice, context.actorId, at)}
     select l.*, (select coalesce(array_agg(id), '{}') from notice_rows) as notice_ids from lead_row l`,
    insert.values,
  );
  const { notice_ids: noticeIds, ...lead } = row!;
  noteOutboxInserted(em, noticeIds.map(Number));
  return lead;
}

/** The audit entry's `after`: the lead as created, less what only the insert knows (its id). */
function leadDocumentFields(input: NewLead, status: string, assignment: LeadAssignment, ownerId: number | null) {
  const { phoneNormalized: _phoneNormalized, ...shown } = input;
  return { ...shown, status, ownership: ownerId === null ? 'pool' : 'personal', ownerId, assignment };
}
