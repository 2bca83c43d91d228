import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate, tableSnapshot } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { contactForm, defineForm, submit } from './web-form-fixtures.ts';

/**
 * The public form endpoint under 2,000 generated bad submissions (STAGECRAFT_PROPERTY_RUNS changes the count): JSON
 * that is not an object, objects of field values with at least one defect each (a missing name, a wrong type, an
 * overlong text, a phone or email that is none, a select value not offered, a key the form does not ask), and
 * malformed JSON. No answer is 5xx; each is problem+json 4xx, a 400 naming paths; and no lead, audit entry,
 * routing state or other record appears — only the per-IP rate window moves.
 */
const runs = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 2_000);

let app: TestApp;
const formKey = 'bad-input-form';

async function leadSideSnapshot() {
  const { rows } = await app.schema.pool.query(
    `select (select count(*)::int from lead) as leads,
            (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from routing_state t) as routing,
            (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from web_form t) as forms,
            (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from campaign t) as campaigns`,
  );
  return { ...rows[0], records: await tableSnapshot(app) };
}

beforeAll(async () => {
  app = await startTestApp('web-form-bad-input');
  await installGenericTemplate(app);
  const admin = await signIn(app, 'admin');
  await defineForm(app, admin, contactForm(formKey));
}, 60_000);

afterAll(async () => {
  await app?.close();
});

const validish = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
    phone: fc.constantFrom('13812345678', '021-12345678', '+86 139 0000 0000'),
    email: fc.constantFrom('a@example.com', 'li.na@example.cn'),
    company: fc.string({ maxLength: 30 }),
    region: fc.constantFrom('浙江', '江苏'),
  },
  { requiredKeys: [] },
);

type Body = Record<string, unknown>;
const defects: Array<fc.Arbitrary<(body: Body) => Body>> = [
  fc.constant((body: Body) => {
    const { name: _name, ...rest } = body;
    return rest;
  }),
  fc.constantFrom<unknown>('', '   ', null).map((blank) => (body: Body) => ({ ...body, name: blank })),
  fc
    .tuple(fc.constantFrom('name', 'phone', 'email', 'company', 'region'), fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.string()), fc.object()))
    .map(([key, wrong]) => (body: Body) => ({ ...body, name: 'ok', [key]: wrong })),
  fc.string({ minLength: 121, maxLength: 400 }).filter((s) => s.trim().length > 120).map((long) => (body: Body) => ({ ...body, name: long })),
  fc.constantFrom('12', 'abc', '000', '1234567890123456789012', '++86').map((phone) => (body: Body) => ({ ...body, phone })),
  fc.constantFrom('not-an-email', 'a@b', '@example.com', 'a b@example.com').map((email) => (body: Body) => ({ ...body, email })),
  fc.string({ minLength: 1, maxLength: 10 }).filter((s) => !['浙江', '江苏'].includes(s.trim()) && s.trim() !== '').map((region) => (body: Body) => ({ ...body, region })),
  fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !['name', 'phone', 'email', 'company', 'region', 'website'].includes(key)).map((key) => (body: Body) => ({ ...body, [key]: 'x' })),
  fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100).map((company) => (body: Body) => ({ ...body, company })),
];

const badObject = fc.tuple(validish, fc.array(fc.oneof(...defects), { minLength: 1, maxLength: 3 })).map(([body, changes]) => ({
  text: JSON.stringify(changes.reduce((acc, change) => change(acc), body as Body)),
  json: true,
}));
const notAnObject = fc.oneof(fc.array(fc.anything()), fc.string(), fc.integer(), fc.constant(null), fc.boolean()).map((value) => ({ text: JSON.stringify(value), json: true }));
const malformed = fc.constantFrom('{', '{"name": }', "{'name': 'x'}", '{"name": "x",}', '\u0000', 'undefined').map((text) => ({ text, json: false }));
const submission = fc.tuple(fc.oneof({ arbitrary: badObject, weight: 6 }, { arbitrary: notAnObject, weight: 2 }, { arbitrary: malformed, weight: 1 }), fc.constantFrom('en', 'zh-CN'));

describe('the public form endpoint under bad submissions', () => {
  it(`answers ${runs} generated bad submissions with 4xx problems and stores no lead`, async () => {
    const before = await leadSideSnapshot();
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(submission, async ([{ text, json }, language]) => {
        const response = await submit(app, formKey, text, { language });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status, `${text} → ${response.text}`).toBeGreaterThanOrEqual(400);
        expect(response.status, `${text} → ${response.text}`).toBeLessThan(500);
        expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const problem = response.json();
        expect(problem.status).toBe(response.status);
        // Express's strict JSON parser answers `malformed-json` (no field paths) for anything but an object or array.
        expect(problem.type).toMatch(json ? /\/(validation|malformed-json)$/ : /\/malformed-json$/);
        if (problem.type.endsWith('/validation')) {
          expect(problem.errors.length).toBeGreaterThan(0);
          for (const error of problem.errors) expect(error.path).toMatch(/^(\/|$)/);
        }
      }),
      { numRuns: runs },
    );
    console.log(JSON.stringify({ webFormBadSubmissions: runs, statuses }));
    expect(await leadSideSnapshot()).toEqual(before);
  }, 120_000);
});
