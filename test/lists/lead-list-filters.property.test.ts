import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { instantNear } from '../engine/condition-differential.records.ts';
import { expectListMatchesClosure } from './list-against-closure.ts';

/**
 * The lead list is the customer list's machinery over another source: for generated leads (with custom fields),
 * filters and sorts, GET /api/leads returns exactly the leads the engine's closure selects, in the one big sorted
 * order, each once across keyset pages — and a rep, whatever the filter, only those in the pool or their own.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 20);
const timeZone = 'Asia/Shanghai';

let app: TestApp;
const cookies = { admin: '', li: '' };
let users: number[];
let catalogue: FactCatalogue;

const leadFields = {
  entity: 'lead',
  fields: [
    { key: 'budget', type: 'number', label: { en: 'Budget', 'zh-CN': '预算' } },
    {
      key: 'tier',
      type: 'dropdown',
      label: { en: 'Tier', 'zh-CN': '等级' },
      options: [
        { value: 'gold', label: { en: 'Gold', 'zh-CN': '金' } },
        { value: 'silver', label: { en: 'Silver', 'zh-CN': '银' } },
      ],
    },
  ],
};

beforeAll(async () => {
  app = await startTestApp('lists_leads_property');
  await installGenericTemplate(app);
  await app.schema.pool.query(
    `insert into definition_version (kind, key, version, document, source) values ('fieldDefinitions', 'lead', 1, $1, 'lead list test')`,
    [JSON.stringify(leadFields)],
  );
  await app.schema.pool.query('update app_user set time_zone = $1', [timeZone]);
  cookies.admin = await signIn(app, 'admin');
  cookies.li = await signIn(app, 'rep.li');
  users = [await userIdOf(app, 'rep.li'), await userIdOf(app, 'rep.zhang')];
  catalogue = await recordListCatalogue(app.orm.em.fork(), 'lead', true);
  expect(catalogue.facts.map((fact) => fact.name)).toEqual(expect.arrayContaining(['custom.budget', 'custom.tier', 'status']));
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const base = Math.floor(Date.now() / msPerDay) * msPerDay;

const leadArbitrary = fc.record({
  name: fc.constantFrom('Wang Wei', 'wang', 'An', 'ANN', '王', '北方', 'North', 'u1'),
  company: nullable(fc.constantFrom('North Ltd', '北方公司', '', 'an')),
  region: nullable(fc.constantFrom('上海', '北京', 'north')),
  status: fc.constantFrom('new', 'working', 'converted', 'disqualified'),
  source: fc.constantFrom('website', 'referral', 'coldCall'),
  score: nullable(fc.integer({ min: 0, max: 100 })),
  owner: fc.constantFrom<number | null>(0, 1, null),
  deleted: fc.boolean().map((deleted) => deleted && Math.random() < 0.2),
  created_at: instantNear(base, { min: -40, max: 0 }).map((ms) => new Date(ms)),
  last_contact_at: nullable(instantNear(base, { min: -20, max: 0 }).map((ms) => new Date(ms))),
  budget: fc.constantFrom<unknown>(0, 12.5, '15', 'abc', null),
  tier: fc.constantFrom<unknown>('gold', 'silver', 'bronze', '', null),
});
type GeneratedLead = typeof leadArbitrary extends fc.Arbitrary<infer T> ? T : never;

const sortableFacts = ['name', 'company', 'status', 'score', 'createdAt', 'lastContactAt', 'custom.budget', 'custom.tier'];
const sortArbitrary: fc.Arbitrary<SortLevel[]> = fc
  .shuffledSubarray(sortableFacts, { maxLength: 4 })
  .chain((facts) => fc.tuple(...facts.map((fact) => fc.constantFrom<SortLevel>({ fact, direction: 'asc' }, { fact, direction: 'desc' }))));

async function loadLeads(leads: readonly GeneratedLead[]): Promise<number[]> {
  await app.schema.pool.query('truncate lead cascade');
  const ids: number[] = [];
  for (const lead of leads) {
    const owner = lead.owner === null ? null : users[lead.owner]!;
    const custom: Record<string, unknown> = {};
    if (lead.budget !== null) custom['budget'] = lead.budget;
    if (lead.tier !== null) custom['tier'] = lead.tier;
    const { rows } = await app.schema.pool.query(
      `insert into lead (name, company, region, source, score, status, ownership, owner_id, custom_fields, machine_snapshot,
                         definition_key, definition_version, created_at, updated_at, last_contact_at, deleted_at)
       values ($1, $2, $3, $4, $5, $6::text, $7, $8, $9, jsonb_build_object('value', $6::text), 'lead-qualification', 1, $10, $10, $11,
               case when $12::boolean then now() end)
       returning id::int as id`,
      [lead.name, lead.company, lead.region, lead.source, lead.score, lead.status, owner === null ? 'pool' : 'personal', owner,
        JSON.stringify(custom), lead.created_at, lead.last_contact_at, lead.deleted],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

describe('lead list filters, sorts and pages', () => {
  it(`pages through one big sorted query of what the closure selects, and shows a rep only the pool and their own (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadArbitrary, { minLength: 1, maxLength: 16 }),
        conditionArbitrary(catalogue, base),
        sortArbitrary,
        fc.integer({ min: 1, max: 5 }),
        async (leads, filter, sort, limit) => {
          const ids = await loadLeads(leads);
          const byId = new Map(ids.map((id, index) => [id, leads[index]!]));
          await expectListMatchesClosure(
            app,
            { path: '/api/leads', table: 'lead', alias: 'l', catalogue },
            { filter, sort, limit, timeZone, admin: cookies.admin },
            // rep.li sees the pool and their own: never rep.zhang's, whatever the filter.
            { cookie: cookies.li, maySee: (id) => byId.get(id)!.owner !== 1 },
          );
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it('refuses a filter on an unknown fact, naming its leaf', async () => {
    const filter = { any: [{ fact: 'status', operator: 'equal', value: 'new' }, { fact: 'shoeSize', operator: 'equal', value: 3 }] };
    const response = await api(app, 'GET', `/api/leads?filter=${encodeURIComponent(JSON.stringify(filter))}`, { cookie: cookies.admin });
    expect(response.status).toBe(400);
    expect(response.body.errors.every((error: { path: string }) => error.path.startsWith('/query/filter/any/1'))).toBe(true);
  });
});
