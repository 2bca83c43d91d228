import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueShapeOfOperator } from '../../engine/conditions/fact-operators.ts';
import { signIn } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
const cookies = { li: '', masked: '' };
const password = 'list-fields-test-password';

/** A role that sees phone numbers masked and call counts and the industry not at all. */
const maskedRep = {
  key: 'rep_masked',
  labels: { en: 'Rep (numbers hidden)', 'zh-CN': '业务员（隐藏号码）' },
  visibility: 'own',
  fieldPermissions: { customer: { phone: 'masked', callCount: 'hidden', industry: 'hidden' } },
};

interface ListField {
  name: string;
  type: string;
  operators: Array<keyof typeof valueShapeOfOperator>;
  valueShapes: Record<string, string>;
  sortable: boolean;
  access: string;
  options?: Array<{ value: string; label: { en: string; 'zh-CN': string } }>;
}

async function fieldsOf(cookie: string, entity = 'customer'): Promise<Map<string, ListField>> {
  const response = await api(app, 'GET', `/api/lists/${entity}/fields`, { cookie });
  expect(response.status).toBe(200);
  return new Map(response.body.fields.map((field: ListField) => [field.name, field]));
}

beforeAll(async () => {
  app = await startTestApp('list_fields');
  await installGenericTemplate(app);
  await app.schema.pool.query('insert into role (key, document) values ($1, $2)', [maskedRep.key, JSON.stringify(maskedRep)]);
  const admin = await signIn(app, 'admin');
  const created = await api(app, 'POST', '/api/users', { cookie: admin, body: { login: 'rep.masked', displayName: 'rep.masked', password, role: 'rep_masked' } });
  expect(created.status).toBe(201);
  cookies.li = await signIn(app, 'rep.li');
  cookies.masked = await signIn(app, 'rep.masked', password);
});
afterAll(async () => {
  await app?.close();
});

describe('the fields a list offers a caller', () => {
  it('gives a rep the published catalogue with custom fields, stages, operators by type and what sorts', async () => {
    const fields = await fieldsOf(cookies.li);
    expect(fields.get('custom.industry')).toMatchObject({ type: 'enum', access: 'write', sortable: true, operators: ['equal', 'notEqual', 'in', 'notIn', 'isEmpty', 'isNotEmpty'] });
    expect(fields.get('custom.industry')!.options).toContainEqual({ value: 'it', label: { en: 'IT & software', 'zh-CN': '信息技术与软件' } });
    expect(fields.get('stage')!.options!.map((option) => option.value)).toContain('target');
    expect(fields.get('lastContactAt')).toMatchObject({ type: 'datetime', sortable: true });
    expect(fields.get('lastContactAt')!.operators).toEqual(expect.arrayContaining(['between', 'isEmpty', 'lessThan']));
    expect(fields.get('name')!.operators).toEqual(expect.arrayContaining(['includesText', 'excludesText']));
    // Related-row facts filter but do not sort; ownerId is no list fact at all.
    expect(fields.get('hasOpenOpportunity')).toMatchObject({ sortable: false });
    expect(fields.has('ownerId')).toBe(false);
  });

  it('leaves out hidden fields and offers a masked one only empty / not empty, unsorted', async () => {
    const fields = await fieldsOf(cookies.masked);
    expect(fields.has('callCount')).toBe(false);
    expect(fields.has('custom.industry')).toBe(false);
    expect(fields.get('phone')).toMatchObject({ access: 'masked', operators: ['isEmpty', 'isNotEmpty'], sortable: false });
  });

  it('offers nothing the list then refuses: every operator offered on every field filters', async () => {
    const fields = await fieldsOf(cookies.masked);
    const sample: Record<string, unknown> = { string: 'x', enum: 'x', number: 1, boolean: true, date: '2026-01-01', datetime: '2026-01-01T00:00:00Z' };
    for (const field of fields.values()) {
      for (const operator of field.operators) {
        const one = field.type === 'enum' && field.options !== undefined ? field.options[0]!.value : sample[field.type];
        const value =
          operator === 'isEmpty' || operator === 'isNotEmpty' ? undefined : operator === 'between' ? [one, one] : operator === 'in' || operator === 'notIn' ? [one] : one;
        const filter = JSON.stringify({ fact: field.name, operator, ...(value === undefined ? {} : { value }) });
        const response = await api(app, 'GET', `/api/customers?limit=1&filter=${encodeURIComponent(filter)}`, { cookie: cookies.masked });
        expect({ field: field.name, operator, status: response.status }).toEqual({ field: field.name, operator, status: 200 });
      }
      if (field.sortable) expect((await api(app, 'GET', `/api/customers?limit=1&sort=${field.name}`, { cookie: cookies.masked })).status).toBe(200);
    }
  });

  it('says of every operator it offers what its value takes, as the engine takes it, so a filter builder needs no table of its own', async () => {
    for (const cookie of [cookies.li, cookies.masked]) {
      for (const field of (await fieldsOf(cookie, 'customer')).values()) {
        const expected = Object.fromEntries(field.operators.map((operator) => [operator, valueShapeOfOperator[operator]]));
        expect(field.valueShapes, field.name).toEqual(expected);
      }
    }
  });

  it('answers every listed entity and refuses an unknown one at its path', async () => {
    for (const entity of ['lead', 'opportunity', 'order', 'ticket']) expect((await fieldsOf(cookies.li, entity)).size).toBeGreaterThan(0);
    const unknown = await api(app, 'GET', '/api/lists/contact/fields', { cookie: cookies.li });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((error: { path: string }) => error.path)).toEqual(['/params/entity']);
    expect((await api(app, 'GET', '/api/lists/customer/fields')).status).toBe(401);
  });
});
