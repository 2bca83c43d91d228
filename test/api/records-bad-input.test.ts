import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, tableSnapshot } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Bad input leaves the database exactly as it was: generated bodies, each broken in at least one field, sent to
 * every write endpoint of the records core. None may answer 5xx; each answers 4xx problem+json naming the JSON path
 * of what is wrong; row counts and an md5 of every row of every records table stay the same. Raise the runs per
 * endpoint with STAGECRAFT_PROPERTY_RUNS.
 */
const runsPerEndpoint = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 60);

let app: TestApp;
let admin: string;
const at: Record<string, number> = {};

beforeAll(async () => {
  app = await startTestApp('records_bad_input');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  at.customer = (await api(app, 'POST', '/api/customers', { cookie: admin, body: { name: '坏输入测试客户', phone: '13800138000' } })).body.id;
  at.contact = (await api(app, 'POST', `/api/customers/${at.customer}/contacts`, { cookie: admin, body: { name: '测试联系人' } })).body.id;
  at.record = (await api(app, 'POST', `/api/customers/${at.customer}/contact-records`, { cookie: admin, body: { channel: 'call', outcome: 'busy' } })).body.id;
});
afterAll(async () => {
  await app?.close();
});

const anyJson = fc.jsonValue({ maxDepth: 2 });
const notString = fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));
const notStringOrNull = notString;
const notBoolean = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.boolean(), { maxLength: 2 }));
const notObject = fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
const tooLong = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 20, unit: 'grapheme-ascii' }).filter((s) => s.length > max);
const blankText = fc.constantFrom('', ' ', '\t\n');
const notInstant = fc.oneof(notStringOrNull, fc.constantFrom('yesterday', '2026-02-30T25:00:00Z', '2026-01-01'));
const pastInstant = fc.integer({ min: 2, max: 1000 }).map((hours) => new Date(Date.now() - hours * 3_600_000).toISOString());
const futureInstant = fc.integer({ min: 2, max: 1000 }).map((hours) => new Date(Date.now() + hours * 3_600_000).toISOString());
const badPhone = fc.oneof(notStringOrNull, tooLong(40), fc.constantFrom('12345', 'call me', '000', '+1'));
const badVersion = fc.oneof(fc.constantFrom(0, -1, 1.5, 1_000_000_000), fc.string(), fc.boolean(), fc.constant(null));
const unknownKey = fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !['__proto__', 'constructor'].includes(key));

/** `base` with 1–3 of its fields replaced by values that are wrong on their own, or an unexpected key added. */
function broken(base: Record<string, unknown>, badValues: Record<string, fc.Arbitrary<unknown>>) {
  const known = new Set([...Object.keys(base), ...Object.keys(badValues)]);
  const corruption = fc.oneof(
    ...Object.entries(badValues).map(([key, value]) => value.map((bad) => ({ [key]: bad }))),
    fc.tuple(unknownKey.filter((key) => !known.has(key)), anyJson).map(([key, value]) => ({ [key]: value })),
  );
  return fc.oneof(
    { weight: 9, arbitrary: fc.array(corruption, { minLength: 1, maxLength: 3 }).map((parts) => Object.assign({ ...base }, ...parts)) },
    { weight: 1, arbitrary: fc.array(anyJson, { maxLength: 3 }) },
  );
}

const customerFieldsBad = fc.oneof(
  notObject,
  fc.constantFrom({ industry: 'mining' }, { annualRevenue: -5 }, { level: 'Z' }, { noSuchField: 1 }, { website: 'not a url' }, { foundedOn: '2026-02-30' }),
);
const customerBad = {
  name: fc.oneof(notString, blankText, tooLong(200)),
  phone: badPhone,
  keywords: fc.oneof(notObject.filter((v) => !Array.isArray(v)), fc.constant(['']), fc.constant([1]), fc.constant(Array.from({ length: 11 }, (_, i) => `k${i}`))),
  doNotCall: notBoolean,
  contractEndsOn: fc.oneof(notString, fc.constantFrom('2026-13-45', 'tomorrow')),
  customFields: customerFieldsBad,
};
const contactBad = {
  name: fc.oneof(notString, blankText, tooLong(120)),
  title: fc.oneof(notStringOrNull, tooLong(120)),
  phone: badPhone,
  email: fc.oneof(fc.integer(), fc.constantFrom('not-an-email', 'a@', '@b.cn')),
  wechat: fc.oneof(fc.integer(), tooLong(64)),
  isPrimary: notBoolean,
  customFields: fc.oneof(notObject, fc.constant({ anything: 1 })),
};
const recordBad = {
  outcome: fc.oneof(notString, fc.constantFrom('teleported', '')),
  notes: fc.oneof(fc.integer(), fc.boolean(), tooLong(4000)),
  nextFollowUpAt: fc.oneof(notInstant, pastInstant),
  reminderAt: fc.oneof(notInstant, pastInstant),
};

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  headers?: Record<string, string>;
  bodies: fc.Arbitrary<unknown>;
}

const endpoints: Endpoint[] = [
  {
    name: 'create a customer',
    method: 'POST',
    path: () => '/api/customers',
    bodies: broken({ name: '新客户', phone: '13900139000' }, {
      ...customerBad,
      stage: fc.oneof(notString, fc.constantFrom('', 'Bad Stage', 'nowhere')),
      ownership: fc.oneof(notString, fc.constantFrom('team', 'shared', '')),
    }),
  },
  {
    name: 'change a customer',
    method: 'PATCH',
    path: () => `/api/customers/${at.customer}`,
    headers: { 'if-match': '"1"' },
    bodies: broken({ phone: '13900139001' }, { ...customerBad, version: badVersion }),
  },
  {
    name: 'add a contact',
    method: 'POST',
    path: () => `/api/customers/${at.customer}/contacts`,
    bodies: broken({ name: '新联系人', phone: '13700137000' }, contactBad),
  },
  {
    name: 'change a contact',
    method: 'PATCH',
    path: () => `/api/customers/${at.customer}/contacts/${at.contact}`,
    headers: { 'if-match': '"1"' },
    bodies: broken({ title: '经理' }, { ...contactBad, version: badVersion }),
  },
  {
    name: 'log a contact',
    method: 'POST',
    path: () => `/api/customers/${at.customer}/contact-records`,
    bodies: broken({ channel: 'call', outcome: 'connected' }, {
      ...recordBad,
      channel: fc.oneof(notString, fc.constantFrom('fax', 'telepathy')),
      occurredAt: fc.oneof(notInstant, futureInstant),
      contactId: fc.oneof(fc.constantFrom(0, -3, 1.5, 999_999), fc.string()),
    }),
  },
  {
    name: 'correct a contact record',
    method: 'PATCH',
    path: () => `/api/customers/${at.customer}/contact-records/${at.record}`,
    headers: { 'if-match': '"1"' },
    bodies: broken({ notes: '更正' }, { ...recordBad, version: badVersion }),
  },
];

describe('bad input to the records endpoints', () => {
  it.each(endpoints)('$name: never 5xx, always 4xx problem+json naming paths, and not one row changes', async (endpoint) => {
    const before = await tableSnapshot(app);
    await fc.assert(
      fc.asyncProperty(endpoint.bodies, async (body) => {
        const response = await call(app, endpoint.method, endpoint.path(), {
          cookie: admin,
          body: JSON.stringify(body),
          ...(endpoint.headers === undefined ? {} : { headers: endpoint.headers }),
        });
        const problem = response.json();
        expect(response.status, response.text).toBeGreaterThanOrEqual(400);
        expect(response.status, response.text).toBeLessThan(500);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(problem.errors?.length, response.text).toBeGreaterThan(0);
        for (const error of problem.errors) {
          expect(typeof error.path).toBe('string');
          expect(typeof error.message).toBe('string');
        }
      }),
      { numRuns: runsPerEndpoint },
    );
    expect(await tableSnapshot(app)).toEqual(before);
  });

  it('answers a body that is not JSON with 400 malformed-json, and changes nothing', async () => {
    const before = await tableSnapshot(app);
    for (const endpoint of endpoints) {
      for (const text of ['{"name": ', 'null', '"text"', '{name: 1}']) {
        const response = await call(app, endpoint.method, endpoint.path(), { cookie: admin, body: text, ...(endpoint.headers ? { headers: endpoint.headers } : {}) });
        expect(response.status, `${endpoint.name} ${text}`).toBe(400);
        expect(response.json().type).toBe('https://stagecraft.dev/problems/malformed-json');
      }
    }
    expect(await tableSnapshot(app)).toEqual(before);
  });
});
