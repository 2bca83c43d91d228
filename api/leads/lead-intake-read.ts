import type { EntityManager } from '@mikro-orm/postgresql';
import { emptyRoutingState, type RoutingState } from '../../engine/routing/index.ts';
import { phoneLockName } from '../customers/customer-dedupe.ts';
import { customerScopeSql, type CustomerScope } from '../customers/customer-visibility.ts';
import { latestMachineSql } from '../customers/published-definitions.ts';
import { BindParams, boundQuery } from '../database/bound-query.ts';
import { preparedQuery } from '../database/prepared-query.ts';
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
  /** The policy's routing state and its version: version 0 and the empty state when it has no state row yet. */
  routing: { state: RoutingState; version: number };
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
 * SQL selecting `(n, entity, id, phone)` for every live lead and customer a lead of `input` (a relation of
 * `n, phone, email`) duplicates — all of them, in no order, for the caller to pick from. Each lookup is an index probe
 * per lead: `offset 0` keeps the planner from hashing the whole table instead, which it prefers whenever it lacks
 * statistics (a new table, autovacuum off) and so believes few leads are live. (An `order by id limit 1` would have
 * it walk the whole table in id order when there is no duplicate.) The write's gate (migration 0019) asks the same.
 */
function duplicateMatchesSql(input: string): string {
  const leadMatch = (condition: string) => `
       select i.n, 'lead' as entity, l.id::int as id, coalesce(l.phone_normalized = i.phone, false) as phone
       from ${input} i cross join lateral (select * from lead l where l.deleted_at is null and ${condition} offset 0) l`;
  return `${leadMatch('l.phone_normalized = i.phone')}
       union all
       ${leadMatch('l.email_key = i.email')}
       union all
       select i.n, 'customer', c.id::int, true
       from ${input} i cross join lateral (select * from customer c where c.deleted_at is null and c.phone_normalized = i.phone offset 0) c`;
}

// One text whatever the batch: the policy's names, the leads and their keys are all bound values.
const intakeReadSql = `
  with input as (select * from jsonb_to_recordset($1::jsonb) as i(n int, phone text, email text)),
       dup as (${duplicateMatchesSql('input')})
  select (select coalesce(json_agg(dup), '[]') from dup) as duplicates,
         (select json_build_object('state', state, 'version', version) from routing_state where policy_key = $2) as state,
         (select coalesce(json_agg(c), '[]') from (${candidatesSql('$3', '$4', '$5')}) c) as candidates,
         (select array_agg(nextval(pg_get_serial_sequence('lead', 'id'))) from generate_series(1, $6::int)) as ids,
         (select row_to_json(m) from (${latestMachineSql("'lead'")}) m) as machine`;

type DuplicateMatch = Omit<DuplicateFound, 'visible'> & { n: number };

/**
 * One statement reading what a batch needs, taking no lock: each lead's duplicates among live leads and customers;
 * the policy's routing state and its version (version 0 and the empty state when it has none yet); the candidates the
 * policy names; the lead machine new leads start on; and the new leads' ids. Run as a prepared statement. When a lead
 * has a duplicate, a second statement judges whether its own caller may see it (leads of one batch come from different
 * people). The write's gate (lead-intake-insert.ts) then checks, under the locks, that neither a duplicate nor another
 * batch's state came in since.
 */
export async function readForIntake(
  em: EntityManager,
  leads: readonly LeadKeys[],
  policyKey: string,
  needs: { users: string[]; roles: string[]; teams: string[] },
): Promise<IntakeRead> {
  const input = leads.map((lead, n) => ({ n, phone: lead.phoneNormalized, email: lead.emailKey }));
  const [read] = await preparedQuery<{
    duplicates: DuplicateMatch[];
    state: { state: RoutingState; version: number } | null;
    candidates: CandidateRow[];
    ids: string[];
    machine: { key: string; version: number } | null;
  }>(em, intakeReadSql, [JSON.stringify(input), policyKey, needs.users, needs.roles, needs.teams, leads.length]);
  const judged = await judgedVisible(em, read!.duplicates, leads);
  const found: Array<DuplicateFound | undefined> = leads.map(() => undefined);
  // A lead before a customer, then the oldest.
  const precedes = (a: DuplicateFound, b: DuplicateFound) => (a.entity === b.entity ? a.id < b.id : a.entity === 'lead');
  for (const { n, ...match } of judged) {
    const before = found[n];
    if (before === undefined || precedes(match, before)) found[n] = match;
  }
  return {
    duplicates: found,
    routing: { state: { ...emptyRoutingState(), ...read!.state?.state }, version: Number(read!.state?.version ?? 0) },
    candidates: read!.candidates,
    ids: read!.ids.map(Number),
    machine: read!.machine ?? undefined,
  };
}

/** Each match marked with whether the caller of the lead it duplicates may see it: never when that lead has no caller. */
async function judgedVisible(em: EntityManager, matches: readonly DuplicateMatch[], leads: readonly LeadKeys[]): Promise<Array<DuplicateFound & { n: number }>> {
  if (matches.every(({ n }) => leads[n]!.scope === undefined)) return matches.map((match) => ({ ...match, visible: false }));
  const bind = new BindParams();
  const scopes: CustomerScope[] = [];
  const scopeIndexes = new Map<string, number>();
  const rows = matches.map((match) => {
    const scope = leads[match.n]!.scope;
    if (scope === undefined) return { ...match, scope: null };
    const key = JSON.stringify(scope);
    if (!scopeIndexes.has(key)) {
      scopeIndexes.set(key, scopes.length);
      scopes.push(scope);
    }
    return { ...match, scope: scopeIndexes.get(key)! };
  });
  const rowsParam = bind.add(JSON.stringify(rows));
  // The scope numbers are our own small integers, not input: they may stand in the SQL text.
  const visibleBy = (conditionOf: (scope: CustomerScope, bind: BindParams) => string) =>
    `case m.scope ${scopes.map((scope, index) => `when ${index} then ${conditionOf(scope, bind)}`).join(' ')} else false end`;
  return boundQuery<DuplicateFound & { n: number }>(
    em,
    `select m.n, m.entity, m.id, m.phone,
            coalesce(case m.entity when 'lead' then (select ${visibleBy(leadScopeSql)} from lead l where l.id = m.id)
                                   else (select ${visibleBy(customerScopeSql)} from customer c where c.id = m.id) end, false) as visible
     from jsonb_to_recordset(${rowsParam}::jsonb) as m(n int, entity text, id int, phone boolean, scope int)`,
    bind.values,
  );
}

/**
 * Takes, before a batch is read a second time, every lock its write would: the advisory locks of its leads' dedupe
 * keys (each once, in one order, as the gate takes them, so a batch and a customer being created that share keys wait
 * for each other instead of deadlocking) and the policy's state row, created if need be. Inside the caller's
 * transaction the read that follows sees everything committed by whoever held them, and the gate must then let the
 * batch through.
 */
export async function lockForIntake(em: EntityManager, leads: readonly LeadKeys[], policyKey: string): Promise<void> {
  await boundQuery(
    em,
    `with locks as (select count(pg_advisory_xact_lock(hashtext(k))) as n from (select distinct k from unnest($1::text[]) as k order by k) s)
     insert into routing_state (policy_key) select $2 from locks on conflict (policy_key) do update set updated_at = routing_state.updated_at`,
    [leads.flatMap(dedupeLockNamesOf), policyKey],
  );
}
