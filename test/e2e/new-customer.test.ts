import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let repCookie: string;
let existingId: number;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_new_customer');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  const zhang = await signInOverHttp(web.app, 'rep.zhang');
  const existing = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '永辉超市', phone: '13900008001' } });
  expect(existing.status).toBe(201);
  existingId = existing.body.id;
  expect((await api(web.app, 'POST', '/api/customers', { cookie: zhang, body: { name: '张的客户', phone: '13900008002' } })).status).toBe(201);
});
afterAll(async () => {
  await web?.close();
});

describe('entering a new customer in the console', () => {
  it('says while typing which customer the name or phone belongs to, then creates a new one and opens it', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.newCustomer'] }).click();
    await page.waitForURL('**/new-customer');

    // The name of a customer the rep may see: named, with a way to open it.
    await page.getByLabel(zhCN['customer.field.name']).fill('永辉 超市');
    const nameNote = page.locator('[data-duplicate="name"]');
    await nameNote.waitFor();
    expect(await nameNote.getByRole('link', { name: '永辉超市' }).getAttribute('href')).toBe(`/customers/${existingId}`);
    // Another rep's customer's phone: said to exist, not named.
    await page.getByLabel(zhCN['customer.field.phone']).fill('139-0000-8002');
    const phoneNote = page.locator('[data-duplicate="phone"]');
    await phoneNote.waitFor();
    expect(await phoneNote.textContent()).not.toContain('张的客户');
    expect(await phoneNote.textContent()).toContain('无权查看');
    await saveScreenshot(page, 'new-customer-duplicates-zh-CN');
    const text = await page.locator('body').innerText();
    expect({ english: englishShownIn(text), keys: rawKeysShownIn(text) }).toEqual({ english: [], keys: [] });

    // Saving anyway is refused by the server beside the field it names; nothing is created.
    await page.getByRole('button', { name: zhCN['newCustomer.save'] }).click();
    await page.locator('.field-error').first().waitFor();
    expect(await page.getByLabel(zhCN['customer.field.name']).getAttribute('aria-invalid')).toBe('true');

    // A new name and phone: the notes go, the customer is created as the rep's and its 360° opens.
    await page.getByLabel(zhCN['customer.field.name']).fill('新录入客户');
    await page.getByLabel(zhCN['customer.field.phone']).fill('13900008003');
    await page.waitForFunction(() => document.querySelectorAll('[data-duplicate]').length === 0);
    await page.getByRole('button', { name: zhCN['newCustomer.save'] }).click();
    await page.waitForURL(/\/customers\/\d+$/);
    await page.getByRole('heading', { name: '新录入客户' }).waitFor();
    const created = (await api(web.app, 'GET', `/api/customers/${page.url().split('/').pop()}`, { cookie: repCookie })).body;
    expect(created).toMatchObject({ name: '新录入客户', phone: '13900008003', ownership: 'personal' });
    expect(errors).toEqual([]);
  });
});
