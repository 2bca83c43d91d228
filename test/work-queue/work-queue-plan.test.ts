import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundQuery } from '../../api/database/bound-query.ts';
import { queueDefinitions, type QueueDefinitions } from '../../api/work-queue/queue-definitions.ts';
import { queueScopeOf } from '../../api/work-queue/queue-scope.ts';
import type { EntityName } from '../../definitions/entity.schema.ts';
import { compileQueueSectionsSql } from '../../engine/queues/compile-queue-section-sql.ts';
import { compileQueueStageCountsSql } from '../../engine/queues/compile-queue-stage-counts-sql.ts';
import type { QueueScope } from '../../engine/queues/queue-scope.ts';
import { generateCustomers } from '../bench/support/generate-customers.ts';
import { vacuumUntilAllVisible } from '../bench/support/vacuum-until-all-visible.ts';
import { installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * How the queue's statements read a table of many owners' customers, from their plans: page counts and plan shapes
 * do not depend on how busy the machine is, so they guard the latency goal (docs/work-queue.md) where a timing
 * could not.
 */
let app: TestApp;
let definitions: QueueDefinitions;
let repId: number;
let owned: number;
const customerCount = 30_000;
const owners = 40;

beforeAll(async () => {
  app = await startTestApp('work-queue-plan');
  await installGenericTemplate(app);
  repId = await userIdOf(app, 'rep.li');
  const { rows: others } = await app.schema.pool.query(
    `insert into app_user (login, display_name, password_hash, role_key, team_id, time_zone, locale)
     select 'plan.rep' || g, 'Plan rep ' || g, password_hash, 'rep', team_id, time_zone, locale
     from app_user, generate_series(1, $1::int) g where login = 'rep.li' returning id::int as id`,
    [owners - 1],
  );
  await generateCustomers(app.schema.pool, { count: customerCount, ownerIds: [repId, ...others.map((row: { id: number }) => row.id)] });
  await vacuumUntilAllVisible(app.schema.pool, ['customer', 'customer_owner', 'opportunity', 'sales_order']);
  const { rows } = await app.schema.pool.query<{ owned: number }>(
    'select count(*)::int as owned from customer_owner co join customer c on c.id = co.customer_id where co.user_id = $1 and c.deleted_at is null',
    [repId],
  );
  owned = rows[0]!.owned;
  definitions = await queueDefinitions(app.orm.em.fork());
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The first scope of the queue: ownership read row by row from customer_owner. */
function customerOwnerScopeOf(entity: EntityName, userId: number): QueueScope {
  const ownedIds = (bind: (value: unknown, cast: string) => string) =>
    `select qo.customer_id from customer_owner qo join customer qc on qc.id = qo.customer_id where qo.user_id = ${bind(userId, 'bigint')} and qc.deleted_at is null`;
  return entity === 'customer'
    ? {
        where: (alias, bind) =>
          `${alias}."deleted_at" is null and exists (select 1 from customer_owner qo where qo.customer_id = ${alias}."id" and qo.user_id = ${bind(userId, 'bigint')})`,
        columns: (alias) => [`${alias}."id" as customer_id`],
      }
    : { where: (alias, bind) => `${alias}."deleted_at" is null and ${alias}."customer_id" = any(array(${ownedIds(bind)}))`, columns: (alias) => [`${alias}."customer_id" as customer_id`] };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}

async function planOf(sql: string, params: unknown[]): Promise<{ pages: number; nodes: PlanNode[] }> {
  const [row] = await boundQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(app.orm.em.fork(), `explain (analyze, buffers, format json) ${sql}`, params);
  const root = row!['QUERY PLAN'][0]!.Plan;
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(visit);
  };
  visit(root);
  return { pages: root['Shared Hit Blocks'] + root['Shared Read Blocks'], nodes };
}

/** Pages read from the customer table and its indexes: each node's own pages (its count less its children's). */
function customerPages(nodes: readonly PlanNode[]): number {
  return ownPages(
    nodes,
    (node) => node['Relation Name'] === 'customer' || (node['Index Name']?.startsWith('customer_') === true && !node['Index Name'].startsWith('customer_owner')),
  );
}

/** The pages the matching nodes read themselves (each node's count less its children's). */
function ownPages(nodes: readonly PlanNode[], matches: (node: PlanNode) => boolean): number {
  const pages = (node: PlanNode) => node['Shared Hit Blocks'] + node['Shared Read Blocks'];
  return nodes.filter(matches).reduce((sum, node) => sum + pages(node) - (node.Plans ?? []).reduce((own, child) => own + pages(child), 0), 0);
}

/** Pages read from the opportunity and order tables and their indexes: each node's own pages. */
function recordPages(nodes: readonly PlanNode[]): number {
  return ownPages(nodes, (node) => ['opportunity', 'sales_order'].includes(node['Relation Name'] ?? '') || /^(opportunity|sales_order)_/.test(node['Index Name'] ?? ''));
}

function statementsFor(scopeOf: (entity: EntityName, userId: number) => QueueScope) {
  const { policy, catalogues } = definitions;
  const now = new Date();
  const timeZone = 'Asia/Shanghai';
  const counts = compileQueueStageCountsSql(policy, catalogues.customer!, { now, timeZone, scope: scopeOf('customer', repId) });
  const sections = compileQueueSectionsSql(
    policy,
    policy.sections.map((section, sectionIndex) => ({ sectionIndex, catalogue: catalogues[section.entity]!, scope: scopeOf(section.entity, repId), limit: 21 })),
    { now, timeZone },
  );
  return { counts, sections };
}

describe('the queue’s plans over many owners’ customers', () => {
  it('counts a rep’s grid from the owner index alone, without visiting the customer rows', async () => {
    const { counts } = statementsFor((entity, userId) => queueScopeOf(entity, userId)!);
    const plan = await planOf(counts.sql, counts.params);
    const ownerScan = plan.nodes.find((node) => node['Index Name'] === 'customer_queue_owner_index');
    expect(ownerScan?.['Node Type']).toBe('Index Only Scan');
    expect(plan.nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name'])).toEqual([]);
    // The owner's index entries and the few collaborated customers: well under one page per customer.
    expect(plan.pages).toBeLessThan(owned / 2);
  });

  it('reads the sections’ customers in a fraction of the pages customer_owner costs, and never a whole table', async () => {
    const indexed = statementsFor((entity, userId) => queueScopeOf(entity, userId)!);
    const byOwnerRows = statementsFor(customerOwnerScopeOf);
    const plan = await planOf(indexed.sections.sql, indexed.sections.params);
    const before = await planOf(byOwnerRows.sections.sql, byOwnerRows.sections.params);
    expect(plan.nodes.filter((node) => node['Node Type'] === 'Seq Scan').map((node) => node['Relation Name'])).toEqual([]);
    expect(plan.nodes.some((node) => node['Index Name'] === 'customer_queue_owner_index')).toBe(true);
    expect(plan.nodes.some((node) => node['Relation Name'] === 'customer_owner' && node['Index Name'] !== 'customer_owner_collaborator_index')).toBe(false);
    // Customers: one stage's index entries per section, its rows only where a sort key lives in custom fields.
    expect(customerPages(plan.nodes)).toBeLessThan(owned);
    expect(customerPages(plan.nodes)).toBeLessThan(customerPages(before.nodes) / 5);
    // Orders and opportunities: an index probe per owned customer with such records (migration 0017's flags and
    // their indexes), not per owned customer as before.
    for (const index of ['customer_live_opportunities_owner_index', 'customer_live_orders_owner_index']) {
      expect(plan.nodes.some((node) => node['Index Name'] === index)).toBe(true);
    }
    expect(recordPages(plan.nodes)).toBeLessThan(recordPages(before.nodes) / 3);
    expect(plan.pages).toBeLessThan(before.pages / 4);
  });
});
