import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let repCookie: string;
let people: Array<{ id: number; displayName: string }>;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_manager_console');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  people = (await api(web.app, 'GET', '/api/people', { cookie: repCookie })).body;
});
afterAll(async () => {
  await web?.close();
});


/** Every customer id in the caller's generated queue, all sections. */
async function queueOf(cookie: string): Promise<number[]> {
  const queue = await api(web.app, 'GET', '/api/me/queue?limit=200', { cookie });
  expect(queue.status).toBe(200);
  return (queue.body.sections as Array<{ items: Array<{ customer: { id: number } }> }>).flatMap((section) => section.items.map((item) => item.customer.id));
}

describe('a manager in the console', () => {
  it('reassigns a customer of rep.li to rep.zhang, names both in its history, and it leaves rep.li’s queue', async () => {
    const created = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      body: { name: '调拨测试客户', phone: '13900003001', stage: 'target' },
    });
    expect(created.status).toBe(201);
    const customerId: number = created.body.id;
    expect(await queueOf(repCookie)).toContain(customerId);
    const zhangId = await userIdOf(web.app, 'rep.zhang');
    const liId = await userIdOf(web.app, 'rep.li');
    const zhang = people.find((person) => person.id === zhangId)!.displayName;
    const li = people.find((person) => person.id === liId)!.displayName;

    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.goto(`${web.app.url}/customers/${customerId}`);
    // Owners are named, not numbered.
    await page.locator('[data-field="owners"]').getByText(li).waitFor();

    await page.getByRole('button', { name: zhCN['reassign.open'] }).click();
    const form = page.locator('.reassign-form');
    // Confirming with nobody chosen is refused by the form, beside the field.
    await form.getByRole('button', { name: zhCN['reassign.confirm'] }).click();
    await form.locator('[name="toUserId"][aria-invalid="true"]').waitFor();
    expect(await form.locator('.field-error').textContent()).toBe(zhCN['reassign.pickSomeone']);
    const offered = await form.locator('[name="toUserId"] option').allTextContents();
    expect(offered).toContain(zhang);
    expect(offered).not.toContain(li); // the present owner
    await form.locator('[name="toUserId"]').selectOption({ label: zhang });
    await form.locator('[name="reason"]').fill('李娜休假，交给张伟跟进');
    await saveScreenshot(page, 'reassign-form-zh-CN');
    await form.getByRole('button', { name: zhCN['reassign.confirm'] }).click();
    await page.getByText(zhCN['reassign.done'].replace('{name}', zhang)).waitFor();

    const after = await api(web.app, 'GET', `/api/customers/${customerId}`, { cookie: await signInOverHttp(web.app, 'manager.wang') });
    expect(after.body.ownerId).toBe(zhangId);
    expect(await queueOf(repCookie)).not.toContain(customerId);
    expect(await queueOf(await signInOverHttp(web.app, 'rep.zhang'))).toContain(customerId);

    // The history and the trail name the people: the old and new owner by name, the manager as "you".
    const ownership = page.locator('[data-section="ownership"]');
    await ownership.getByText('李娜休假，交给张伟跟进').first().waitFor();
    const history = await ownership.innerText();
    expect(history).toContain(zhang);
    expect(history).toContain(li);
    expect(history).toContain(zhCN['person.you']);
    expect(history).not.toMatch(/用户 #\d+/);
    await page.locator('[data-field="owners"]').getByText(zhang).waitFor();
    expect(await page.locator('[data-section="audit"]').innerText()).not.toMatch(/用户 #\d+/);
    await saveScreenshot(page, 'customer-360-after-reassign-zh-CN');
    expect(errors).toEqual([]);
  });

  it('offers no reassign control to a rep', async () => {
    const created = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '无调拨按钮客户', phone: '13900003002', stage: 'target' } });
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${created.body.id}`);
    await page.getByRole('toolbar', { name: zhCN['customer.actions'] }).waitFor();
    expect(await page.getByRole('button', { name: zhCN['reassign.open'] }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
