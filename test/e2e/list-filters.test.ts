import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { publishPolicy, singleRulePolicy } from '../leads/lead-fixtures.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let repCookie: string;
const ids = { itQuiet: 0, itContacted: 0, retail: 0, none: 0 };
const itAndNoContact = { all: [{ fact: 'custom.industry', operator: 'equal', value: 'it' }, { fact: 'lastContactAt', operator: 'isEmpty' }] };

async function poolCustomer(name: string, phone: string, industry?: string): Promise<number> {
  const created = await api(web.app, 'POST', '/api/customers', {
    cookie: repCookie,
    body: { name, phone, stage: 'target', ownership: 'pool', ...(industry === undefined ? {} : { customFields: { industry } }) },
  });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** The total the pool's list answers for `filter`, as the API counts it for rep.li. */
async function poolTotal(filter?: unknown): Promise<number> {
  const query = `ownership=pool&limit=1${filter === undefined ? '' : `&filter=${encodeURIComponent(JSON.stringify(filter))}`}`;
  const response = await api(web.app, 'GET', `/api/customers?${query}`, { cookie: repCookie });
  expect(response.status).toBe(200);
  return response.body.total;
}

const shownTotal = async (page: Page, total: number) => page.locator(`.pool-total[data-total="${total}"]`).waitFor();
const idsInOrder = (page: Page) => page.locator('.pool-table tbody tr').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-customer-id'))));
const shownIds = async (page: Page) => (await idsInOrder(page)).sort((a, b) => a - b);
/** Clicks a pool column header and waits for the list read with `sort`. */
async function sortBy(page: Page, label: string, sort: string) {
  await Promise.all([
    page.waitForResponse((response) => new URL(response.url()).searchParams.get('sort') === sort && response.url().includes('/api/customers?') && response.ok()),
    page.locator('.pool-table thead').getByRole('button', { name: label }).click(),
  ]);
}

async function openPool(page: Page) {
  await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
  await page.waitForURL('**/pool');
  await page.locator('.pool-total').waitFor();
}

async function openFilters(page: Page) {
  await page.getByRole('button', { name: /^筛选（/ }).click();
  await page.getByRole('form', { name: zhCN['filters.title'] }).waitFor();
}

/** Sets the last row of the builder (or of its group) to field · operator · value, by their Chinese labels. */
async function fillLastRow(page: Page, field: string, operator: string, value?: { select?: string; fill?: string }) {
  const row = page.locator('.filter-builder .filter-row').last();
  await row.getByLabel(zhCN['filters.field']).selectOption({ label: field });
  await row.getByLabel(zhCN['filters.operator']).selectOption({ label: operator });
  if (value?.select !== undefined) await row.getByLabel(zhCN['filters.value']).selectOption({ label: value.select });
  if (value?.fill !== undefined) await row.getByLabel(zhCN['filters.value']).fill(value.fill);
}

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_list_filters');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  ids.itQuiet = await poolCustomer('筛选测试IT未联系', '13900008001', 'it');
  ids.itContacted = await poolCustomer('筛选测试IT已联系', '13900008002', 'it');
  ids.retail = await poolCustomer('筛选测试零售', '13900008003', 'retail');
  ids.none = await poolCustomer('筛选测试无行业', '13900008004');
  // A pool customer someone called before it was released: its last contact is set, as a released one's would be.
  await web.app.schema.pool.query('update customer set last_contact_at = now() where id = $1', [ids.itContacted]);
  const admin = await signInOverHttp(web.app, 'admin');
  await publishPolicy(web.app, admin, singleRulePolicy('lead-routing', { type: 'roundRobin', candidates: { users: ['rep.li'] } }));
  for (const [name, company, phone] of [['筛选线索甲', '星河科技', '13900008101'], ['筛选线索乙', '远山贸易', '13900008102']]) {
    expect((await api(web.app, 'POST', '/api/leads', { cookie: repCookie, body: { name, company, phone, source: 'event' } })).status).toBe(201);
  }
});
afterAll(async () => {
  await web?.close();
});

describe('filters and saved views on the pool', () => {
  it('a rep filters by industry and no contact, sees the total change, saves the view, gets the same rows back from it, renames and deletes it', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await openPool(page);
    const everyone = await poolTotal();
    await shownTotal(page, everyone);

    await openFilters(page);
    const builder = page.getByRole('form', { name: zhCN['filters.title'] });
    await builder.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(page, '行业', zhCN['filters.operator.equal'], { select: '信息技术与软件' });
    await builder.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(page, '上次联系时间', zhCN['filters.operator.isEmpty']);
    // A third row left without its value: the list's refusal shows under that row, by the path it names.
    await builder.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(page, '通话次数', zhCN['filters.operator.greaterThan']);
    await builder.getByRole('button', { name: zhCN['filters.apply'] }).click();
    const refused = page.locator('.filter-row').nth(2).locator('.field-problem');
    await refused.waitFor();
    expect(await page.locator('.filter-row .field-problem').count()).toBe(1);
    expect(await refused.innerText()).toMatch(/[\u4e00-\u9fff]/);
    await saveScreenshot(page, 'list-filters-problem-by-row-zh-CN');

    // Typing a value and pressing Enter applies the filter from the keyboard.
    await page.locator('.filter-row').nth(2).getByLabel(zhCN['filters.value']).fill('-1');
    await page.locator('.filter-row').nth(2).getByLabel(zhCN['filters.value']).press('Enter');
    const filtered = await poolTotal({ all: [...itAndNoContact.all, { fact: 'callCount', operator: 'greaterThan', value: -1 }] });
    expect(filtered).toBeLessThan(everyone);
    await shownTotal(page, filtered);
    await page.locator('.filter-row .field-problem').waitFor({ state: 'detached' });
    // The last row goes again with its remove button; the list is then exactly the two conditions.
    await page.locator('.filter-row').nth(2).getByRole('button', { name: zhCN['filters.removeCondition'] }).click();
    await builder.getByRole('button', { name: zhCN['filters.apply'] }).click();
    const expected = await poolTotal(itAndNoContact);
    await shownTotal(page, expected);
    const rows = await shownIds(page);
    expect(rows).toContain(ids.itQuiet);
    expect(rows).not.toContain(ids.itContacted);
    expect(rows).not.toContain(ids.retail);
    expect(rows).not.toContain(ids.none);
    expect(rows).toHaveLength(expected);

    // Two sort levels from the headers: stage, then name descending (a second click turns a level around).
    await sortBy(page, zhCN['customer.field.stage'], 'stage');
    await sortBy(page, zhCN['customer.field.name'], 'stage,name');
    await sortBy(page, zhCN['customer.field.name'], 'stage,-name');
    await page.locator('th[data-sort-fact="name"][aria-sort="descending"] sup').getByText('2').waitFor();
    const sortedRows = await idsInOrder(page);

    const text = await page.locator('body').innerText();
    expect({ english: englishShownIn(text), keys: rawKeysShownIn(text) }).toEqual({ english: [], keys: [] });
    await saveScreenshot(page, 'list-filters-pool-zh-CN');

    await page.getByRole('button', { name: zhCN['views.save'] }).click();
    await page.getByLabel(zhCN['views.name']).fill('IT 未联系');
    // A rep is not offered sharing.
    expect(await page.getByText(zhCN['views.shareWith']).count()).toBe(0);
    await page.getByRole('button', { name: zhCN['views.saveSubmit'] }).click();
    await page.locator('.saved-view-form').waitFor({ state: 'detached' });
    const saved = await api(web.app, 'GET', '/api/saved-views?entity=customer', { cookie: repCookie });
    expect(saved.body.items).toHaveLength(1);
    expect(saved.body.items[0]).toMatchObject({
      name: { 'zh-CN': 'IT 未联系' },
      filter: itAndNoContact,
      sort: [{ fact: 'stage', direction: 'asc' }, { fact: 'name', direction: 'desc' }],
      sharedWithRoles: [],
      columns: ['name', 'phone', 'stage', 'lastContactAt'],
    });

    await page.reload();
    await page.locator('.pool-total').waitFor();
    await shownTotal(page, everyone);
    await page.getByLabel(zhCN['views.label']).selectOption({ label: 'IT 未联系' });
    await shownTotal(page, expected);
    await page.locator('th[data-sort-fact="name"][aria-sort="descending"]').waitFor();
    expect(await idsInOrder(page)).toEqual(sortedRows);

    // The view is the rep's own: it may be renamed and deleted.
    await page.getByRole('button', { name: zhCN['views.rename'] }).click();
    await page.getByLabel(zhCN['views.name']).fill('IT 客户（未联系）');
    await page.getByLabel(zhCN['views.name']).press('Enter');
    await page.locator('.saved-view-form').waitFor({ state: 'detached' });
    await page.getByLabel(zhCN['views.label']).locator('option', { hasText: 'IT 客户（未联系）' }).waitFor({ state: 'attached' });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: zhCN['views.delete'] }).click();
    await page.getByLabel(zhCN['views.label']).locator('option', { hasText: 'IT 客户（未联系）' }).waitFor({ state: 'detached' });
    expect((await api(web.app, 'GET', '/api/saved-views?entity=customer', { cookie: repCookie })).body.items).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a manager shares a view with the reps and a rep picks it', async () => {
    const roles = (await api(web.app, 'GET', '/api/roles', { cookie: repCookie })).body as Array<{ key: string; labels: Record<string, string> }>;
    const repRole = roles.find((role) => role.key === 'rep')!;

    const manager = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(manager.page, 'manager.wang');
    await openPool(manager.page);
    await openFilters(manager.page);
    await manager.page.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(manager.page, '行业', zhCN['filters.operator.equal'], { select: '零售与批发' });
    await manager.page.getByRole('button', { name: zhCN['filters.apply'] }).click();
    await manager.page.locator(`.pool-table tbody tr[data-customer-id="${ids.retail}"]`).waitFor();
    await manager.page.getByRole('button', { name: zhCN['views.save'] }).click();
    await manager.page.getByLabel(zhCN['views.name']).fill('零售客户');
    await manager.page.getByRole('group', { name: zhCN['views.shareWith'] }).getByLabel(repRole.labels['zh-CN']!, { exact: true }).check();
    await saveScreenshot(manager.page, 'list-filters-share-view-zh-CN');
    await manager.page.getByRole('button', { name: zhCN['views.saveSubmit'] }).click();
    await manager.page.locator('.saved-view-form').waitFor({ state: 'detached' });
    expect(manager.errors).toEqual([]);

    const rep = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(rep.page, 'rep.zhang');
    await openPool(rep.page);
    const sharedGroup = rep.page.getByLabel(zhCN['views.label']).locator(`optgroup[label="${zhCN['views.shared']}"]`);
    await sharedGroup.locator('option', { hasText: '零售客户' }).waitFor({ state: 'attached' });
    await rep.page.getByLabel(zhCN['views.label']).selectOption({ label: '零售客户' });
    const expected = await poolTotal({ all: [{ fact: 'custom.industry', operator: 'equal', value: 'retail' }] });
    await shownTotal(rep.page, expected);
    expect(await shownIds(rep.page)).toContain(ids.retail);
    expect(await shownIds(rep.page)).not.toContain(ids.itQuiet);
    // Not the rep's own: no rename or delete.
    expect(await rep.page.getByRole('button', { name: zhCN['views.delete'] }).count()).toBe(0);
    await saveScreenshot(rep.page, 'list-filters-shared-view-zh-CN');
    expect(rep.errors).toEqual([]);
  });

  it('a rep filters the leads by company and a stage list by industry, each in the same builder', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.leads'] }).click();
    await page.locator('.leads-table tbody tr').nth(1).waitFor();
    await openFilters(page);
    await page.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(page, '公司', zhCN['filters.operator.includesText'], { fill: '星河' });
    await page.getByRole('button', { name: zhCN['filters.apply'] }).click();
    await page.locator('.leads-table tbody tr').nth(1).waitFor({ state: 'detached' });
    expect(await page.locator('.leads-table tbody tr td:nth-child(2)').allInnerTexts()).toEqual(['星河科技']);

    await page.goto(`${web.app.url}/customers/target`);
    await page.locator('.stage-table tbody tr').first().waitFor();
    await openFilters(page);
    await page.getByRole('button', { name: zhCN['filters.addCondition'], exact: true }).click();
    await fillLastRow(page, '行业', zhCN['filters.operator.in']);
    await page.locator('.filter-row').last().getByLabel(zhCN['filters.value']).selectOption([{ label: '零售与批发' }]);
    await page.getByRole('button', { name: zhCN['filters.apply'] }).click();
    const total = (await api(web.app, 'GET', `/api/customers?stage=target&limit=1&filter=${encodeURIComponent(JSON.stringify({ all: [{ fact: 'custom.industry', operator: 'in', value: ['retail'] }] }))}`, { cookie: repCookie })).body.total;
    const everyTarget = (await api(web.app, 'GET', '/api/customers?stage=target&limit=1', { cookie: repCookie })).body.total;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(everyTarget);
    await page.locator(`.stage-list-bar [data-total="${total}"]`).waitFor();
    expect(await page.locator('.stage-table tbody tr').count()).toBe(total);
    await saveScreenshot(page, 'list-filters-stage-list-zh-CN');
    expect(errors).toEqual([]);
  });
});
