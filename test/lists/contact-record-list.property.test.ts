import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FactCatalogue } from '../../definitions/fact-catalogue.schema.ts';
import { msPerDay } from '../../engine/conditions/calendar-days.ts';
import type { SortLevel } from '../../engine/lists/list-sort.ts';
import { contactChannels, contactOutcomeKeys } from '../../api/contact-records/contact-channels.ts';
import { recordListCatalogue } from '../../api/lists/record-list-catalogue.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { conditionArbitrary } from '../engine/condition-differential.conditions.ts';
import { instantNear } from '../engine/condition-differential.records.ts';
import { customersOfThreeOwners, insertCustomer, type Owner } from './customers-of-three-owners.ts';
import { expectListMatchesClosure } from './list-against-closure.ts';

/**
 * GET /api/contact-records: the contact records of every live customer the caller sees, through the same list
 * machinery as the other lists — checked against the engine's closure over the built-in contact-record catalogue on
 * generated records, for the admin and for a rep, who sees only those of the pool's customers and their own, and
 * nobody those of a deleted customer.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 20);
const timeZone = 'Asia/Shanghai';

type CustomerOf = Owner | 'deleted';

let app: TestApp;
const cookies = { admin: '', li: '' };
let customers: Record<CustomerOf, number>;
let authorId: number;
let authorIds: Record<'li' | 'zhang', number>;
let catalogue: FactCatalogue;

beforeAll(async () => {
  app = await startTestApp('lists_contact_records');
  await installGenericTemplate(app);
  await app.schema.pool.query('update app_user set time_zone = $1', [timeZone]);
  cookies.admin = await signIn(app, 'admin');
  cookies.li = await signIn(app, 'rep.li');
  authorId = await userIdOf(app, 'rep.li');
  authorIds = { li: authorId, zhang: await userIdOf(app, 'rep.zhang') };
  const deleted = await insertCustomer(app, '已删除的客户', authorId);
  await app.schema.pool.query('update customer set deleted_at = now() where id = $1', [deleted]);
  customers = { ...(await customersOfThreeOwners(app)), deleted };
  catalogue = await recordListCatalogue(app.orm.em.fork(), 'contactRecord', true);
  expect(catalogue.facts.map((fact) => fact.name)).toEqual(['channel', 'outcome', 'notes', 'occurredAt', 'nextFollowUpAt', 'reminderAt', 'createdAt', 'authorId']);
});
afterAll(async () => {
  await app?.close();
});

const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });
const base = Math.floor(Date.now() / msPerDay) * msPerDay;
const instant = (days: { min: number; max: number }) => instantNear(base, days).map((ms) => new Date(ms));

const contactRecordArbitrary = fc.record({
  customer: fc.constantFrom<CustomerOf>('li', 'zhang', 'pool', 'deleted'),
  author: fc.constantFrom<'li' | 'zhang'>('li', 'zhang'),
  channel: fc.constantFrom(...contactChannels),
  outcome: fc.constantFrom(...contactOutcomeKeys),
  notes: fc.constantFrom<string>('', 'Wang Wei', 'wang', '王', '回访 North', '138'),
  occurred_at: instant({ min: -5, max: 0 }),
  next_follow_up_at: nullable(instant({ min: -2, max: 5 })),
  reminder_at: nullable(instant({ min: -1, max: 3 })),
  created_at: instant({ min: -5, max: 0 }),
});
type GeneratedContactRecord = typeof contactRecordArbitrary extends fc.Arbitrary<infer T> ? T : never;

const sortableFacts = ['channel', 'outcome', 'notes', 'occurredAt', 'nextFollowUpAt', 'reminderAt', 'createdAt', 'authorId'];
const sortArbitrary: fc.Arbitrary<SortLevel[]> = fc
  .shuffledSubarray(sortableFacts, { maxLength: 4 })
  .chain((facts) => fc.tuple(...facts.map((fact) => fc.constantFrom<SortLevel>({ fact, direction: 'asc' }, { fact, direction: 'desc' }))));

async function loadContactRecords(records: readonly GeneratedContactRecord[]): Promise<number[]> {
  await app.schema.pool.query('delete from contact_record');
  const ids: number[] = [];
  for (const r of records) {
    const { rows } = await app.schema.pool.query(
      `insert into contact_record (customer_id, channel, outcome, notes, occurred_at, next_follow_up_at, reminder_at, author_id, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       returning id::int as id`,
      [customers[r.customer], r.channel, r.outcome, r.notes, r.occurred_at, r.next_follow_up_at, r.reminder_at, authorIds[r.author], r.created_at],
    );
    ids.push(rows[0].id);
  }
  return ids;
}

const someRecord = (customer: CustomerOf, outcome: GeneratedContactRecord['outcome'], notes: string): GeneratedContactRecord => ({
  customer,
  author: 'li',
  channel: 'call',
  outcome,
  notes,
  occurred_at: new Date(base - msPerDay),
  next_follow_up_at: null,
  reminder_at: null,
  created_at: new Date(base - msPerDay),
});

describe('contact record list filters, sorts and pages', () => {
  it(`answers what the closure selects in one sorted order across pages, and a rep only their customers' and the pool's (${runs} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactRecordArbitrary, { minLength: 1, maxLength: 16 }),
        conditionArbitrary(catalogue, base),
        sortArbitrary,
        fc.integer({ min: 1, max: 5 }),
        async (records, filter, sort, limit) => {
          const ids = await loadContactRecords(records);
          const byId = new Map(ids.map((id, index) => [id, records[index]!]));
          await expectListMatchesClosure(
            app,
            {
              path: '/api/contact-records',
              table: 'contact_record',
              alias: 'r',
              catalogue,
              live: 'exists (select 1 from customer c where c.id = r.customer_id and c.deleted_at is null)',
            },
            { filter, sort, limit, timeZone, admin: cookies.admin },
            { cookie: cookies.li, maySee: (id) => byId.get(id)!.customer !== 'zhang' },
          );
        },
      ),
      { numRuns: runs },
    );
  }, 240_000);

  it('selects one rep’s records on chosen local days, as the managers’ review page exports them', async () => {
    const day = (daysAgo: number) => new Date(base - daysAgo * msPerDay);
    const ids = await loadContactRecords([
      { ...someRecord('li', 'noAnswer', 'li, yesterday'), occurred_at: day(1) },
      { ...someRecord('li', 'busy', 'zhang, yesterday'), author: 'zhang', occurred_at: day(1) },
      { ...someRecord('li', 'busy', 'zhang, four days ago'), author: 'zhang', occurred_at: day(4) },
    ]);
    const localDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    const filter = {
      all: [
        { fact: 'authorId', operator: 'equal', value: authorIds.zhang },
        { fact: 'occurredAt', operator: 'greaterThanInclusive', value: localDay(day(2)) },
        { fact: 'occurredAt', operator: 'lessThanInclusive', value: localDay(day(0)) },
      ],
    };
    const answer = await api(app, 'GET', `/api/contact-records?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=-occurredAt`, { cookie: cookies.admin });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.items.map((item: { id: number }) => item.id)).toEqual([ids[1]]);
  });

  it('lists newest entered first without a sort, pages by the plain cursor, and labels outcomes', async () => {
    const ids = await loadContactRecords([someRecord('li', 'noAnswer', 'a'), someRecord('pool', 'interested', 'b'), someRecord('zhang', 'busy', 'c')]);
    const first = await api(app, 'GET', '/api/contact-records?limit=1', { cookie: cookies.li });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(2);
    expect(first.body.items.map((item: { id: number }) => item.id)).toEqual([ids[1]]);
    expect(first.body.items[0].outcomeLabel).toEqual({ en: 'Interested', 'zh-CN': '有意向' });
    const second = await api(app, 'GET', `/api/contact-records?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`, { cookie: cookies.li });
    expect(second.body.items.map((item: { id: number }) => item.id)).toEqual([ids[0]]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('refuses a bad filter, sort or cursor with 400 naming the path, and a caller signed out with 401', async () => {
    const leaf = encodeURIComponent(JSON.stringify({ all: [{ fact: 'outcome', operator: 'equal', value: 'noAnswer' }, { fact: 'stage', operator: 'equal', value: 'won' }] }));
    const unknownFact = await api(app, 'GET', `/api/contact-records?filter=${leaf}`, { cookie: cookies.li });
    expect(unknownFact.status).toBe(400);
    expect(unknownFact.headers.get('content-type')).toContain('application/problem+json');
    expect(unknownFact.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/filter/all/1/fact']);

    const badValue = encodeURIComponent(JSON.stringify({ fact: 'occurredAt', operator: 'greaterThan', value: 'yesterday' }));
    const wrongValue = await api(app, 'GET', `/api/contact-records?filter=${badValue}`, { cookie: cookies.li });
    expect(wrongValue.status).toBe(400);
    expect(wrongValue.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/filter/value']);

    const malformed = await api(app, 'GET', '/api/contact-records?filter=%7Bnot-json', { cookie: cookies.li });
    expect(malformed.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/filter']);

    const wrongSort = await api(app, 'GET', '/api/contact-records?sort=-occurredAt,name', { cookie: cookies.li });
    expect(wrongSort.status).toBe(400);
    expect(wrongSort.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/sort/1']);

    const wrongCursor = await api(app, 'GET', '/api/contact-records?sort=notes&cursor=12', { cookie: cookies.li });
    expect(wrongCursor.status).toBe(400);
    expect(wrongCursor.body.errors.map((error: { path: string }) => error.path)).toEqual(['/query/cursor']);

    const signedOut = await api(app, 'GET', '/api/contact-records');
    expect(signedOut.status).toBe(401);
  });

  it('offers every catalogue fact to the filter builder, all of them usable', async () => {
    const response = await api(app, 'GET', '/api/lists/contactRecord/fields', { cookie: cookies.li });
    expect(response.status).toBe(200);
    const fields = response.body.fields as Array<{ name: string; sortable: boolean; access: string; options?: unknown[] }>;
    expect(fields.map((field) => field.name)).toEqual(sortableFacts);
    expect(fields.every((field) => field.sortable && field.access === 'write')).toBe(true);
    expect(fields.find((field) => field.name === 'channel')!.options).toHaveLength(contactChannels.length);
  });

  it('keeps saved views of the list, checked against its catalogue', async () => {
    const view = {
      entity: 'contactRecord',
      name: { en: 'Unanswered calls', 'zh-CN': '未接通电话' },
      columns: ['occurredAt', 'outcome', 'notes'],
      filter: { all: [{ fact: 'channel', operator: 'equal', value: 'call' }, { fact: 'outcome', operator: 'in', value: ['noAnswer', 'busy'] }] },
      sort: [{ fact: 'occurredAt', direction: 'desc' }],
      sharedWithRoles: ['rep'],
    };
    const saved = await api(app, 'POST', '/api/saved-views', { cookie: cookies.admin, body: view });
    expect(saved.status).toBe(201);
    const mine = await api(app, 'GET', '/api/saved-views?entity=contactRecord', { cookie: cookies.li });
    expect(mine.body.items.map((item: { id: number }) => item.id)).toEqual([saved.body.id]);
    const wrong = await api(app, 'POST', '/api/saved-views', {
      cookie: cookies.admin,
      body: { ...view, filter: { fact: 'outcome', operator: 'equal', value: 'hungUp' } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((error: { path: string }) => error.path)).toEqual(['/filter/value']);
  });

  it('exports the filtered list, only records of customers the exporter sees, outcomes in words', async () => {
    await loadContactRecords([someRecord('li', 'noAnswer', 'mine'), someRecord('zhang', 'noAnswer', 'theirs'), someRecord('pool', 'quoted', 'pool')]);
    const filter = JSON.stringify({ fact: 'outcome', operator: 'equal', value: 'noAnswer' });
    const query = new URLSearchParams({ filter, columns: 'customerId,outcome,notes' });
    const response = await fetch(`${app.url}/api/contact-records/export?${query}`, { headers: { cookie: cookies.admin, origin: app.url, 'accept-language': 'en' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/contact-records-\d{4}-\d{2}-\d{2}\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      ['Customer ID', 'outcome', 'notes'],
      [customers.zhang, 'No answer', 'theirs'],
      [customers.li, 'No answer', 'mine'],
    ]);
  });
});
