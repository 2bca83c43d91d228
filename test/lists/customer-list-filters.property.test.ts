import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import { compileConditionToPredicate, compileFactRowSelect, type FactRow } from '../../engine/conditions/index.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { dayTextNear, instantNear } from '../engine/condition-differential.records.ts';

/**
 * For generated customers, filters and sorts, GET /api/customers returns exactly the live customers the engine's
 * closure selects, in the requested order (empty values last, ties newest first), and following nextCursor visits
 * each of them once. Raise the runs with STAGECRAFT_PROPERTY_RUNS.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 25);
const timeZone = 'Asia/Shanghai';

let app: TestApp;
let admin: string;
let users: number[];
let catalogue: FactCatalogue;

beforeAll(async () => {
  app = await startTestApp('lists_property');
  await installGenericTemplate(app);
  await app.schema.pool.query('update app_user set time_zone = $1', [timeZone]);
  admin = await signIn(app, 'admin');
  users = [await userIdOf(app, 'rep.li'), await userIdOf(app, 'rep.zhang')];
  catalogue = await recordListCatalogue(app.orm.em.fork(), 'customer', true);
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const base = Math.floor(Date.now() / msPerDay) * msPerDay;

const customerArbitrary = fc.record({
  name: fc.constantFrom('Wang Wei', 'wang', 'An', 'ANN', '王', '北方', 'North', 'u1'),
  stage: fc.constantFrom('reserve', 'target', 'potential', 'opportunity', 'won'),
  ownership: fc.constantFrom('personal', 'collaborative', 'pool'),
  owner: fc.constantFrom(0, 1),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.2),
  call_count: fc.integer({ min: 0, max: 4 }),
  do_not_call: fc.boolean(),
  total_deal_amount: fc.constantFrom(0, 15, 15.5, 100),
  contract_ends_on: nullable(dayTextNear(base, { min: -3, max: 3 })),
  created_at: instantNear(base, { min: -40, max: 0 }).map((ms) => new Date(ms)),
  last_contact_at: nullable(instantNear(base, { min: -20, max: 0 }).map((ms) => new Date(ms))),
  next_follow_up_at: nullable(instantNear(base, { min: -2, max: 3 }).map((ms) => new Date(ms))),
  level: fc.constantFrom<unknown>('A', 'B', 'C', 'D', 'Z', '', null, 5),
  annualRevenue: fc.constantFrom<unknown>(0, 12.5, '15', 'abc', null),
});
type GeneratedCustomer = typeof customerArbitrary extends fc.Arbitrary<infer T> ? T : never;

const sortableFacts = ['name', 'stage', 'level', 'callCount', 'totalDealAmount', 'contractEndsOn', 'lastContactAt', 'nextFollowUpAt', 'custom.annualRevenue'];
const sortArbitrary: fc.Arbitrary<SortLevel[]> = fc
  .shuffledSubarray(sortableFacts, { maxLength: 4 })
  .chain((facts) => fc.tuple(...facts.map((fact) => fc.constantFrom<SortLevel>({ fact, direction: 'asc' }, { fact, direction: 'desc' }))));

async function loadCustomers(customers: readonly GeneratedCustomer[]): Promise<number[]> {
  await app.schema.pool.query('truncate customer, customer_owner, ownership_event, audit_entry, outbox cascade');
  const ids: number[] = [];
  for (const [index, c] of customers.entries()) {
    const owner = c.ownership === 'pool' ? null : users[c.owner]!;
    const custom: Record<string, unknown> = {};
    if (c.level !== null) custom['level'] = c.level;
    if (c.annualRevenue !== null) custom['annualRevenue'] = c.annualRevenue;
    const { rows } = await app.schema.pool.query(
      `insert into customer (name, name_key, stage, machine_snapshot, definition_key, definition_version, ownership, owner_id,
                             do_not_call, call_count, total_deal_amount, contract_ends_on, last_contact_at,
                             next_follow_up_at, custom_fields, created_at, deleted_at)
       values ($1, $14, $2::text, jsonb_build_object('value', $2::text, 'flags', '{}'::jsonb), 'customer-lifecycle', 1, $3, $4, $5, $6, $7, $8,
               $9, $10, $11, $12, case when $13::boolean then now() end)
       returning id::int as id`,
      [
        c.name, c.stage, c.ownership, owner, c.do_not_call, c.call_count, c.total_deal_amount, c.contract_ends_on,
        c.last_contact_at, c.next_follow_up_at, JSON.stringify(custom), c.created_at, c.deleted, `${c.name}#${index}`,
      ],
    );
    ids.push(rows[0].id);
    if (owner !== null) await app.schema.pool.query("insert into customer_owner (customer_id, user_id, role) values ($1, $2, 'primary')", [rows[0].id, owner]);
  }
  return ids;
}

type Key = number | string | null;

/** The value a sort level orders by, read from the generated data the way docs/lists.md describes. */
function sortKey(c: GeneratedCustomer, fact: string): Key {
  const position = (name: string, value: unknown) => {
    const options = catalogue.facts.find((f) => f.name === name)?.options?.map((o) => o.value) ?? [];
    const at = typeof value === 'string' ? options.indexOf(value) : -1;
    return at < 0 ? null : at + 1;
  };
  switch (fact) {
    case 'name':
      return c.name;
    case 'stage':
      return position('stage', c.stage);
    case 'level':
      return position('level', c.level);
    case 'callCount':
      return c.call_count;
    case 'totalDealAmount':
      return c.total_deal_amount;
    case 'contractEndsOn':
      return c.contract_ends_on;
    case 'lastContactAt':
      return c.last_contact_at?.getTime() ?? null;
    case 'nextFollowUpAt':
      return c.next_follow_up_at?.getTime() ?? null;
    case 'custom.annualRevenue':
      return typeof c.annualRevenue === 'number' ? c.annualRevenue : typeof c.annualRevenue === 'string' && /^[0-9.]+$/.test(c.annualRevenue) ? Number(c.annualRevenue) : null;
  }
  throw new Error(`no key for ${fact}`);
}

function compareKeys(a: Key, b: Key, direction: 'asc' | 'desc'): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return direction === 'asc' ? order : -order;
}

async function listAll(filter: unknown, sort: readonly SortLevel[], limit: number) {
  const pages: Array<{ ids: number[]; total: number }> = [];
  let cursor: string | null | undefined;
  do {
    const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: String(limit) });
    if (sort.length > 0) query.set('sort', JSON.stringify(sort));
    if (cursor) query.set('cursor', cursor);
    const response = await api(app, 'GET', `/api/customers?${query}`, { cookie: admin });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    pages.push({ ids: response.body.items.map((item: { id: number }) => item.id), total: response.body.total });
    cursor = response.body.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor !== null);
  return pages;
}

describe('customer list filters, sorts and pages', () => {
  it(`returns exactly what the engine's closure selects, in order, each row once across pages (${runs} generated cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerArbitrary, { minLength: 1, maxLength: 20 }),
        conditionArbitrary(catalogue, base),
        sortArbitrary,
        fc.integer({ min: 1, max: 6 }),
        async (customers, filter, sort, limit) => {
          const ids = await loadCustomers(customers);
          const byId = new Map(ids.map((id, index) => [id, customers[index]!]));
          const context = { now: Date.now(), timeZone };
          const select = compileFactRowSelect(catalogue, { context, tableAlias: 'c' });
          const { rows } = await app.schema.pool.query(`select ${select.sql} from customer c where c.deleted_at is null`, select.params);
          const predicate = compileConditionToPredicate(filter, catalogue).prepare(context);
          const expected = (rows as FactRow[]).filter(predicate).map((row) => Number(row['id']));

          const pages = await listAll(filter, sort, limit);
          const listed = pages.flatMap((page) => page.ids);
          expect(new Set(listed).size).toBe(listed.length);
          expect([...listed].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
          for (const page of pages) expect(page.total).toBe(expected.length);
          for (let i = 1; i < listed.length; i++) {
            const [before, after] = [byId.get(listed[i - 1]!)!, byId.get(listed[i]!)!];
            let order = 0;
            for (const level of sort) {
              order = compareKeys(sortKey(before, level.fact), sortKey(after, level.fact), level.direction);
              if (order !== 0) break;
            }
            if (order === 0) order = listed[i]! - listed[i - 1]!;
            expect(order, `${listed[i - 1]} before ${listed[i]} by ${JSON.stringify(sort)}`).toBeLessThan(0);
          }
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);
});
