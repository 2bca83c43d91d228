import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import leadQualification from '../../definitions/defaults/machines/lead-qualification.json' with { type: 'json' };
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { publishPolicy, singleRulePolicy } from '../leads/lead-fixtures.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let repCookie: string;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_leads');
  await installGenericTemplate(web.app);
  const admin = await signInOverHttp(web.app, 'admin');
  // The policy every lead entered without naming one is routed by: here, everything to rep.li.
  await publishPolicy(web.app, admin, singleRulePolicy('lead-routing', { type: 'roundRobin', candidates: { users: ['rep.li'] } }));
  repCookie = await signInOverHttp(web.app, 'rep.li');
});
afterAll(async () => {
  await web?.close();
});

const statusLabel = (status: keyof typeof leadQualification.states) => leadQualification.states[status].label['zh-CN'];

describe('leads in the console', () => {
  it('enters a lead, explains its routing, asks for the reason a disqualification needs, and converts another', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.leads'] }).click();
    await page.waitForURL('**/leads');

    // A new lead from the form: routed at once, the answer says to whom and why.
    await page.getByRole('button', { name: zhCN['leads.new'] }).click();
    await page.getByLabel(zhCN['lead.field.name']).fill('线索测试甲');
    await page.getByLabel(zhCN['lead.field.company']).fill('甲公司');
    await page.getByLabel(zhCN['lead.field.phone']).fill('139 0000 6001');
    await page.getByRole('button', { name: zhCN['leads.form.save'] }).click();
    const created = page.locator('.new-lead-form .notice');
    await created.waitFor();
    expect(await created.textContent()).toContain('线索“线索测试甲”已保存并分配：');
    const row = page.locator('tr', { hasText: '线索测试甲' });
    await row.waitFor();
    expect(await row.locator('td[data-status]').textContent()).toBe(statusLabel('new'));

    // The same phone again: refused by the field it concerns, nothing created.
    await page.getByLabel(zhCN['lead.field.name']).fill('线索测试重复');
    await page.getByLabel(zhCN['lead.field.phone']).fill('13900006001');
    await page.getByRole('button', { name: zhCN['leads.form.save'] }).click();
    const phoneError = page.locator('.new-lead-form .field-error');
    await phoneError.waitFor();
    expect(await page.getByLabel(zhCN['lead.field.phone']).getAttribute('aria-invalid')).toBe('true');
    expect((await api(web.app, 'GET', '/api/leads', { cookie: repCookie })).body.items.filter((lead: { name: string }) => lead.name === '线索测试重复')).toEqual([]);

    // Its page: the routing's reason, the machine's buttons; disqualifying asks for the reason the API requires.
    await row.getByRole('link', { name: '线索测试甲' }).click();
    await page.getByRole('heading', { name: '线索测试甲' }).waitFor();
    const lead = (await api(web.app, 'GET', '/api/leads', { cookie: repCookie })).body.items.find((item: { name: string }) => item.name === '线索测试甲');
    expect(await page.locator('.assignment-summary').textContent()).toBe(lead.assignment.summary['zh-CN']);
    const toolbar = page.getByRole('toolbar', { name: zhCN['customer.actions'] });
    await toolbar.locator('button[data-event="START_WORK"]').click();
    await page.locator('.stage-badge', { hasText: statusLabel('working') }).waitFor();
    await toolbar.locator('button[data-event="DISQUALIFY"]').click();
    const reason = page.getByLabel(zhCN['actions.payload.reason'], { exact: true });
    await reason.waitFor();
    await reason.fill('号码为空号');
    await page.locator('.action-payload button[type="submit"]').click();
    await page.locator('.stage-badge', { hasText: statusLabel('disqualified') }).waitFor();
    const disqualified = (await api(web.app, 'GET', `/api/leads/${lead.id}`, { cookie: repCookie })).body;
    expect(disqualified.status).toBe('disqualified');
    expect(await page.getByRole('button', { name: zhCN['lead.convert.submit'] }).count()).toBe(0);
    await saveScreenshot(page, 'lead-detail');
    const detailText = await page.locator('body').innerText();
    expect({ english: englishShownIn(detailText), keys: rawKeysShownIn(detailText) }).toEqual({ english: [], keys: [] });

    // Another lead converts into a customer, and the page then leads to that customer.
    const other = await api(web.app, 'POST', '/api/leads', { cookie: repCookie, body: { name: '线索测试乙', company: '乙公司', phone: '13900006002', source: 'event' } });
    expect(other.status).toBe(201);
    await page.goto(`${web.app.url}/leads/${other.body.id}`);
    await page.getByRole('button', { name: zhCN['lead.convert.submit'] }).click();
    const openCustomer = page.getByRole('link', { name: zhCN['lead.convert.openCustomer'] });
    await openCustomer.waitFor();
    const converted = (await api(web.app, 'GET', `/api/leads/${other.body.id}`, { cookie: repCookie })).body;
    expect(converted.status).toBe('converted');
    await openCustomer.click();
    await page.waitForURL(`**/customers/${converted.convertedCustomerId}`);

    // The list narrows by status, labelled from the lead machine.
    await page.getByRole('link', { name: zhCN['nav.leads'] }).click();
    await page.getByLabel(zhCN['leads.filter.status']).selectOption({ label: statusLabel('converted') });
    await page.locator('tr[data-lead-id]').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr[data-lead-id]').length === 1);
    expect(await page.locator('tr[data-lead-id]').getAttribute('data-lead-id')).toBe(String(other.body.id));
    await saveScreenshot(page, 'leads-list');
    const listText = await page.locator('body').innerText();
    expect({ english: englishShownIn(listText), keys: rawKeysShownIn(listText) }).toEqual({ english: [], keys: [] });
    expect(errors).toEqual([]);
  });
});
