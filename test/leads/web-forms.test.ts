import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn } from '../support/people-fixtures.ts';
import { installGenericTemplate } from '../support/records-fixtures.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { createReps, publishPolicy, singleRulePolicy } from './lead-fixtures.ts';
import { contactForm, defineForm, submit } from './web-form-fixtures.ts';

let app: TestApp;
let admin: string;
let manager: string;
let rep: string;
let reps: number[];
let campaignId: number;

async function leadCount(): Promise<number> {
  const { rows } = await app.schema.pool.query('select count(*)::int as n from lead');
  return rows[0].n;
}

beforeAll(async () => {
  app = await startTestApp('web-forms');
  await installGenericTemplate(app);
  admin = await signIn(app, 'admin');
  manager = await signIn(app, 'manager.wang');
  rep = await signIn(app, 'rep.zhang');
  reps = await createReps(app, admin, ['表单甲', '表单乙'], 'form');
  await publishPolicy(app, admin, singleRulePolicy('form-routing', { type: 'roundRobin', candidates: { users: reps.map(String) } }));
  const created = await call(app, 'POST', '/api/campaigns', {
    cookie: manager,
    body: { name: '春季展会 Spring expo', channel: 'exhibition', startsOn: '2026-03-01', endsOn: '2026-03-31', cost: 12000 },
  });
  expect(created.status).toBe(201);
  campaignId = created.json().id;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('campaigns', () => {
  it('lets managers and admins write campaigns and everyone signed in read them', async () => {
    expect((await call(app, 'POST', '/api/campaigns', { cookie: rep, body: { name: '代表的活动', channel: 'sms' } })).status).toBe(403);
    const list = await call(app, 'GET', '/api/campaigns', { cookie: rep });
    expect(list.status).toBe(200);
    expect(list.json().items.map((c: { id: number }) => c.id)).toContain(campaignId);
    const read = (await call(app, 'GET', `/api/campaigns/${campaignId}`, { cookie: rep })).json();
    expect(read).toMatchObject({ name: '春季展会 Spring expo', channel: 'exhibition', startsOn: '2026-03-01', endsOn: '2026-03-31', cost: 12000 });
  });

  it('changes the fields sent, refuses a stale version and an end before the start, and names a taken name', async () => {
    const created = (await call(app, 'POST', '/api/campaigns', { cookie: admin, body: { name: 'Search ads', channel: 'search' } })).json();
    const changed = await call(app, 'PATCH', `/api/campaigns/${created.id}`, { cookie: admin, body: { cost: 500.5, version: created.version } });
    expect(changed.status).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Search ads', cost: 500.5, version: created.version + 1 });
    expect((await call(app, 'PATCH', `/api/campaigns/${created.id}`, { cookie: admin, body: { cost: 1, version: created.version } })).json().type).toMatch(/stale-version$/);
    const backwards = await call(app, 'PATCH', `/api/campaigns/${created.id}`, { cookie: admin, body: { startsOn: '2026-05-02', endsOn: '2026-05-01' } });
    expect(backwards.status).toBe(400);
    expect(backwards.json().errors.map((e: { path: string }) => e.path)).toEqual(['/endsOn']);
    const taken = await call(app, 'POST', '/api/campaigns', { cookie: admin, body: { name: 'SEARCH ADS', channel: 'search' } });
    expect(taken.status).toBe(409);
    expect(taken.json().type).toMatch(/campaign-name-taken$/);
    expect((await call(app, 'DELETE', `/api/campaigns/${created.id}`, { cookie: admin })).status).toBe(204);
    expect((await call(app, 'GET', `/api/campaigns/${created.id}`, { cookie: admin })).status).toBe(404);
  });
});

describe('web forms', () => {
  let formKey: string;

  beforeAll(async () => {
    formKey = 'contact-us';
    await defineForm(app, admin, contactForm(formKey, { campaignId, routingPolicy: 'form-routing' }));
  });

  it('refuses a form that does not ask for the name or names an unknown field, at the field’s path', async () => {
    const body = contactForm('broken');
    body.document.fields = [{ key: 'nickname', label: { en: 'Nickname', 'zh-CN': '昵称' }, type: 'text', required: true }];
    const response = await call(app, 'POST', '/api/web-forms', { cookie: admin, body: { ...body, allowedOrigins: ['https://ok.example.com/path'] } });
    expect(response.status).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['/allowedOrigins/0', '/document/fields', '/document/fields/0/key']);
    expect((await call(app, 'POST', '/api/web-forms', { cookie: rep, body: contactForm('by-rep') })).status).toBe(403);
  });

  it('serves the definition to admins, the hosted page in both languages, and a snippet', async () => {
    const forms = (await call(app, 'GET', '/api/web-forms', { cookie: admin })).json();
    const form = forms.find((f: { key: string }) => f.key === formKey);
    expect(form).toMatchObject({ campaignId, routingPolicy: 'form-routing', hostedUrl: '/forms/contact-us', active: true });
    expect((await call(app, 'GET', `/api/web-forms/${form.id}`, { cookie: admin })).json().document.fields).toHaveLength(5);
    const zh = await call(app, 'GET', `/forms/${formKey}?lang=zh-CN`);
    expect(zh.status).toBe(200);
    expect(zh.headers.get('content-type')).toMatch(/text\/html/);
    expect(zh.text).toContain('联系我们');
    expect(zh.text).toContain('name="website"');
    expect(zh.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://www.example.com");
    const en = await call(app, 'GET', `/forms/${formKey}`, { headers: { 'accept-language': 'en' } });
    expect(en.text).toContain('Contact us');
    const snippet = (await call(app, 'GET', `/api/web-forms/${form.id}/snippet?lang=en`, { cookie: admin })).json();
    expect(snippet.iframe).toContain(`${app.url}/forms/contact-us?lang=en`);
    expect(snippet.script).toContain(`${app.url}/forms/contact-us/submissions`);
    expect((await call(app, 'GET', '/forms/no-such-form')).status).toBe(404);
  });

  it('creates a lead from a submission: routed by the form’s policy, linked to the campaign and the form, explained', async () => {
    const before = await leadCount();
    const response = await submit(app, formKey, { name: '王芳', phone: '138 0000 1111', email: 'wang@example.com', region: '浙江', website: '' }, { origin: 'https://www.example.com' });
    expect(response.status).toBe(202);
    expect(response.json().received).toBe(true);
    expect(await leadCount()).toBe(before + 1);
    const { rows } = await app.schema.pool.query("select id::int as id from lead where phone_normalized = '13800001111'");
    const lead = (await call(app, 'GET', `/api/leads/${rows[0].id}`, { cookie: admin })).json();
    expect(lead).toMatchObject({ name: '王芳', source: 'webForm', campaignId, region: '浙江', status: 'new', ownership: 'personal' });
    expect(reps).toContain(lead.ownerId);
    expect(lead.webFormId).toEqual(expect.any(Number));
    expect(lead.assignment.policyKey).toBe('form-routing');
    expect(lead.assignment.summary.en).toMatch(/^rule 1 Everyone in turn → round-robin → /);
    const stats = (await call(app, 'GET', `/api/campaigns/${campaignId}/stats`, { cookie: rep })).json();
    expect(stats).toMatchObject({ campaignId, leads: 1, byStatus: { new: 1 }, converted: 0, conversionRate: 0, cost: 12000, costPerLead: 12000 });
  });

  it('counts conversions per campaign in SQL', async () => {
    await submit(app, formKey, { name: '赵磊', phone: '13800002222', company: '赵氏贸易' });
    const { rows } = await app.schema.pool.query("select id::int as id from lead where phone_normalized = '13800002222'");
    const converted = await call(app, 'POST', `/api/leads/${rows[0].id}/convert`, { cookie: admin, body: {} });
    expect(converted.status).toBe(200);
    const stats = (await call(app, 'GET', `/api/campaigns/${campaignId}/stats`, { cookie: admin })).json();
    expect(stats).toMatchObject({ leads: 2, converted: 1, conversionRate: 0.5, customers: 1, byStatus: { new: 1, converted: 1 } });
  });

  it('answers a duplicate exactly as a new lead, stores no second lead, and notes the repeat on the existing one', async () => {
    const before = await leadCount();
    const fresh = await submit(app, formKey, { name: 'Someone else', phone: '+86 138-0000-1111' });
    expect(fresh.status).toBe(202);
    expect(fresh.text).not.toMatch(/duplicate|existing|#\d/i);
    expect(await leadCount()).toBe(before);
    const { rows } = await app.schema.pool.query("select entity, action from audit_entry where action = 'webFormResubmitted'");
    expect(rows).toEqual([{ entity: 'lead', action: 'webFormResubmitted' }]);
  });

  it('names each failing field in the submitter’s language and stores nothing', async () => {
    const before = await leadCount();
    const zh = await submit(app, formKey, { phone: '12', email: 'not-an-email', region: '山东', extra: 1 }, { language: 'zh-CN' });
    expect(zh.status).toBe(400);
    expect(zh.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const errors = zh.json().errors as Array<{ path: string; message: string }>;
    expect(errors.map((e) => e.path).sort()).toEqual(['/email', '/extra', '/name', '/phone', '/region']);
    expect(errors.find((e) => e.path === '/name')!.message).toBe('姓名：此项必填。');
    const en = await submit(app, formKey, { phone: '13800003333' }, { language: 'en' });
    expect(en.json().errors).toEqual([{ path: '/name', message: 'Name: please fill this in.' }]);
    expect(await leadCount()).toBe(before);
  });

  it('answers a filled honeypot as received and stores nothing', async () => {
    const before = await leadCount();
    const response = await submit(app, formKey, { name: 'Bot', phone: '13800004444', website: 'http://spam.example' });
    expect(response.status).toBe(202);
    expect(response.json()).toEqual((await submit(app, formKey, { name: '真人', phone: '13800005555' })).json());
    expect(await leadCount()).toBe(before + 1);
    const { rows } = await app.schema.pool.query("select 1 from lead where phone_normalized = '13800004444'");
    expect(rows).toEqual([]);
  });

  it('gives CORS headers to allowed origins only, preflight included, and refuses other sites’ posts', async () => {
    const allowed = await call(app, 'OPTIONS', `/forms/${formKey}/submissions`, {
      origin: 'https://www.example.com',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const refused = await call(app, 'OPTIONS', `/forms/${formKey}/submissions`, { origin: 'https://evil.example', headers: { 'access-control-request-method': 'POST' } });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-methods')).toBeNull();

    const before = await leadCount();
    const post = await submit(app, formKey, { name: '跨站', phone: '13800006666' }, { origin: 'https://evil.example' });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(await leadCount()).toBe(before);
    const sameOrigin = await submit(app, formKey, { name: '本站', phone: '13800007777' }, { origin: app.url });
    expect(sameOrigin.status).toBe(202);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
    const allowedPost = await submit(app, formKey, { name: '合作站', phone: '13800008888' }, { origin: 'https://www.example.com' });
    expect(allowedPost.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
  });

  it('rate-limits per client address: 429 with Retry-After once the window is full, bad submissions counting too', async () => {
    await defineForm(app, admin, contactForm('limited', { routingPolicy: 'form-routing', document: { ...contactForm('x').document, rateLimit: { submissions: 3, windowSeconds: 3600 } } }));
    expect((await submit(app, 'limited', { name: '一', phone: '13900000001' })).status).toBe(202);
    expect((await submit(app, 'limited', { phone: 'bad' })).status).toBe(400);
    expect((await submit(app, 'limited', { name: '三', phone: '13900000003', website: 'x' })).status).toBe(202);
    const before = await leadCount();
    const limited = await submit(app, 'limited', { name: '四', phone: '13900000004' }, { language: 'zh-CN' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(limited.json().detail).toContain('秒后重试');
    expect(await leadCount()).toBe(before);
    expect((await submit(app, formKey, { name: '另一个表单', phone: '13900000005' })).status).toBe(202);
  });
});
