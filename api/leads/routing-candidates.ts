import type { EntityManager } from '@mikro-orm/postgresql';
import type { RoutingPolicy } from '../../definitions/routing-policy.schema.ts';
import type { LoadMeasure, RoutingCandidate, WorkingHours } from '../../engine/routing/index.ts';
import { boundQuery } from '../database/bound-query.ts';

/** The users, roles and teams a policy names anywhere (strategies, groups, fallbacks), and the loads it reads. */
export function policyNeeds(policy: RoutingPolicy): { users: string[]; roles: string[]; teams: string[]; measures: LoadMeasure[] } {
  const users = new Set<string>();
  const roles = new Set<string>();
  const teams = new Set<string>();
  const measures = new Set<LoadMeasure>();
  const add = (spec: { users?: string[]; roles?: string[]; teams?: string[] }) => {
    spec.users?.forEach((u) => users.add(u));
    spec.roles?.forEach((r) => roles.add(r));
    spec.teams?.forEach((t) => teams.add(t));
  };
  for (const rule of policy.rules) {
    const strategy = rule.strategy;
    if (strategy.type === 'attributeMatch') {
      strategy.groups.forEach((group) => add(group.candidates));
      if (strategy.then === 'leastLoaded' && strategy.measure !== undefined) measures.add(strategy.measure);
    } else {
      add(strategy.candidates);
      if (strategy.type === 'leastLoaded') measures.add(strategy.measure);
    }
    if (rule.onlyAvailable?.capacity !== undefined) measures.add(rule.onlyAvailable.capacity.measure);
    if (rule.fallback?.to === 'user') users.add(rule.fallback.userId);
  }
  if (policy.fallback.to === 'user') users.add(policy.fallback.userId);
  return { users: [...users], roles: [...roles], teams: [...teams], measures: [...measures] };
}

/** SQL selecting the active users a policy names, with their availability; the placeholders name its three lists. */
export const candidatesSql = (users: string, roles: string, teams: string) => `
  select u.id::text as id, u.login, u.display_name as name, u.role_key, t.name as team_name,
         coalesce(a.on_leave, false) as on_leave, a.working_hours
  from app_user u
  left join team t on t.id = u.team_id
  left join user_availability a on a.user_id = u.id
  where u.active and (u.id::text = any(${users}::text[]) or u.login = any(${users}::text[]) or u.role_key = any(${roles}::text[])
         or t.name = any(${teams}::text[]))`;

export interface CandidateRow {
  id: string;
  login: string;
  name: string;
  role_key: string;
  team_name: string | null;
  on_leave: boolean;
  working_hours: WorkingHours | null;
}

export function candidateOf(row: CandidateRow): RoutingCandidate {
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    roleKey: row.role_key,
    teamName: row.team_name,
    onLeave: row.on_leave,
    ...(row.working_hours === null ? {} : { workingHours: row.working_hours }),
    loads: {},
  };
}

const loadSql: Record<LoadMeasure, string> = {
  openLeads: `(select count(*) from lead l where l.owner_id = u.id and l.deleted_at is null and l.status <> all($2::text[]))`,
  ownedCustomers: `(select count(*) from customer c where c.owner_id = u.id and c.deleted_at is null)`,
  openTickets: `(select count(*) from ticket k where k.assignee_id = u.id and k.deleted_at is null and k.status not in ('resolved', 'closed'))`,
  openOpportunities: `(select count(*) from opportunity o where o.owner_id = u.id and o.deleted_at is null and o.status = 'open')`,
};

/**
 * Fills in the loads the policy reads. Called after the policy's state row is locked, so this statement's snapshot
 * includes every lead the decisions before this one assigned: least-loaded and capacity see the true counts.
 */
export async function readLoads(
  em: EntityManager,
  candidates: RoutingCandidate[],
  measures: readonly LoadMeasure[],
  closedLeadStates: readonly string[],
): Promise<void> {
  if (measures.length === 0 || candidates.length === 0) return;
  const columns = measures.map((measure) => `${loadSql[measure]}::int as "${measure}"`).join(', ');
  const rows = await boundQuery<Record<string, number> & { id: string }>(
    em,
    `select u.id::text as id, ${columns} from app_user u where u.id = any($1::bigint[])`,
    [candidates.map((c) => c.id), closedLeadStates],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const candidate of candidates) {
    const row = byId.get(candidate.id);
    for (const measure of measures) candidate.loads[measure] = row?.[measure] ?? 0;
  }
}
