import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument, OpenApiOperation } from '../../api/http/openapi-document.ts';
import { call, signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Every write operation the served OpenAPI document declares (read at test time, so a new endpoint is covered the
 * day it is declared) gets generated bad input: bodies its own JSON Schema rejects (a required property removed, a
 * property of the wrong type, unknown properties, huge strings, deep nesting, unicode, numbers as strings, null,
 * arrays for objects), and path ids that name nothing ('abc', '-1', '1e9', very large). As a signed-in admin, and
 * as a rep for a share of the runs, with a same-origin header. No answer may be 5xx; every 4xx is problem+json with
 * its `status`, and a 400 lists `errors` of `{path, message}`; afterwards every table but the session and
 * sign-in-attempt tables holds the same rows (count and md5). STAGECRAFT_PROPERTY_RUNS raises the admin runs per
 * operation (default 80; a rep gets a quarter of that on top).
 */
const adminRuns = Number(process.env.STAGECRAFT_PROPERTY_RUNS ?? 80);
const repRuns = Math.max(1, Math.ceil(adminRuns / 4));
/** Tables that legitimately change when someone signs in or uses a session. */
const tablesThatMove = new Set(['user_session', 'login_attempt']);

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

let app: TestApp;
let document: OpenApiDocument;
let admin: string;
let rep: string;
/** A real id for each path parameter name, so bad bodies reach the body check of a record that exists. */
const realIds: Record<string, string> = {};
let sent = 0;
/** Answers per operation and status, printed at the end so a run shows what the payloads reached. */
const answers: Record<string, Record<number, number>> = {};

interface WriteOperation {
  method: string;
  /** As documented, under /api: `/api/customers/{id}`. */
  path: string;
  operation: OpenApiOperation;
  pathParams: string[];
  takesIfMatch: boolean;
  /** The resolved JSON body schema, if the operation takes a body. */
  bodySchema: unknown;
}

function writeOperations(): WriteOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, OpenApiOperation>)
      .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const parameters = ((operation as { parameters?: Array<{ in: string; name: string }> }).parameters ?? []);
        const body = (operation as { requestBody?: { content?: Record<string, { schema?: unknown }> } }).requestBody?.content?.['application/json']?.schema;
        return {
          method: method.toUpperCase(),
          path: `/api${path}`,
          operation,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          takesIfMatch: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
          bodySchema: body,
        };
      }),
  );
}

/** Validates a body against a schema of the document, `$ref`s into its components included. */
function schemaValidator(schema: unknown): (body: unknown) => boolean {
  const base = 'https://stagecraft.test/openapi.json';
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  addFormats(ajv);
  ajv.addSchema({ $id: base, components: document.components });
  const absolute = JSON.parse(JSON.stringify(schema), (key, value) => (key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `${base}${value}` : value));
  const check = ajv.compile(absolute);
  return (body) => check(body) as boolean;
}

function resolved(schema: any): any {
  let current = schema;
  for (let depth = 0; current?.$ref && depth < 10; depth++) {
    const name = String(current.$ref).replace('#/components/schemas/', '');
    current = (document.components as any)?.schemas?.[name];
  }
  return current ?? {};
}

// ---- generic junk ---------------------------------------------------------------------------------------------

const unicodeText = fc.constantFrom('客户', 'ℌ𝔢𝔩𝔩𝔬', '👩‍👩‍👧‍👦', '\u0000', '\u202e', 'Ａ１', '١٢٣', '\ud800', 'e\u0301', 'ǅ');
const numberAsString = fc.oneof(fc.integer().map(String), fc.constantFrom('1', '1.0', '1e3', '-0', 'NaN', 'Infinity'));
const hugeString = fc.constantFrom(10_001, 70_000, 200_000).map((n) => 'x'.repeat(n));
const deepNesting = fc.integer({ min: 20, max: 2_000 }).chain((depth) =>
  fc.constantFrom('array', 'object').map((kind) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
    return value;
  }),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(-1, 0, 1.5, 1e9, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  fc.string({ maxLength: 20 }),
  unicodeText,
  numberAsString,
  fc.constant(''),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: deepNesting, weight: 1 },
);
const unknownKey = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), unicodeText).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key));

/** A value a property with this schema would plausibly take (for the bodies that then lose a required property). */
function plausible(schema: any): fc.Arbitrary<unknown> {
  const s = resolved(schema);
  if (Array.isArray(s.enum) && s.enum.length > 0) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'integer':
      return fc.integer({ min: Math.max(1, s.minimum ?? 1), max: Math.min(s.maximum ?? 1_000, 1_000) });
    case 'number':
      return fc.integer({ min: 0, max: 1_000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.constant([]);
    case 'object':
      return fc.constant({});
    case 'null':
      return fc.constant(null);
    default:
      return fc.string({ minLength: 1, maxLength: 10 }).map((text) => `p${text}`);
  }
}

/** Its required properties with plausible values: often a body the schema accepts (only ever sent beside bad ids). */
function plausibleBody(schema: unknown): fc.Arbitrary<unknown> {
  const s = resolved(schema);
  const properties: Record<string, unknown> = s.properties ?? {};
  return fc.record(Object.fromEntries(((s.required ?? []) as string[]).map((key) => [key, plausible(properties[key])])));
}

/** Bodies the operation's schema rejects by construction (each candidate is checked and dropped if valid). */
function badBodies(schema: unknown): fc.Arbitrary<unknown> {
  const s = resolved(schema);
  const valid = schemaValidator(schema);
  const properties: Record<string, unknown> = s.properties ?? {};
  const keys = Object.keys(properties);
  const required: string[] = s.required ?? [];
  const notAnObject = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(junkValue, { maxLength: 3 }), deepNesting);
  const arms: Array<fc.WeightedArbitrary<unknown>> = [{ arbitrary: notAnObject, weight: 1 }];
  if (keys.length > 0) {
    // Some properties with plausible values, then 1–3 of them set to junk, sometimes with unknown keys beside.
    const base = fc.subarray(keys).chain((chosen) => fc.record(Object.fromEntries(chosen.map((key) => [key, plausible(properties[key])]))));
    const corrupted = fc
      .tuple(base, fc.array(fc.tuple(fc.constantFrom(...keys), junkValue), { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(unknownKey, junkValue), { maxLength: 2 }))
      .map(([body, bad, extra]) => {
        const result: Record<string, unknown> = { ...body };
        for (const [key, value] of [...extra, ...bad]) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        return result;
      });
    arms.push({ arbitrary: corrupted, weight: 6 });
  }
  if (required.length > 0) {
    // Everything plausible but one required property missing.
    const missing = fc.constantFrom(...required).chain((dropped) =>
      fc.record(Object.fromEntries(keys.filter((key) => key !== dropped).map((key) => [key, plausible(properties[key])])), { requiredKeys: [] }),
    );
    arms.push({ arbitrary: missing, weight: 3 });
  }
  if (s.additionalProperties === false) {
    arms.push({ arbitrary: fc.tuple(unknownKey.filter((key) => !keys.includes(key)), junkValue).map(([key, value]) => ({ [key]: value })), weight: 2 });
  }
  return fc.oneof(...arms).filter((body) => !valid(body));
}

const badId = fc.constantFrom('abc', '-1', '0', '1e9', '1.5', '0x10', '99999999999999999999999', '9007199254740993', '2147483648', ' 1', '１', '١', 'null', "1' or '1'='1", '%00', '..', 'ü', '-0', '+1', '1,2');
const badIfMatch = fc.constantFrom('"1"', '"0"', '"abc"', 'W/"1"', '*', '', '"99999999999999999999"');

interface Request {
  path: string;
  body: unknown;
  headers: Record<string, string>;
}

function requests(op: WriteOperation): fc.Arbitrary<Request> {
  const concrete = (values: Record<string, string>) => op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(values[name] ?? '0'));
  const headers = op.takesIfMatch ? fc.option(badIfMatch, { nil: undefined }).map((value): Record<string, string> => (value === undefined ? {} : { 'if-match': value })) : fc.constant({});
  // With ids that name nothing even a well-formed body is harmless, and it gets past the body check to the lookup.
  const bodyBesideBadIds = op.bodySchema === undefined ? fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }) : fc.oneof(plausibleBody(op.bodySchema), fc.jsonValue({ maxDepth: 2 }));
  const withBadIds = fc
    .tuple(fc.tuple(...op.pathParams.map(() => badId)), bodyBesideBadIds, headers)
    .map(([ids, body, header]) => ({ path: concrete(Object.fromEntries(op.pathParams.map((name, i) => [name, ids[i]!]))), body, headers: header }));
  if (op.bodySchema === undefined) {
    // Nothing to break but the ids: sent with real ids, such an operation would simply succeed.
    return op.pathParams.length > 0 ? withBadIds : fc.constant({ path: op.path, body: undefined, headers: {} });
  }
  const withBadBody = fc.tuple(badBodies(op.bodySchema), headers).map(([body, header]) => ({ path: concrete(realIdsFor(op)), body, headers: header }));
  return op.pathParams.length > 0 ? fc.oneof({ arbitrary: withBadBody, weight: 4 }, { arbitrary: withBadIds, weight: 1 }) : withBadBody;
}

function realIdsFor(op: WriteOperation): Record<string, string> {
  const resource = op.path.split('/')[2];
  return Object.fromEntries(op.pathParams.map((name) => [name, name === 'id' ? realIds[`${resource}.id`] ?? '0' : realIds[name] ?? '0']));
}

async function snapshot(): Promise<Record<string, { rows: number; md5: string | null }>> {
  const { rows: tables } = await app.schema.pool.query(
    "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1",
    [app.schema.name],
  );
  const result: Record<string, { rows: number; md5: string | null }> = {};
  for (const { table_name: table } of tables) {
    if (tablesThatMove.has(table)) continue;
    const { rows } = await app.schema.pool.query(`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as md5 from "${table}" t`);
    result[table] = rows[0];
  }
  return result;
}

async function expectProblem(op: WriteOperation, request: Request, cookie: string | undefined) {
  sent += 1;
  const response = await call(app, op.method, request.path, {
    ...(cookie === undefined ? {} : { cookie }),
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    headers: request.headers,
  });
  const tally = (answers[`${op.method} ${op.path}`] ??= {});
  tally[response.status] = (tally[response.status] ?? 0) + 1;
  const context = `${op.method} ${request.path} ${JSON.stringify(request.body)?.slice(0, 300)} → ${response.status} ${response.text.slice(0, 500)}`;
  expect(response.status, context).toBeLessThan(500);
  if (op.path === '/api/auth/logout' && response.status === 204) return;
  expect(response.status, context).toBeGreaterThanOrEqual(400);
  expect(response.headers.get('content-type'), context).toContain('application/problem+json');
  const problem = response.json();
  expect(problem.status, context).toBe(response.status);
  // A top-level primitive is not accepted JSON for a body (strict parser): 400 `malformed-json`, no paths to name.
  const primitive = request.body === null || (typeof request.body !== 'object' && request.body !== undefined);
  if (response.status === 400 && primitive && problem.type === 'https://stagecraft.dev/problems/malformed-json') return;
  if (response.status === 400) {
    expect(Array.isArray(problem.errors) && problem.errors.length > 0, context).toBe(true);
    for (const error of problem.errors) {
      expect(typeof error.path, context).toBe('string');
      expect(typeof error.message, context).toBe('string');
    }
  }
}

beforeAll(async () => {
  app = await startTestApp('write_bad_input');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  rep = await signIn(app, 'rep.li');
  document = (await call(app, 'GET', '/api/openapi.json')).json();
  const customer = (await api(app, 'POST', '/api/customers', { cookie: admin, body: { name: '写接口坏输入客户', phone: '13800138111' } })).body;
  realIds['customers.id'] = String(customer.id);
  realIds.contactId = String((await api(app, 'POST', `/api/customers/${customer.id}/contacts`, { cookie: admin, body: { name: '坏输入联系人' } })).body.id);
  realIds.recordId = String((await api(app, 'POST', `/api/customers/${customer.id}/contact-records`, { cookie: admin, body: { channel: 'call', outcome: 'busy' } })).body.id);
  realIds['opportunities.id'] = String((await api(app, 'POST', `/api/customers/${customer.id}/opportunities`, { cookie: admin, body: { name: '坏输入商机' } })).body.id);
  realIds['orders.id'] = String((await api(app, 'POST', `/api/customers/${customer.id}/orders`, { cookie: admin, body: { lines: [{ product: '坏输入商品', quantity: 1, unitPrice: 10 }] } })).body.id);
  realIds['tickets.id'] = String((await api(app, 'POST', `/api/customers/${customer.id}/tickets`, { cookie: admin, body: { subject: '坏输入工单' } })).body.id);
  realIds['users.id'] = String(await userIdOf(app, 'rep.zhang'));
  realIds.userId = realIds['users.id'];
  realIds['recycle-bin.id'] = realIds['customers.id'];
});
afterAll(async () => {
  await app?.close();
});

describe('bad input to every documented write operation', () => {
  it('finds the write operations in the served document', () => {
    const ops = writeOperations();
    expect(ops.length).toBeGreaterThanOrEqual(20);
    expect(ops.map((op) => `${op.method} ${op.path}`)).toContain('PATCH /api/customers/{id}');
  });

  it('never answers 5xx, always problem+json, and changes no row of any table', { timeout: 120_000 }, async () => {
    const before = await snapshot();
    const ops = writeOperations();
    for (const op of ops) {
      // Logging out takes no input, and with a session it would end the one the test runs on: sent without one.
      const callers: Array<[string | undefined, number]> = op.path === '/api/auth/logout' ? [[undefined, 5]] : [[admin, adminRuns], [rep, repRuns]];
      for (const [cookie, runs] of callers) {
        await fc.assert(
          fc.asyncProperty(requests(op), (request) => expectProblem(op, request, cookie)),
          { numRuns: runs, endOnFailure: true },
        );
      }
      expect(await snapshot(), `${op.method} ${op.path} changed a table`).toEqual(before);
    }
    if (process.env.STAGECRAFT_PROPERTY_RUNS === undefined) expect(sent).toBeGreaterThanOrEqual(2_000);
    console.info(
      `write-endpoints-bad-input: ${sent} bad requests over ${ops.length} write operations\n` +
        Object.entries(answers).map(([op, statuses]) => `  ${op}: ${JSON.stringify(statuses)}`).join('\n'),
    );
  });
});
