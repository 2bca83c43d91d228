import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { dayTextNear, instantNear } from '../engine/condition-differential.records.ts';
import { customersOfThreeOwners, type Owner } from './customers-of-three-owners.ts';
import { expectListMatchesClosure } from './list-against-closure.ts';

/**
 * GET /api/opportunities: every opportunity of a customer the caller sees, through the same list machinery as
 * customers and leads — checked against the engine's closure on generated opportunities with custom fields, for
 * the admin and for a rep, who sees only those of the pool's customers and their own.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 20);
const timeZone = 'Asia/Shanghai';

let app: TestApp;
const cookies = { admin: '', li: '' };
let customers: Record<Owner, number>;
let catalogue: FactCatalogue;

beforeAll(async () => {
  app = await startTestApp('lists_opportunities');
  await installGenericTemplate(app);
  await app.schema.pool.query(
    `insert into definition_version (kind, key, version, document, source) values ('fieldDefinitions', 'opportunity', 1, $1, 'opportunity list test')`,
    [JSON.stringify({ entity: 'opportunity', fields: [{ key: 'region', type: 'text', label: { en: 'Region', 'zh-CN': '区域' } }] })],
  );
  await app.schema.pool.query('update app_user set time_zone = $1', [timeZone]);
  cookies.admin = await signIn(app, 'admin');
  cookies.li = await signIn(app, 'rep.li');
  customers = await customersOfThreeOwners(app);
  catalogue = await recordListCatalogue(app.orm.em.fork(), 'opportunity', true);
  expect(catalogue.facts.map((fact) => fact.name)).toEqual(expect.arrayContaining(['custom.region', 'stage', 'amount']));
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const base = Math.floor(Date.now() / msPerDay) * msPerDay;

const opportunityArbitrary = fc.record({
  name: fc.constantFrom('Wang Wei', 'wang', 'An', '王', '北方', 'North'),
  customer: fc.constantFrom<Owner>('li', 'zhang', 'pool'),
  stage: fc.constantFrom('qualification', 'proposal', 'negotiation', 'won', 'lost'),
  status: fc.constantFrom('open', 'won', 'lost'),
  amount: nullable(fc.constantFrom(0, 15, 15.5, 100, 1000)),
  probability: nullable(fc.constantFrom(10, 40, 70, 100)),
  expected_close_on: nullable(dayTextNear(base, { min: -3, max: 3 })),
  created_at: instantNear(base, { min: -40, max: 0 }).map((ms) => new Date(ms)),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.2),
  region: fc.constantFrom<unknown>('华东', 'north', '', null, 3),
});
type GeneratedOpportunity = typeof opportunityArbitrary extends fc.Arbitrary<infer T> ? T : never;

const sortableFacts = ['name', 'stage', 'status', 'amount', 'probability', 'expectedCloseOn', 'createdAt', 'custom.region'];
const sortArbitrary: fc.Arbitrary<SortLevel[]> = fc
  .shuffledSubarray(sortableFacts, { maxLength: 4 })
  .chain((facts) => fc.tuple(...facts.map((fact) => fc.constantFrom<SortLevel>({ fact, direction: 'asc' }, { fact, direction: 'desc' }))));

async function loadOpportunities(opportunities: readonly GeneratedOpportunity[]): Promise<number[]> {
  await app.schema.pool.query('delete from opportunity');
  const ids: number[] = [];
  for (const o of opportunities) {
    const custom = o.region === null ? {} : { region: o.region };
    const { rows } = await app.schema.pool.query(
      `insert into opportunity (customer_id, name, stage, status, amount, probability, expected_close_on, machine_snapshot, definition_key,
                                definition_version, custom_fields, created_at, updated_at, deleted_at)
       values ($1, $2, $3::text, $4, $5, $6, $7, jsonb_build_object('value', $3::text), 'opportunity-funnel', 1, $8, $9, $9,
               case when $10::boolean then now() end)
       returning id::int as id`,
      [customers[o.customer], o.name, o.stage, o.status, o.amount, o.probability, o.expected_close_on, JSON.stringify(custom), o.created_at, o.deleted],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

describe('opportunity list filters, sorts and pages', () => {
  it(`answers what the closure selects in one sorted order across pages, and a rep only their customers' and the pool's (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opportunityArbitrary, { minLength: 1, maxLength: 16 }),
        conditionArbitrary(catalogue, base),
        sortArbitrary,
        fc.integer({ min: 1, max: 5 }),
        async (opportunities, filter, sort, limit) => {
          const ids = await loadOpportunities(opportunities);
          const byId = new Map(ids.map((id, index) => [id, opportunities[index]!]));
          await expectListMatchesClosure(
            app,
            { path: '/api/opportunities', table: 'opportunity', alias: 'o', catalogue },
            { filter, sort, limit, timeZone, admin: cookies.admin },
            { cookie: cookies.li, maySee: (id) => byId.get(id)!.customer !== 'zhang' },
          );
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it('takes the older status parameter with a filter, and refuses a customer fact', async () => {
    await loadOpportunities([
      { name: 'An', customer: 'li', stage: 'proposal', status: 'open', amount: 15, probability: 40, expected_close_on: null, created_at: new Date(), deleted: false, region: '华东' },
      { name: 'wang', customer: 'li', stage: 'won', status: 'won', amount: 100, probability: 100, expected_close_on: null, created_at: new Date(), deleted: false, region: '华东' },
    ]);
    const filter = encodeURIComponent(JSON.stringify({ fact: 'custom.region', operator: 'equal', value: '华东' }));
    const open = await api(app, 'GET', `/api/opportunities?status=open&filter=${filter}`, { cookie: cookies.li });
    expect(open.status).toBe(200);
    expect(open.body.items.map((item: { name: string }) => item.name)).toEqual(['An']);
    expect(open.body.total).toBe(1);
    const wrong = await api(app, 'GET', `/api/opportunities?sort=callCount`, { cookie: cookies.li });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/sort/0']);
  });
});
