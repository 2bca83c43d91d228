import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import customerFields from '../../definitions/defaults/fields/customer.fields.json' with { type: 'json' };
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let repCookie: string;
let customerId: number;

const field = (key: string) => customerFields.fields.find((entry) => entry.key === key)!;
const label = (key: string) => field(key).label['zh-CN'];
const optionLabel = (key: string, value: string) =>
  [...((field(key) as { options?: Array<{ value: string; label: { 'zh-CN': string } }> }).options ?? []),
    ...Object.values((field(key) as { optionsByParent?: Record<string, Array<{ value: string; label: { 'zh-CN': string } }>> }).optionsByParent ?? {}).flat()]
    .find((option) => option.value === value)!.label['zh-CN'];

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_custom_fields');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  const admin = await signInOverHttp(web.app, 'admin');
  // The level and the company phone are an administrator's to set (read-only and masked for reps), who then hands
  // the customer to rep.li.
  const created = await api(web.app, 'POST', '/api/customers', {
    cookie: admin,
    body: { name: '字段测试客户', phone: '13900007001', stage: 'target', customFields: { industry: 'it', province: 'zhejiang', level: 'B', mainPhone: '13812345678' } },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  customerId = created.body.id;
  const handed = await api(web.app, 'POST', `/api/customers/${customerId}/reassign`, { cookie: admin, body: { toUserId: await userIdOf(web.app, 'rep.li') } });
  expect(handed.status, JSON.stringify(handed.body)).toBe(200);
});
afterAll(async () => {
  await web?.close();
});

describe('custom fields on the customer 360°', () => {
  it('shows them in words as the role may see them, and edits the writable ones with errors by the field', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${customerId}`);
    const shown = (key: string) => page.locator(`dd[data-field="${key}"]`).textContent();
    await page.locator('dd[data-field="industry"]').waitFor();
    expect(await shown('industry')).toBe(optionLabel('industry', 'it'));
    expect(await shown('level')).toBe(optionLabel('level', 'B'));
    expect(await shown('mainPhone')).toBe('138****5678');
    expect(await shown('province')).toBe(optionLabel('province', 'zhejiang'));
    expect(await shown('city')).toBe(zhCN['common.none']);

    await page.getByRole('button', { name: zhCN['customer.edit'], exact: true }).click();
    const form = page.locator('form.customer-form');
    await form.locator('[data-field="city"]').waitFor();
    // The form offers what the API would accept now: in 目标客户 the stage's editable fields the rep may write —
    // not the level (read-only for reps), the company phone (masked), the province or the name (the stage's).
    for (const key of ['level', 'mainPhone', 'province', 'employeeCount']) expect(await form.locator(`[data-field="${key}"]`).count()).toBe(0);
    expect(await form.getByLabel(zhCN['customer.field.name']).count()).toBe(0);
    // The city offers the province's cities only.
    const cities = await form.getByLabel(label('city')).locator('option').allTextContents();
    expect(cities).toContain(optionLabel('city', 'hangzhou'));
    expect(cities).not.toContain(optionLabel('city', 'suzhou'));
    await form.getByLabel(label('city')).selectOption({ label: optionLabel('city', 'hangzhou') });
    await form.getByLabel(label('website')).fill('不是网址');
    await form.getByRole('button', { name: zhCN['customer.save'] }).click();
    const websiteError = form.locator('[data-field="website"] .field-error');
    await websiteError.waitFor();
    expect(await form.getByLabel(label('website')).getAttribute('aria-invalid')).toBe('true');
    // Refused as a whole: nothing of the form was written.
    expect((await api(web.app, 'GET', `/api/customers/${customerId}`, { cookie: repCookie })).body.customFields.city).toBeUndefined();

    await form.getByLabel(label('website')).fill('https://example.cn');
    await form.getByRole('button', { name: zhCN['customer.save'] }).click();
    await page.getByText(zhCN['customer.saved']).waitFor();
    expect(await shown('city')).toBe(optionLabel('city', 'hangzhou'));
    expect(await shown('website')).toBe('https://example.cn');
    const saved = (await api(web.app, 'GET', `/api/customers/${customerId}`, { cookie: repCookie })).body.customFields;
    expect(saved).toMatchObject({ province: 'zhejiang', city: 'hangzhou', website: 'https://example.cn', industry: 'it' });
    await saveScreenshot(page, 'customer-custom-fields');
    expect(errors).toEqual([]);
  });
});
