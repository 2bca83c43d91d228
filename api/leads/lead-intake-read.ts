import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoutingState } from '../../engine/routing/index.ts';
import { phoneLockName } from '../customers/customer-dedupe.ts';
import { customerScopeSql, type CustomerScope } from '../customers/customer-visibility.ts';
import { latestMachineSql } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import type { DuplicateFound } from './lead-problems.ts';
import { leadScopeSql } from './lead-visibility.ts';
import { candidatesSql, type CandidateRow } from './routing-candidates.ts';

/** What the dedupe check and the lock need of one lead, and whose sight decides whether its duplicate is named. */
export interface LeadKeys {
  phoneNormalized: string | null;
  emailKey: string | null;
  /** Absent (a public form): a duplicate is never named. */
  scope: CustomerScope | undefined;
}

export interface IntakeRead {
  /** Per lead (by position), the record it duplicates: a lead before a customer, the oldest first. */
  duplicates: ReadonlyArray<DuplicateFound | undefined>;
  state: RoutingState;
  candidates: CandidateRow[];
  /** One new lead id per lead, in order, drawn from the table's sequence so the insert can name its audit rows. */
  ids: number[];
  /** The lead machine published last, if any. */
  machine: { key: string; version: number } | undefined;
}

export const emailKeyOf = (email: string | null) => (email === null ? null : email.normalize('NFKC').trim().toLowerCase());

/** A lead's dedupe lock names; its phone's is the customers' own, so a lead and a customer created at once take turns. */
export function dedupeLockNamesOf(lead: Pick<LeadKeys, 'phoneNormalized' | 'emailKey'>): string[] {
  return [
    ...(lead.phoneNormalized === null ? [] : [phoneLockName(lead.phoneNormalized)]),
    ...(lead.emailKey === null ? [] : [`lead:email:${lead.emailKey}`]),
  ];
}

/**
 * SQL selecting `(n, entity, id, visible, phone)` for every live lead and customer a lead of `input` (a relation of
 * `n, phone, email`) duplicates — all of them, in no order, for the caller to pick from. Each lookup is an index probe
 * per lead: `offset 0` keeps the planner from hashing the whole table instead, which it prefers whenever it lacks
 * statistics (a new table, autovacuum off) and so believes few leads are live. (An `order by id limit 1` would have
 * it walk the whole table in id order when there is no duplicate.)
 */
export function duplicateMatchesSql(input: string, visible: { lead: string; customer: string }): string {
  const leadMatch = (condition: string) => `
       select i.n, 'lead' as entity, l.id::int as id, ${visible.lead} as visible, coalesce(l.phone_normalized = i.phone, false) as phone
       from ${input} i cross join lateral (select * from lead l where l.deleted_at is null and ${condition} offset 0) l`;
  return `${leadMatch('l.phone_normalized = i.phone')}
       union all
       ${leadMatch('l.email_key = i.email')}
       union all
       select i.n, 'customer', c.id::int, ${visible.customer}, true
       from ${input} i cross join lateral (select * from customer c where c.deleted_at is null and c.phone_normalized = i.phone offset 0) c`;
}

/**
 * One statement for a batch: the advisory locks of every lead's dedupe keys, each once and in one order (so two
 * batches, or a batch and a customer being created, sharing keys wait for each other instead of deadlocking); then
 * the policy's state row, locked (created if need be) so batches to one policy take turns; each lead's duplicate
 * among live leads and customers, judged visible with that lead's own caller's scope (leads of one batch come from
 * different people); the candidates the policy names; the lead machine new leads start on; and the new leads' ids.
 *
 * The statement's snapshot is taken before its locks are granted, so a lead or customer committed by whoever held a
 * lock meanwhile is not seen here: the write checks again (lead-intake-insert.ts) under the locks, in a statement
 * of its own, and writes nothing when this read missed one.
 */
export async function readForIntake(
  em: EntityManager,
  leads: readonly LeadKeys[],
  policyKey: string,
  needs: { users: string[]; roles: string[]; teams: string[] },
): Promise<IntakeRead> {
  const bind = new BindParams();
  const scopes: CustomerScope[] = [];
  const scopeIndexes = new Map<string, number>();
  const input = leads.map((lead, n) => {
    if (lead.scope === undefined) return { n, phone: lead.phoneNormalized, email: lead.emailKey, scope: null };
    const key = JSON.stringify(lead.scope);
    if (!scopeIndexes.has(key)) {
      scopeIndexes.set(key, scopes.length);
      scopes.push(lead.scope);
    }
    return { n, phone: lead.phoneNormalized, email: lead.emailKey, scope: scopeIndexes.get(key)! };
  });
  const inputParam = bind.add(JSON.stringify(input));
  // The scope numbers are our own small integers, not input: they may stand in the SQL text.
  const visibleBy = (conditionOf: (scope: CustomerScope, bind: BindParams) => string) =>
    scopes.length === 0 ? 'false' : `case i.scope ${scopes.map((scope, index) => `when ${index} then ${conditionOf(scope, bind)}`).join(' ')} else false end`;
  const duplicates = duplicateMatchesSql('input', { lead: visibleBy(leadScopeSql), customer: visibleBy(customerScopeSql) });
  const keys = bind.add([...new Set(leads.flatMap(dedupeLockNamesOf))].sort());
  const policy = bind.add(policyKey);
  const candidates = candidatesSql(bind.add(needs.users), bind.add(needs.roles), bind.add(needs.teams));
  const [read] = await boundQuery<{
    duplicates: Array<DuplicateFound & { n: number }>;
    state: RoutingState;
    candidates: CandidateRow[];
    ids: string[];
    machine: { key: string; version: number } | null;
  }>(
    em,
    `with locks as (select count(pg_advisory_xact_lock(hashtext(k))) as n from (select k from unnest(${keys}::text[]) as k order by k) s),
     input as (select * from jsonb_to_recordset(${inputParam}::jsonb) as i(n int, phone text, email text, scope int)),
     dup as (${duplicates}),
     st as (
       insert into routing_state (policy_key) select ${policy} from locks on conflict (policy_key)
       do update set updated_at = routing_state.updated_at returning state
     )
     select (select coalesce(json_agg(dup), '[]') from dup) as duplicates, (select state from st) as state,
            (select coalesce(json_agg(c), '[]') from (${candidates}) c) as candidates,
            (select array_agg(nextval(pg_get_serial_sequence('lead', 'id'))) from generate_series(1, ${bind.add(leads.length)}::int)) as ids,
            (select row_to_json(m) from (${latestMachineSql(bind.add('lead'))}) m) as machine`,
    bind.values,
  );
  const found: Array<DuplicateFound | undefined> = leads.map(() => undefined);
  // A lead before a customer, then the oldest.
  const precedes = (a: DuplicateFound, b: DuplicateFound) => (a.entity === b.entity ? a.id < b.id : a.entity === 'lead');
  for (const { n, ...match } of read!.duplicates) {
    const before = found[n];
    if (before === undefined || precedes(match, before)) found[n] = match;
  }
  return { duplicates: found, state: read!.state, candidates: read!.candidates, ids: read!.ids.map(Number), machine: read!.machine ?? undefined };
}
