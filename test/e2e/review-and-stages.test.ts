import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
const cookies: Record<string, string> = {};
const targets: number[] = [];
let targetLabel: string;

/** Customers, calls, an opportunity and an order of rep.li today, and one customer of rep.zhang, through the API. */
beforeAll(async () => {
  web = await startBrowserTestApp('e2e_review_and_stages');
  await installGenericTemplate(web.app);
  for (const login of ['rep.li', 'rep.zhang', 'manager.wang']) cookies[login] = await signInOverHttp(web.app, login);
  for (const [index, name] of ['审阅乙公司', '审阅甲公司', '审阅丙公司'].entries()) {
    const created = await api(web.app, 'POST', '/api/customers', { cookie: cookies['rep.li'], body: { name, phone: `1390000410${index}`, stage: 'target' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    targets.push(created.body.id);
  }
  for (const customerId of targets.slice(0, 2)) {
    const logged = await api(web.app, 'POST', `/api/customers/${customerId}/contact-records`, {
      cookie: cookies['rep.li'],
      body: { channel: 'call', outcome: 'connected', notes: '介绍了产品' },
    });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  }
  expect((await api(web.app, 'POST', '/api/customers', { cookie: cookies['rep.zhang'], body: { name: '审阅丁公司', phone: '13900004200' } })).status).toBe(201);
  const li = await userIdOf(web.app, 'rep.li');
  await web.app.schema.pool.query(
    `insert into opportunity (customer_id, name, stage, amount, owner_id, machine_snapshot, definition_key, definition_version)
     values ($1, '审阅商机', 'qualification', 1200.50, $2, '{}'::jsonb, 'opportunity-funnel', 1)`,
    [targets[0], li],
  );
  await web.app.schema.pool.query(
    `insert into sales_order (customer_id, order_number, status, amount, owner_id, machine_snapshot, definition_key, definition_version)
     values ($1, 'RV-E2E-1', 'pending', 999.99, $2, '{}'::jsonb, 'order-follow-up', 1)`,
    [targets[0], li],
  );
  const queue = await api(web.app, 'GET', '/api/me/queue?limit=1', { cookie: cookies['rep.li'] });
  targetLabel = queue.body.stages.find((stage: { key: string }) => stage.key === 'target').label['zh-CN'];
});
afterAll(async () => {
  await web?.close();
});

describe('review & analysis and stage lists in the console', () => {
  it('shows a manager the team’s planted numbers in the table beside the chart', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.getByRole('link', { name: zhCN['nav.review'] }).click();
    await page.getByRole('heading', { name: zhCN['nav.review'] }).waitFor();
    const li = page.locator(`.review-table tr[data-user-id="${await userIdOf(web.app, 'rep.li')}"]`);
    await li.waitFor();
    const cell = (metric: string) => li.locator(`td[data-metric="${metric}"]`).textContent();
    expect(await cell('newCustomers')).toBe('3');
    expect(await cell('contactRecords')).toBe('2');
    expect(await cell('opportunities')).toBe('1');
    expect(await cell('opportunityAmount')).toBe('1200.50');
    expect(await cell('orders')).toBe('1');
    expect(await cell('orderAmount')).toBe('999.99');
    const zhang = page.locator(`.review-table tr[data-user-id="${await userIdOf(web.app, 'rep.zhang')}"]`);
    expect(await zhang.locator('td[data-metric="newCustomers"]').textContent()).toBe('1');

    // The chart draws a bar per person per day (SVG), and its legend names the team.
    const chart = page.locator('.activity-chart svg');
    await chart.waitFor();
    expect(await chart.innerHTML()).toContain('李娜');
    await page.getByLabel(zhCN['review.metric'], { exact: true }).selectOption('newCustomers');
    await saveScreenshot(page, 'review-activity-zh-CN');

    // A period the API refuses is said beside the field it names.
    await page.getByLabel(zhCN['review.from']).fill('2026-12-31');
    await page.getByLabel(zhCN['review.to']).fill('2026-01-01');
    await page.getByRole('button', { name: zhCN['review.show'] }).click();
    await page.locator('.review-controls .field-error').filter({ hasText: /\S/ }).first().waitFor();

    const text = await page.locator('main').innerText();
    expect(englishShownIn(text)).toEqual([]);
    expect(rawKeysShownIn(text)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('lets an administrator narrow the review to one team', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'admin');
    await page.goto(`${web.app.url}/review`);
    const admin = page.locator(`.review-table tr[data-user-id="${await userIdOf(web.app, 'admin')}"]`);
    await admin.waitFor();
    await page.getByLabel(zhCN['review.team']).selectOption({ label: '华东销售组' });
    await page.getByRole('button', { name: zhCN['review.show'] }).click();
    await admin.waitFor({ state: 'detached' });
    expect(await page.locator('.review-table tbody tr').count()).toBe(3);
    expect(errors).toEqual([]);
  });

  it('walks a stage list with the keyboard and opens the customer with Enter', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    // The navigation names the stage by the definition's label.
    await page.getByRole('navigation', { name: zhCN['shell.mainNavigation'] }).getByRole('link', { name: targetLabel }).click();
    await page.getByRole('heading', { name: targetLabel }).waitFor();
    const status = page.locator('.stage-list-bar [data-total]');
    await status.waitFor();
    expect(await status.getAttribute('data-total')).toBe('3');

    // Sorted by name, ascending: the rows follow the header.
    await Promise.all([
      page.waitForResponse((response) => response.url().includes('sort=name') && response.ok()),
      page.getByRole('button', { name: zhCN['customer.field.name'] }).click(),
    ]);
    await page.locator('th[aria-sort="ascending"]').waitFor();
    await page.locator('.stage-table[aria-busy="false"]').waitFor();
    const rows = page.locator('.stage-table tbody tr');
    const names = await rows.locator('td:first-child').allTextContents();
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(3);
    await saveScreenshot(page, 'stage-list-target-zh-CN');

    await rows.first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // stops at the last row
    const third = await rows.nth(2).getAttribute('data-customer-id');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-customer-id'))).toBe(third);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/customers/${third}`);
    await page.getByRole('toolbar', { name: zhCN['customer.actions'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('narrows a stage list to the customers due today in the person’s zone', async () => {
    // Noon today in Shanghai: "today" whatever the hour the test runs.
    await web.app.schema.pool.query(
      `update customer set next_follow_up_at = (date_trunc('day', now() at time zone 'Asia/Shanghai') + interval '12 hours') at time zone 'Asia/Shanghai'
       where id = $1`,
      [targets[1]],
    );
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/target?due=today`);
    const status = page.locator('.stage-list-bar [data-total]');
    await status.waitFor();
    expect(await status.getAttribute('data-total')).toBe('1');
    expect(await page.locator('.stage-table tbody tr').getAttribute('data-customer-id')).toBe(String(targets[1]));
    await page.getByLabel(zhCN['stages.due']).selectOption('');
    await page.getByRole('button', { name: zhCN['stages.apply'] }).click();
    await page.locator('.stage-list-bar [data-total="3"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('opens the call scripts of the customer’s stage beside a rep’s contact log', async () => {
    const reference = await api(web.app, 'POST', '/api/call-scripts', {
      cookie: cookies['manager.wang'],
      body: { kind: 'reference', title: '目标客户开场白', body: '您好，我是达盟的李娜，想了解一下贵公司的采购计划。', stages: ['target'] },
    });
    expect(reference.status).toBe(201);
    await api(web.app, 'POST', '/api/call-scripts', { cookie: cookies['rep.li'], body: { title: '潜在客户回访', body: '上次您提到……', stages: ['potential'] } });

    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${targets[2]}`);
    await page.getByRole('toolbar', { name: zhCN['customer.actions'] }).waitFor();
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const panel = dialog.locator('.call-script-panel');
    await panel.getByText('目标客户开场白').waitFor();
    expect(await panel.getByText('潜在客户回访').count()).toBe(0); // another stage's script
    await panel.getByText('目标客户开场白').click();
    await panel.getByText('您好，我是达盟的李娜').waitFor();

    // A personal script written from the panel joins the list for this stage.
    await panel.getByRole('button', { name: zhCN['scripts.new'] }).click();
    await panel.getByLabel(zhCN['scripts.new.title']).fill('我的报价说法');
    await panel.getByLabel(zhCN['scripts.new.body']).fill('价格方面我们可以……');
    await panel.getByRole('button', { name: zhCN['scripts.new.save'] }).click();
    await panel.locator('li[data-kind="personal"]').getByText('我的报价说法').waitFor();
    // Changing it: the API's refusal of an empty title shows beside the title, then a real one is saved.
    const mine = panel.locator('li[data-kind="personal"]');
    await mine.getByText('我的报价说法').click();
    await mine.getByRole('button', { name: zhCN['scripts.editNamed'].replace('{title}', '我的报价说法') }).click();
    await mine.getByLabel(zhCN['scripts.new.title']).fill(' ');
    await mine.getByRole('button', { name: zhCN['scripts.new.save'] }).click();
    await mine.locator('[name="title"][aria-invalid="true"]').waitFor();
    await mine.getByLabel(zhCN['scripts.new.title']).fill('我的报价说法（改）');
    await mine.getByRole('button', { name: zhCN['scripts.new.save'] }).click();
    await mine.getByText('我的报价说法（改）').waitFor();
    await saveScreenshot(page, 'contact-log-with-call-scripts-zh-CN');
    // The contact form beside it still saves as before.
    await dialog.getByLabel(zhCN['contactLog.notes']).fill('按话术介绍');
    await dialog.getByRole('button', { name: zhCN['contactLog.save'] }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
  });

  it('tracks the listed customers one at a time with N and P', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/target`);
    const rows = page.locator('.stage-table tbody tr');
    await rows.first().waitFor();
    const listed = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-customer-id')));
    await page.getByRole('button', { name: zhCN['stages.track'] }).click();
    const current = page.locator('.tracking-view h1');
    await current.waitFor();
    expect(await current.getAttribute('data-customer-id')).toBe(listed[0]);
    await page.keyboard.press('n');
    await page.locator(`.tracking-view h1[data-customer-id="${listed[1]}"]`).waitFor();
    await page.keyboard.press('p');
    await page.locator(`.tracking-view h1[data-customer-id="${listed[0]}"]`).waitFor();
    await page.keyboard.press('l');
    await page.getByRole('dialog').locator('.call-script-panel').waitFor();
    await saveScreenshot(page, 'stage-tracking-zh-CN');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: zhCN['stages.backToList'] }).click();
    await rows.first().waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a manager read the team’s contact records and take the claim off a paused customer', async () => {
    const paused = await api(web.app, 'POST', '/api/customers', { cookie: cookies['rep.li'], body: { name: '暂停跟踪公司', phone: '13900004300', stage: 'target' } });
    expect(paused.status).toBe(201);
    // Moved on to a potential customer being tracked, as an upgrade would leave it (the upgrade's own rules are not this test's).
    await web.app.schema.pool.query(
      `update customer set stage = 'potential',
              machine_snapshot = jsonb_set(jsonb_set(machine_snapshot, '{value}', '"potential"'), '{flags}', '{"tracking": "tracking"}')
       where id = $1`,
      [paused.body.id],
    );
    const fired = await api(web.app, 'POST', `/api/customers/${paused.body.id}/events`, { cookie: cookies['rep.li'], body: { type: 'PAUSE_TRACKING' } });
    expect(fired.status, JSON.stringify(fired.body)).toBe(200);

    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.getByRole('link', { name: zhCN['nav.contactRecords'] }).click();
    const records = page.locator('.contact-review-table tbody tr');
    await records.first().waitFor();
    const expected = await api(web.app, 'GET', '/api/reviews/contact-records', { cookie: cookies['manager.wang'] });
    expect(await records.count()).toBe(expected.body.items.length);
    expect(expected.body.items.length).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.contact-review-table').innerText()).toContain('介绍了产品');
    // Only rep.zhang's records: he wrote none.
    await page.getByLabel(zhCN['contactReview.rep']).selectOption({ value: String(await userIdOf(web.app, 'rep.zhang')) });
    await page.getByRole('button', { name: zhCN['stages.apply'] }).click();
    await page.getByText(zhCN['contactReview.empty']).waitFor();
    await saveScreenshot(page, 'team-contact-records-zh-CN');

    await page.getByRole('link', { name: zhCN['nav.pausedCustomers'] }).click();
    const row = page.locator(`.paused-table tr[data-customer-id="${paused.body.id}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: zhCN['removeClaim.openFor'].replace('{name}', '暂停跟踪公司') }).click();
    await row.getByLabel(zhCN['removeClaim.reason']).fill('长期暂停，放回公海');
    await saveScreenshot(page, 'paused-customers-zh-CN');
    await row.getByRole('button', { name: zhCN['removeClaim.confirm'] }).click();
    await row.waitFor({ state: 'detached' });
    const after = await api(web.app, 'GET', `/api/customers/${paused.body.id}`, { cookie: cookies['manager.wang'] });
    expect(after.body).toMatchObject({ ownership: 'pool', ownerId: null });
    expect(errors).toEqual([]);
  });
});
