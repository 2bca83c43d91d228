import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let repCookie: string;
let customerId: number;
let poolCustomerId: number;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_customer_new_records');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  const mine = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '新记录客户', phone: '13900009001', stage: 'target' } });
  const pool = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '公海新记录客户', phone: '13900009002', stage: 'target', ownership: 'pool' } });
  expect([mine.status, pool.status]).toEqual([201, 201]);
  [customerId, poolCustomerId] = [mine.body.id, pool.body.id];
});
afterAll(async () => {
  await web?.close();
});

/** A customer's records as the API lists them (a bare array, or a page's items). */
async function listOf(path: string): Promise<Array<Record<string, unknown>>> {
  const { body } = await api(web.app, 'GET', path, { cookie: repCookie });
  return Array.isArray(body) ? body : body.items;
}

describe('opening opportunities and orders from the customer 360°', () => {
  it('creates an opportunity and an order with its lines, refusing a bad line beside its cell', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${customerId}`);
    const opportunities = page.locator('[data-section="opportunities"]');
    await opportunities.getByRole('button', { name: zhCN['opportunity.new'] }).click();
    await opportunities.getByLabel(zhCN['record.name']).fill('年度采购');
    await opportunities.getByLabel(zhCN['record.amount']).fill('50000');
    await opportunities.getByRole('button', { name: zhCN['opportunity.create'] }).click();
    await opportunities.getByText(zhCN['opportunity.created']).waitFor();
    await opportunities.getByRole('cell', { name: '年度采购' }).waitFor();
    const [opportunity] = await listOf(`/api/customers/${customerId}/opportunities`);
    expect(opportunity).toMatchObject({ name: '年度采购' });

    const orders = page.locator('[data-section="orders"]');
    await orders.getByRole('button', { name: zhCN['order.new'] }).click();
    await orders.getByLabel('第 1 行产品').fill('打印机');
    await orders.getByLabel('第 1 行数量').fill('0');
    await orders.getByLabel('第 1 行单价').fill('1999.5');
    await orders.getByRole('button', { name: zhCN['order.addLine'] }).click();
    await orders.getByLabel('第 2 行产品').fill('硒鼓');
    await orders.getByLabel('第 2 行数量').fill('3');
    await orders.getByLabel('第 2 行单价').fill('80');
    await orders.getByLabel(zhCN['order.fromOpportunity']).selectOption({ label: '年度采购' });
    await orders.getByRole('button', { name: zhCN['order.create'] }).click();
    // A quantity of 0 is the server's to refuse: beside that cell, nothing written.
    await orders.locator('.field-error').first().waitFor();
    expect(await orders.getByLabel('第 1 行数量').getAttribute('aria-invalid')).toBe('true');
    expect(await listOf(`/api/customers/${customerId}/orders`)).toEqual([]);
    await orders.getByLabel('第 1 行数量').fill('2');
    expect(await orders.locator('.order-total [role="status"]').textContent()).toContain('4,239');
    await saveScreenshot(page, 'customer-360-new-order-zh-CN');
    const text = await page.locator('body').innerText();
    expect({ english: englishShownIn(text), keys: rawKeysShownIn(text) }).toEqual({ english: [], keys: [] });
    await orders.getByRole('button', { name: zhCN['order.create'] }).click();
    await orders.getByText(zhCN['order.created']).waitFor();
    const [order] = await listOf(`/api/customers/${customerId}/orders`);
    expect(Number(order?.amount)).toBe(4239);
    expect(errors).toEqual([]);
  });

  it('offers no new opportunity or order on a pool customer to a rep, as the API would refuse them', async () => {
    const { page } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${poolCustomerId}`);
    await page.locator('[data-section="opportunities"] h2').waitFor();
    await page.locator('[data-section="orders"] h2').waitFor();
    await page.getByRole('toolbar', { name: zhCN['customer.actions'] }).locator('button').first().waitFor();
    expect(await page.getByRole('button', { name: zhCN['opportunity.new'] }).count()).toBe(0);
    expect(await page.getByRole('button', { name: zhCN['order.new'] }).count()).toBe(0);
  });
});
