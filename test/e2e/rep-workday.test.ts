import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { aNotification } from '../notifications/notification-fixtures.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let repCookie: string;
let repId: number;
const queueCustomers: number[] = [];
const poolCustomers: number[] = [];

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_rep_workday');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  repId = await userIdOf(web.app, 'rep.li');
  for (let n = 1; n <= 4; n++) {
    const created = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      // Upgrading a target needs its industry (the generic machine's requiredFields) and a logged contact.
      body: { name: `永康目标客户${n}号`, phone: `1390000100${n}`, stage: 'target', customFields: { industry: 'manufacturing' } },
    });
    expect(created.status).toBe(201);
    queueCustomers.push(created.body.id);
  }
  for (let n = 1; n <= 3; n++) {
    const created = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      body: { name: `公海客户${n}号`, phone: `1390000200${n}`, stage: 'target', ownership: 'pool' },
    });
    expect(created.status).toBe(201);
    poolCustomers.push(created.body.id);
  }
});
afterAll(async () => {
  await web?.close();
});


const itemName = (page: Page) => page.locator('.queue-item h2').textContent();
const itemId = async (page: Page) => Number(await page.locator('.queue-item').getAttribute('data-customer-id'));

/** The text a field's error shows, once the field is marked invalid. */
async function fieldError(page: Page, name: string): Promise<string> {
  const input = page.locator(`dialog [name="${name}"]`);
  await page.locator(`dialog [name="${name}"][aria-invalid="true"]`).waitFor();
  const describedBy = (await input.getAttribute('aria-describedby'))!.split(' ')[0];
  return (await page.locator(`[id="${describedBy}"]`).textContent()) ?? '';
}

/** Tomorrow at 10:00 in Shanghai, as a datetime-local input takes it. */
function tomorrowAtTen(): { local: string; instant: string } {
  const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 24 * 3600_000));
  return { local: `${shanghaiDay}T10:00`, instant: new Date(`${shanghaiDay}T02:00:00.000Z`).toISOString() };
}

describe('a rep’s working day in the console', () => {
  it('walks three queue items with N, logs a call with a follow-up, and fires an action from the action bar', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('button', { name: zhCN['workLine.start'] }).click();
    await page.getByRole('heading', { name: zhCN['page.queue.title'] }).waitFor();
    await page.locator('.queue-item h2').waitFor();

    const seen: number[] = [await itemId(page)];
    expect(await page.locator('.why-now [data-section]').textContent()).toBeTruthy();
    await saveScreenshot(page, 'queue-walk-zh-CN');
    for (let step = 0; step < 2; step++) {
      const before = await itemName(page);
      await page.keyboard.press('n');
      await page.waitForFunction((name) => document.querySelector('.queue-item h2')?.textContent !== name && document.querySelector('.queue-item')?.getAttribute('aria-busy') === 'false', before);
      seen.push(await itemId(page));
    }
    expect(new Set(seen).size).toBe(3);
    expect(seen.every((id) => queueCustomers.includes(id))).toBe(true);
    // The server walks in its own order: the three are the first three of GET /api/me/queue/next.
    const first = await api(web.app, 'GET', '/api/me/queue/next', { cookie: repCookie });
    expect(first.body.item.id).toBe(seen[0]);
    expect(await page.locator('.queue-page .hint').first().textContent()).toContain('已处理：2 个');

    // L opens the contact log; a reminder without a follow-up is refused beside the reminder field.
    const current = seen[2]!;
    await page.keyboard.press('l');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('channel');
    await dialog.locator('[name="outcome"]').selectOption('callbackRequested');
    await dialog.locator('[name="reminderAt"]').selectOption('15m');
    await dialog.locator('[name="notes"]').press('Control+Enter');
    expect(await fieldError(page, 'reminderAt')).toBe(zhCN['contactLog.error.reminderNeedsFollowUp']);

    // A follow-up before the contact itself: the API names /nextFollowUpAt, and its message shows by that field.
    await dialog.locator('[name="nextFollowUpAt"]').fill('2020-01-01T09:00');
    await dialog.locator('[name="notes"]').fill('客户要求下周再联系，先发资料');
    await dialog.locator('[name="notes"]').press('Control+Enter');
    const serverMessage = await fieldError(page, 'nextFollowUpAt');
    expect(serverMessage.length).toBeGreaterThan(0);
    expect(serverMessage).not.toBe(zhCN['contactLog.error.badDate']);
    await saveScreenshot(page, 'log-contact-error-zh-CN');

    const followUp = tomorrowAtTen();
    await dialog.locator('[name="nextFollowUpAt"]').fill(followUp.local);
    await dialog.locator('[name="notes"]').press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(zhCN['contactLog.saved']).waitFor();
    const records = await api(web.app, 'GET', `/api/customers/${current}/contact-records`, { cookie: repCookie });
    expect(records.body.items).toHaveLength(1);
    expect(records.body.items[0]).toMatchObject({
      outcome: 'callbackRequested',
      notes: '客户要求下周再联系，先发资料',
      nextFollowUpAt: followUp.instant,
      reminderAt: new Date(Date.parse(followUp.instant) - 15 * 60_000).toISOString(),
    });

    // Open the customer: the action bar is exactly the definition's actions, and UPGRADE moves it on.
    await page.getByRole('link', { name: zhCN['queue.openCustomer'] }).click();
    await page.waitForURL(`**/customers/${current}`);
    const toolbar = page.getByRole('toolbar', { name: zhCN['customer.actions'] });
    await toolbar.locator('button').first().waitFor();
    const actions = await api(web.app, 'GET', `/api/customers/${current}/actions`, { cookie: repCookie });
    const labels = (actions.body as Array<{ label: { 'zh-CN': string } }>).map((action) => action.label['zh-CN']);
    expect(await toolbar.locator('button').allTextContents()).toEqual(labels);
    const upgrade = toolbar.locator('button[data-event="UPGRADE"]');
    expect(await upgrade.isEnabled()).toBe(true);
    await page.locator('[data-section="contact-records"] tbody tr').first().waitFor();
    expect(await page.locator('[data-section="contact-records"]').textContent()).toContain('约定回访');
    await saveScreenshot(page, 'customer-360-zh-CN');

    await upgrade.focus();
    await page.keyboard.press('Enter');
    await page.locator('.stage-badge[data-stage="potential"]').waitFor();
    await toolbar.getByRole('status').waitFor();
    const customer = await api(web.app, 'GET', `/api/customers/${current}`, { cookie: repCookie });
    expect(customer.body.stage).toBe('potential');
    // The audit trail says why in words: the event and the two stages.
    await page.locator('[data-section="audit"]').getByText('从 目标客户 到 潜在客户').waitFor();
    await saveScreenshot(page, 'customer-360-after-upgrade-zh-CN');
    expect(errors).toEqual([]);
  });

  it('answers a stale edit with 409 and offers to reload instead of overwriting', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${queueCustomers[3]}`);
    await page.getByRole('button', { name: zhCN['customer.edit'] }).click();
    // Someone else changes the customer meanwhile.
    const loaded = await api(web.app, 'GET', `/api/customers/${queueCustomers[3]}`, { cookie: repCookie });
    const changed = await api(web.app, 'PATCH', `/api/customers/${queueCustomers[3]}`, {
      cookie: repCookie,
      headers: { 'if-match': `"${loaded.body.version}"` },
      // The generic machine lets a rep change a target customer's phone, not its contract date.
      body: { phone: '13900008888' },
    });
    expect(changed.status).toBe(200);
    await page.getByLabel(zhCN['customer.field.phone']).fill('13900009999');
    await page.getByRole('button', { name: zhCN['customer.save'] }).click();
    await page.getByText(zhCN['customer.stale']).waitFor();
    await page.getByRole('button', { name: zhCN['customer.reload'] }).click();
    await page.getByRole('button', { name: zhCN['customer.edit'] }).waitFor();
    expect((await api(web.app, 'GET', `/api/customers/${queueCustomers[3]}`, { cookie: repCookie })).body.phone).toBe('13900008888');
    // The reloaded details show the other person's change.
    await page.locator('.customer-details').getByText('13900008888').waitFor();
    expect(errors).toEqual([]);
  });

  it('claims two customers from the pool and shows the quota left in the rep’s language', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.waitForURL('**/pool');
    const quota = page.locator('.quota');
    await quota.waitFor();
    expect(await quota.textContent()).toBe('今天还可以占有 20 个（每天 20 个）。');
    for (const id of poolCustomers.slice(0, 2)) await page.locator(`tr[data-customer-id="${id}"] input[type="checkbox"]`).check();
    await page.getByRole('button', { name: '占有所选（2 个）' }).click();
    await page.locator('.claim-report').getByText('已占有 2 个。').waitFor();
    expect(await quota.textContent()).toBe('今天还可以占有 18 个（每天 20 个）。');
    await page.locator(`tr[data-customer-id="${poolCustomers[0]}"]`).waitFor({ state: 'detached' });
    await saveScreenshot(page, 'pool-after-claim-zh-CN');
    for (const id of poolCustomers.slice(0, 2)) {
      expect((await api(web.app, 'GET', `/api/customers/${id}`, { cookie: repCookie })).body).toMatchObject({ ownership: 'personal', ownerId: repId });
    }
    expect(errors).toEqual([]);
  });

  it('pops a reminder up live, counts it on the bell, and marks it read', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    const bell = page.locator('.notification-bell > button');
    await bell.waitFor();
    const [notificationId] = await aNotification(web.app, [repId], {
      kind: 'reminder',
      popup: true,
      title: { en: 'Call back 永康目标客户1号', 'zh-CN': '回访 永康目标客户1号' },
      link: { entity: 'customer', recordId: queueCustomers[0]!, customerId: queueCustomers[0]! },
    });
    const popup = page.locator('.reminder-popup');
    await popup.getByText('回访 永康目标客户1号').waitFor();
    await page.locator('[data-testid="unread-count"]').getByText('1').waitFor();
    await saveScreenshot(page, 'reminder-popup-zh-CN');
    await popup.getByRole('button', { name: zhCN['notifications.markRead'] }).click();
    await popup.waitFor({ state: 'detached' });
    await page.locator('[data-testid="unread-count"]').waitFor({ state: 'detached' });
    const list = await api(web.app, 'GET', '/api/me/notifications', { cookie: repCookie });
    expect(list.body.items.find((item: { id: number }) => item.id === notificationId).readAt).not.toBeNull();

    await bell.click();
    await page.getByRole('region', { name: zhCN['notifications.title'] }).getByText('回访 永康目标客户1号').waitFor();
    expect(errors).toEqual([]);
  });
});
