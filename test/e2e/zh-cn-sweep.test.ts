import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { publishPolicy, singleRulePolicy } from '../leads/lead-fixtures.ts';
import { aNotification } from '../notifications/notification-fixtures.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let repCookie: string;
let repId: number;
const customers: number[] = [];
let leadId: number;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_zh_cn_sweep');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  repId = await userIdOf(web.app, 'rep.li');
  for (let n = 1; n <= 2; n++) {
    const created = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      body: { name: `巡检客户${n}号`, phone: `1390000600${n}`, stage: 'target', customFields: { industry: 'manufacturing' } },
    });
    expect(created.status).toBe(201);
    customers.push(created.body.id);
  }
  const logged = await api(web.app, 'POST', `/api/customers/${customers[0]}/contact-records`, {
    cookie: repCookie,
    body: { channel: 'call', outcome: 'callbackRequested', notes: '下周回访', nextFollowUpAt: new Date(Date.now() + 2 * 24 * 3600_000).toISOString() },
  });
  expect(logged.status).toBe(201);
  for (let n = 1; n <= 2; n++) {
    const pooled = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      body: { name: `巡检公海客户${n}号`, phone: `1390000700${n}`, stage: 'target', ownership: 'pool' },
    });
    expect(pooled.status).toBe(201);
  }
  const admin = await signInOverHttp(web.app, 'admin');
  await publishPolicy(web.app, admin, singleRulePolicy('lead-routing', { type: 'roundRobin', candidates: { users: ['rep.li'] } }));
  const lead = await api(web.app, 'POST', '/api/leads', { cookie: repCookie, body: { name: '巡检线索', company: '巡检公司', phone: '13900006101', source: 'event' } });
  expect(lead.status).toBe(201);
  leadId = lead.body.id;
});
afterAll(async () => {
  await web?.close();
});


/** What a Chinese reader sees on the page now: no English interface text, no raw key, no unfilled `{value}`. */
async function expectAllChinese(page: Page, name: string) {
  const text = await page.locator('body').innerText();
  expect({ page: name, english: englishShownIn(text), keys: rawKeysShownIn(text) }).toEqual({ page: name, english: [], keys: [] });
  await saveScreenshot(page, `zh-CN-sweep-${name}`);
}

describe('the console in Chinese', () => {
  it('shows no untranslated text on any page a rep works in', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.locator('.work-line').first().waitFor();
    await expectAllChinese(page, 'work-line');

    await page.getByRole('button', { name: zhCN['workLine.start'] }).click();
    await page.locator('.queue-item[aria-busy="false"] h2').waitFor();
    await expectAllChinese(page, 'queue-walk');

    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // A form-side error too: its message must be Chinese as well.
    await dialog.locator('[name="reminderAt"]').selectOption('15m');
    await dialog.locator('[name="notes"]').press('Control+Enter');
    await dialog.locator('[name="reminderAt"][aria-invalid="true"]').waitFor();
    await expectAllChinese(page, 'contact-log');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`${web.app.url}/customers/${customers[0]}`);
    await page.locator('[data-section="contact-records"] tbody tr').first().waitFor();
    await page.locator('[data-section="audit"] tbody tr').first().waitFor();
    await page.locator('[data-section="ownership"] tbody tr').first().waitFor();
    await expectAllChinese(page, 'customer-360');
    // The trail's kind of change is named, not shown as the server's action key.
    const kinds = await page.locator('[data-section="audit"] tbody tr td:nth-child(3)').allInnerTexts();
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.filter((kind) => /[A-Za-z]/.test(kind))).toEqual([]);

    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.locator('.pool-table tbody tr').first().waitFor();
    await page.locator('.quota').waitFor();
    await expectAllChinese(page, 'pool');

    await aNotification(web.app, [repId], {
      kind: 'reminder',
      popup: true,
      title: { en: 'Call back 巡检客户1号', 'zh-CN': '回访 巡检客户1号' },
      link: { entity: 'customer', recordId: customers[0]!, customerId: customers[0]! },
    });
    await page.locator('.reminder-popup').waitFor();
    await page.locator('.notification-bell > button').click();
    await page.getByRole('region', { name: zhCN['notifications.title'] }).getByText('回访 巡检客户1号').waitFor();
    await expectAllChinese(page, 'notifications');
    expect(errors).toEqual([]);
  });

  it('shows no untranslated text on a manager’s customer page with the reassign form open', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.goto(`${web.app.url}/customers/${customers[1]}`);
    await page.getByRole('button', { name: zhCN['reassign.open'] }).click();
    await page.locator('.reassign-form').getByRole('button', { name: zhCN['reassign.confirm'] }).click();
    await page.locator('.reassign-form [name="toUserId"][aria-invalid="true"]').waitFor();
    await expectAllChinese(page, 'reassign');
    expect(errors).toEqual([]);
  });

  it('shows no untranslated text on the leads, a lead, a stage list, the review, the import and the pool’s filter builder', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.leads'] }).click();
    await page.locator(`.leads-table tr[data-lead-id="${leadId}"]`).waitFor();
    await expectAllChinese(page, 'leads');

    await page.goto(`${web.app.url}/leads/${leadId}`);
    await page.getByRole('heading', { name: '巡检线索' }).waitFor();
    await page.getByRole('toolbar').first().waitFor();
    await expectAllChinese(page, 'lead');

    await page.goto(`${web.app.url}/customers/target`);
    await page.locator(`.stage-table tr[data-customer-id="${customers[0]}"]`).waitFor();
    await expectAllChinese(page, 'stage-list');

    await page.getByRole('link', { name: zhCN['nav.review'] }).click();
    await page.locator('.activity-chart svg').waitFor();
    await page.locator('.review-table tbody tr').first().waitFor();
    await expectAllChinese(page, 'review');

    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.locator('.pool-table tbody tr').first().waitFor();
    await page.getByRole('button', { name: /^筛选（/ }).click();
    const builder = page.getByRole('form', { name: zhCN['filters.title'] });
    await builder.getByRole('button', { name: zhCN['filters.addGroup'] }).click();
    const row = builder.locator('.filter-row').first();
    await row.getByLabel(zhCN['filters.field']).selectOption({ label: '通话次数' });
    await row.getByLabel(zhCN['filters.operator']).selectOption('between');
    await builder.getByRole('button', { name: zhCN['filters.apply'] }).click();
    await builder.locator('.field-problem').first().waitFor();
    await page.getByRole('button', { name: zhCN['views.save'] }).click();
    await expectAllChinese(page, 'pool-filters');
    expect(errors).toEqual([]);

    const manager = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(manager.page, 'manager.wang');
    await manager.page.getByRole('link', { name: zhCN['nav.import'] }).click();
    await manager.page.getByRole('heading', { name: zhCN['import.title'] }).waitFor();
    await expectAllChinese(manager.page, 'import');
    expect(manager.errors).toEqual([]);
  });

  it('would find English and raw keys if they were shown', () => {
    expect(englishShownIn('客户 Ownership history 已保存')).toContain('Ownership history');
    expect(rawKeysShownIn('显示 customer.field.owners 与 {name}')).toEqual(['customer.field.owners', '{name}']);
    expect(englishShownIn('Stagecraft 王芳 Wang Fang')).toEqual([]);
  });
});
