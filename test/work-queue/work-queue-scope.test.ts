import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundQuery } from '../../api/database/bound-query.ts';
import { queueDefinitions, type QueueDefinitions } from '../../api/work-queue/queue-definitions.ts';
import { queueScopeOf } from '../../api/work-queue/queue-scope.ts';
import type { EntityName } from '../../definitions/entity.schema.ts';
import { compileConditionToSql } from '../../engine/conditions/index.ts';
import { compileQueueSectionSql, compileQueueSectionsSql } from '../../engine/queues/compile-queue-section-sql.ts';
import { compileQueueStageCountsSql } from '../../engine/queues/compile-queue-stage-counts-sql.ts';
import type { QueueScope } from '../../engine/queues/queue-scope.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { aQueueCustomer, anOpportunity, anOrder, clearRecords } from './work-queue-fixtures.ts';

let app: TestApp;
let definitions: QueueDefinitions;
const ids: Record<string, number> = {};
const cookies: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp('work-queue-scope');
  await installGenericTemplate(app);
  for (const login of ['rep.li', 'rep.zhang', 'admin']) {
    ids[login] = await userIdOf(app, login);
    cookies[login] = await signIn(app, login);
  }
  definitions = await queueDefinitions(app.orm.em.fork());
});
afterAll(async () => {
  await app?.close();
});

/**
 * The queue's scope as first written: ownership read from customer_owner row by row. The indexed scope
 * (api/work-queue/queue-scope.ts) must hold exactly the same rows.
 */
function referenceScopeOf(entity: EntityName, userId: number): QueueScope {
  const owned = (bind: (value: unknown, cast: string) => string) =>
    `select qo.customer_id from customer_owner qo join customer qc on qc.id = qo.customer_id where qo.user_id = ${bind(userId, 'bigint')} and qc.deleted_at is null`;
  return entity === 'customer'
    ? { where: (alias, bind) => `${alias}."deleted_at" is null and ${alias}."id" in (${owned(bind)})`, columns: (alias) => [`${alias}."id" as customer_id`] }
    : { where: (alias, bind) => `${alias}."deleted_at" is null and ${alias}."customer_id" in (${owned(bind)})`, columns: (alias) => [`${alias}."customer_id" as customer_id`] };
}

const now = new Date();
const timeZone = 'Asia/Shanghai';
const rows = (sql: string, params: unknown[]) => boundQuery<Record<string, unknown>>(app.orm.em.fork(), sql, params);
const withoutIndex = (list: Array<Record<string, unknown>>) => list.map(({ section_index: _index, place: _place, ...rest }) => rest);

async function sectionRows(sectionIndex: number, scope: QueueScope, after?: { id: string; keys: Array<string | null> }) {
  const section = definitions.policy.sections[sectionIndex]!;
  const query = compileQueueSectionSql(definitions.policy, sectionIndex, definitions.catalogues[section.entity]!, {
    now,
    timeZone,
    scope,
    limit: 500,
    ...(after === undefined ? {} : { after: { section: section.id, entity: section.entity, ...after } }),
  });
  return rows(query.sql, query.params);
}

/** The ids each section holds by its conditions alone, compiled without the queue's index conditions. */
async function sectionMembers(userId: number, sectionIndex: number): Promise<number[]> {
  const { policy, catalogues } = definitions;
  const section = policy.sections[sectionIndex]!;
  const catalogue = catalogues[section.entity]!;
  const params: unknown[] = [];
  const compile = (index: number) => {
    const fragment = compileConditionToSql(policy.sections[index]!.condition, catalogue, { firstParam: params.length + 1, tableAlias: 'q', context: { now, timeZone } });
    params.push(...fragment.params);
    return fragment.sql;
  };
  const where = [compile(sectionIndex)];
  for (let index = 0; index < sectionIndex; index++) if (policy.sections[index]!.entity === section.entity) where.push(`not ${compile(index)}`);
  const scope = referenceScopeOf(section.entity, userId).where('"q"', (value, cast) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  });
  const found = await rows(`select q.id::text as id from "${catalogue.table}" as "q" where ${scope} and ${where.join(' and ')} order by q.id`, params);
  return found.map((row) => Number(row.id));
}

const hour = 3_600_000;
const due = fc.option(fc.constantFrom(-50, -2, 0, 1, 30, 200).map((hours) => new Date(now.getTime() + hours * hour).toISOString()), { nil: null });
const anOwnedCustomer = fc.record({
  stage: fc.constantFrom('reserve', 'target', 'potential', 'opportunity', 'won'),
  level: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
  nextFollowUpAt: due,
  lastContactAt: due,
  owner: fc.constantFrom('rep.li', 'rep.zhang', 'pool'),
  collaborator: fc.boolean(),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.3),
  opportunities: fc.array(fc.record({ amount: fc.option(fc.constantFrom(10, 500), { nil: null }), nextFollowUpAt: due, status: fc.constantFrom('open', 'won'), deleted: fc.boolean() }), { maxLength: 2 }),
  orders: fc.array(fc.record({ amount: fc.constantFrom(10, 500), nextFollowUpAt: due, status: fc.constantFrom('pending', 'completed'), deleted: fc.boolean() }), { maxLength: 2 }),
});

describe('the indexed queue scope', () => {
  it('holds the same rows, in the same order, as ownership read from customer_owner — one statement or section by section', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anOwnedCustomer, { minLength: 1, maxLength: 12 }), fc.nat(), async (customers, pick) => {
        await clearRecords(app);
        for (const customer of customers) {
          const owner = customer.owner === 'pool' ? null : ids[customer.owner]!;
          const other = customer.owner === 'rep.li' ? ids['rep.zhang']! : ids['rep.li']!;
          const collaborators = owner !== null && customer.collaborator ? [other] : [];
          const id = await aQueueCustomer(app, owner, { ...customer, collaborators });
          for (const opportunity of customer.opportunities) await anOpportunity(app, id, opportunity);
          for (const order of customer.orders) await anOrder(app, id, order);
        }
        for (const login of ['rep.li', 'rep.zhang']) {
          const userId = ids[login]!;
          const { policy, catalogues } = definitions;
          const combined = compileQueueSectionsSql(
            policy,
            policy.sections.map((section, sectionIndex) => ({ sectionIndex, catalogue: catalogues[section.entity]!, scope: queueScopeOf(section.entity, userId)!, limit: 500 })),
            { now, timeZone },
          );
          const all = await rows(combined.sql, combined.params);
          for (let index = 0; index < policy.sections.length; index++) {
            const indexed = await sectionRows(index, queueScopeOf(policy.sections[index]!.entity, userId)!);
            const reference = await sectionRows(index, referenceScopeOf(policy.sections[index]!.entity, userId));
            expect(indexed).toEqual(reference);
            expect(withoutIndex(all.filter((row) => row.section_index === index))).toEqual(reference);
            expect(indexed.map((row) => Number(row.id)).sort((a, b) => a - b)).toEqual(await sectionMembers(userId, index));
            if (reference.length > 0) {
              const anchor = reference[pick % reference.length]!;
              const after = { id: anchor.id as string, keys: anchor.sort_keys as Array<string | null> };
              expect(await sectionRows(index, queueScopeOf(policy.sections[index]!.entity, userId)!, after)).toEqual(
                await sectionRows(index, referenceScopeOf(policy.sections[index]!.entity, userId), after),
              );
            }
          }
          const counts = (scope: QueueScope) => {
            const query = compileQueueStageCountsSql(policy, catalogues.customer!, { now, timeZone, scope });
            return rows(`${query.sql} order by 1, 2`, query.params);
          };
          expect(await counts(queueScopeOf('customer', userId)!)).toEqual(await counts(referenceScopeOf('customer', userId)));
        }
      }),
      { numRuns: 10 },
    );
  }, 120_000);
});

describe('the queue follows ownership commands', () => {
  const refsOf = async (login: string) => {
    const response = await api(app, 'GET', '/api/me/queue?limit=200', { cookie: cookies[login] });
    expect(response.status).toBe(200);
    return response.body.sections.flatMap((section: { items: Array<{ entity: string; id: number }> }) => section.items.map((item) => `${item.entity}:${item.id}`));
  };
  const post = async (login: string, path: string, body: object) => {
    const response = await api(app, 'POST', path, { cookie: cookies[login], body });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };

  it('shows a claimed customer, shares it with a collaborator, and loses it for both on release', async () => {
    await clearRecords(app);
    const customer = await aQueueCustomer(app, null, { stage: 'target' });
    const opportunity = await anOpportunity(app, customer, { amount: 40 });
    expect(await refsOf('rep.li')).toEqual([]);

    const claim = await post('rep.li', '/api/customers/claims', { customerIds: [customer] });
    expect(claim.results).toEqual([{ customerId: customer, outcome: 'claimed' }]);
    expect((await refsOf('rep.li')).sort()).toEqual([`customer:${customer}`, `opportunity:${opportunity}`].sort());
    expect(await refsOf('rep.zhang')).toEqual([]);

    await post('admin', `/api/customers/${customer}/collaborators`, { userId: ids['rep.zhang'] });
    expect((await refsOf('rep.zhang')).sort()).toEqual([`customer:${customer}`, `opportunity:${opportunity}`].sort());
    expect((await refsOf('rep.li')).sort()).toEqual([`customer:${customer}`, `opportunity:${opportunity}`].sort());

    await post('admin', `/api/customers/${customer}/release`, {});
    expect(await refsOf('rep.li')).toEqual([]);
    expect(await refsOf('rep.zhang')).toEqual([]);
  });
});
