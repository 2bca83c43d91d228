import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Condition } from '../../definitions/condition.schema.ts';
import { defaultFactCatalogues } from '../../definitions/defaults/facts/default-fact-catalogues.ts';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import type { Rule } from '../../definitions/rule.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import { buildRulesEngineEvaluator, compileFactRowSelect, type FactRow } from '../../engine/conditions/index.ts';
import { recycleReasonWords } from '../../engine/recycling/recycle-reason.ts';
import { ruleFiringCondition } from '../../engine/rules/rule-condition.ts';
import { boundQuery } from '../../api/database/bound-query.ts';
import { recyclePreviewStatement, recycleSweepStatement, type RecycleRun } from '../../api/recycling/recycle-sweep.statement.ts';
import { recycleWarningStatement } from '../../api/recycling/recycle-warning.statement.ts';
import { installDemoPeople } from '../support/people-fixtures.ts';
import { userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { contextArbitrary, dayTextNear, instantNear } from '../engine/condition-differential.records.ts';

/**
 * For generated customers and generated recycle rules (conditions and exemptions over the customer catalogue), the
 * one-statement sweep moves exactly the live, owned customers json-rules-engine says the rule fires on; the preview
 * lists the same set beforehand, and the warning statement picks exactly those that do not fire now but would
 * within the warning days. Raise the runs with STAGECRAFT_PROPERTY_RUNS.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 25);
const warningDays = 2;

// ownerId is text in the catalogue but bigint in the table: PostgreSQL refuses `bigint = text`, so it is left out here
// (see docs/recycling.md); every other customer fact takes part.
const catalogue: FactCatalogue = {
  ...defaultFactCatalogues.customer,
  facts: defaultFactCatalogues.customer.facts.filter((fact) => fact.name !== 'ownerId'),
};

let app: TestApp;
let users: number[];

beforeAll(async () => {
  app = await startTestApp('recycle_property');
  await installDemoPeople(app);
  users = [await userIdOf(app, 'rep.li'), await userIdOf(app, 'rep.zhang')];
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 4 });

function customerArbitrary(base: number) {
  const instant = (min: number, max: number) => instantNear(base, { min, max }).map((ms) => new Date(ms));
  return fc.record({
    stage: fc.constantFrom('reserve', 'target', 'potential', 'opportunity', 'won'),
    ownership: fc.constantFrom('personal', 'collaborative', 'pool'),
    owner: fc.constantFrom(0, 1),
    deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.3),
    call_count: fc.integer({ min: 0, max: 20 }),
    do_not_call: fc.boolean(),
    total_deal_amount: fc.constantFrom(0, 15, 15.5, 99.99, 100),
    contract_ends_on: nullable(dayTextNear(base, { min: -3, max: 3 })),
    created_at: instant(-40, 0),
    last_contact_at: nullable(instant(-20, 1)),
    last_deal_at: nullable(instant(-20, 0)),
    next_follow_up_at: nullable(instant(-2, 3)),
    level: fc.constantFrom<unknown>('A', 'B', 'C', 'D', 'Z', '', null, 5),
  });
}

type GeneratedCustomer = ReturnType<typeof customerArbitrary> extends fc.Arbitrary<infer T> ? T : never;

const caseArbitrary = contextArbitrary.chain((context) => {
  const base = Math.floor(context.now / msPerDay) * msPerDay;
  return fc.record({
    context: fc.constant(context),
    customers: fc.array(customerArbitrary(base), { minLength: 1, maxLength: 25 }),
    conditions: conditionArbitrary(catalogue, base),
    exemptions: fc.array(conditionArbitrary(catalogue, base), { maxLength: 2 }),
  });
});

async function loadCustomers(customers: readonly GeneratedCustomer[]): Promise<void> {
  await app.schema.pool.query('truncate customer, customer_owner, ownership_event, audit_entry, outbox, recycled_customer cascade');
  for (const [index, c] of customers.entries()) {
    const owner = c.ownership === 'pool' ? null : users[c.owner]!;
    const { rows } = await app.schema.pool.query(
      `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id,
                             do_not_call, call_count, total_deal_amount, contract_ends_on, last_contact_at, last_deal_at,
                             next_follow_up_at, custom_fields, created_at, deleted_at)
       values ($1, $1, $2::text, jsonb_build_object('value', $2::text, 'flags', '{}'::jsonb), 'customer-lifecycle', 1, $3, $4, $5, $6, $7, $8,
               $9, $10, $11, $12, $13, case when $14::boolean then now() end)
       returning id::int as id`,
      [
        `客户${index}`, c.stage, c.ownership, owner, c.do_not_call, c.call_count, c.total_deal_amount, c.contract_ends_on,
        c.last_contact_at, c.last_deal_at, c.next_follow_up_at, JSON.stringify(c.level === null ? {} : { level: c.level }), c.created_at, c.deleted,
      ],
    );
    if (owner === null) continue;
    const id = rows[0].id;
    await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'primary')", [id, owner]);
    if (c.ownership === 'collaborative') {
      await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'collaborator')", [id, users[1 - c.owner]]);
    }
  }
}

function ruleOf(conditions: Condition, exemptions: Condition[]): Rule {
  return {
    id: 'recycle-generated',
    name: { en: 'Generated rule', 'zh-CN': '生成的规则' },
    kind: 'recycle',
    entity: 'customer',
    trigger: { schedule: { cron: '0 2 * * *' } },
    conditions,
    effects: [
      { type: 'releaseToPool', params: { reason: 'recycled' } },
      { type: 'notify', params: { to: ['owner'], title: { en: 'Recycled', 'zh-CN': '已回收' } } },
    ],
    enabled: true,
    recycle: {
      warningDays,
      coolDownDays: 3,
      exemptions: exemptions.map((condition, index) => ({ label: { en: `exemption ${index}`, 'zh-CN': `例外 ${index}` }, condition })),
    },
  } as Rule;
}

const sorted = (ids: Iterable<number>) => [...ids].sort((a, b) => a - b);

describe('the compiled recycle sweep agrees with json-rules-engine', () => {
  it(`moves, previews and warns exactly the customers the reference selects (${runs} generated cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, async ({ context, customers, conditions, exemptions }) => {
        await loadCustomers(customers);
        const rule = ruleOf(conditions, exemptions);
        const select = compileFactRowSelect(catalogue, { context, tableAlias: 'c' });
        const { rows: factRows } = await app.schema.pool.query(
          `select ${select.sql} from customer c where c.deleted_at is null and c.ownership <> 'pool' order by c.id`,
          select.params,
        );
        const reference = buildRulesEngineEvaluator(ruleFiringCondition(rule), catalogue);
        const firesAt = async (row: FactRow, days: number) => reference.run(row, { now: context.now + days * msPerDay, timeZone: context.timeZone });
        const expectedMoved: number[] = [];
        const expectedWarned: number[] = [];
        for (const row of factRows as FactRow[]) {
          const id = Number(row['id']);
          if (await firesAt(row, 0)) expectedMoved.push(id);
          else if ((await firesAt(row, 1)) || (await firesAt(row, 2))) expectedWarned.push(id);
        }

        const run: RecycleRun = {
          rule,
          ruleVersion: 1,
          catalogue,
          context: { now: new Date(context.now), timeZone: context.timeZone },
          reason: recycleReasonWords(rule, catalogue),
          requestId: null,
        };
        const em = app.orm.em.fork();
        const preview = recyclePreviewStatement(run, 1000);
        const previewed = await boundQuery<{ id: number }>(em, preview.sql, preview.params);
        const warning = recycleWarningStatement(run)!;
        const warningIds = await em.transactional(async (tx) => {
          await boundQuery(tx, warning.sql, warning.params);
          return (await boundQuery<{ id: number }>(tx, "select (payload->>'recordId')::int as id from outbox")).map((r) => r.id);
        });
        const sweep = recycleSweepStatement(run, 1000);
        const [result] = await em.transactional((tx) => boundQuery<{ moved: number; sample: number[] }>(tx, sweep.sql, sweep.params));
        const audited = await boundQuery<{ id: number }>(em, "select record_id::int as id from audit_entry where action = 'recycle'");
        const stillOwned = await boundQuery<{ n: number }>(em, 'select count(*)::int as n from customer_owner where customer_id = any($1::bigint[])', [
          expectedMoved,
        ]);

        expect(sorted(previewed.map((r) => r.id))).toEqual(sorted(expectedMoved));
        expect(sorted(warningIds)).toEqual(sorted(expectedWarned));
        expect(result!.moved).toBe(expectedMoved.length);
        expect(sorted(result!.sample)).toEqual(sorted(expectedMoved));
        expect(sorted(audited.map((r) => r.id))).toEqual(sorted(expectedMoved));
        expect(stillOwned[0]!.n).toBe(0);
      }),
      { numRuns: runs },
    );
  }, 240_000);
});
