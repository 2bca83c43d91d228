import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetLatestVersions } from '../../api/customers/published-definitions.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { demoPassword, signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let repCookie: string;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_machine_change');
  await installGenericTemplate(web.app);
  repCookie = await signInOverHttp(web.app, 'rep.li');
});
afterAll(async () => {
  await web?.close();
});

async function signIn(page: Page) {
  page.setDefaultTimeout(10_000);
  await page.getByLabel(zhCN['login.login']).fill('rep.li');
  await page.getByLabel(zhCN['login.password'], { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: zhCN['login.submit'] }).click();
  await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
}

const nurture = { en: 'Nurture', 'zh-CN': '培育客户' };
const toNurture = { en: 'Move to nurture', 'zh-CN': '转入培育' };

/**
 * Publishes version 2 of the customer machine: a new stage, 培育客户, reached from 目标客户 by NURTURE. No API
 * publishes one machine yet (only the template installer and the routing policy command write definition_version),
 * so the row is written as the installer writes it, and the server's moment-long "latest version" cache is cleared
 * as a publish in its own process clears it.
 */
async function publishMachineWithNurtureStage(): Promise<void> {
  const { rows } = await web.app.schema.pool.query(
    "select document from definition_version where kind = 'machine' and key = 'customer-lifecycle' order by version desc limit 1",
  );
  const machine = structuredClone(rows[0].document);
  machine.version = 2;
  machine.events.NURTURE = { label: toNurture };
  machine.states.nurture = {
    label: nurture,
    color: '#a855f7',
    tags: ['development'],
    permissions: machine.states.target.permissions,
    on: { UPGRADE: { target: 'target', permission: 'upgrade', label: { en: 'Back to target', 'zh-CN': '回到目标客户' } } },
  };
  machine.states.target.on.NURTURE = { target: 'nurture', permission: 'downgrade', label: toNurture };
  await web.app.schema.pool.query(
    "insert into definition_version (kind, key, version, document, source, published_at) values ('machine', 'customer-lifecycle', 2, $1, 'test:e2e', now())",
    [JSON.stringify(machine)],
  );
  forgetLatestVersions(web.app.orm.em);
}

describe('a change to the customer machine', () => {
  it('shows up in the console as a new action and a new stage, with no rebuild', async () => {
    const before = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '旧版本客户', phone: '13900005001', stage: 'target' } });
    expect(before.status).toBe(201);
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signIn(page);
    await page.goto(`${web.app.url}/customers/${before.body.id}`);
    const toolbar = page.getByRole('toolbar', { name: zhCN['customer.actions'] });
    await toolbar.locator('button').first().waitFor();
    expect(await toolbar.locator('button[data-event="NURTURE"]').count()).toBe(0);

    await publishMachineWithNurtureStage();
    const after = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '新版本客户', phone: '13900005002', stage: 'target' } });
    expect(after.body.definition).toEqual({ key: 'customer-lifecycle', version: 2 });

    // The same built console, the page loaded again: the new version's button, in its label and order.
    await page.goto(`${web.app.url}/customers/${after.body.id}`);
    const nurtureButton = toolbar.locator('button[data-event="NURTURE"]');
    await nurtureButton.waitFor();
    expect(await nurtureButton.textContent()).toBe(toNurture['zh-CN']);
    const actions = await api(web.app, 'GET', `/api/customers/${after.body.id}/actions`, { cookie: repCookie });
    expect(await toolbar.locator('button').allTextContents()).toEqual(actions.body.map((action: { label: { 'zh-CN': string } }) => action.label['zh-CN']));
    await saveScreenshot(page, 'customer-360-new-action-zh-CN');

    await nurtureButton.click();
    await page.locator('.stage-badge[data-stage="nurture"]').waitFor();
    expect((await api(web.app, 'GET', `/api/customers/${after.body.id}`, { cookie: repCookie })).body.stage).toBe('nurture');
    // The new stage is named from the definition once the work line reads it (a reload), in the navigation too.
    await page.reload();
    await page.locator('.stage-badge[data-stage="nurture"]').getByText(nurture['zh-CN'], { exact: true }).waitFor();
    await page.locator('.side-nav').getByText(nurture['zh-CN']).waitFor();
    await saveScreenshot(page, 'customer-360-new-stage-zh-CN');

    // A customer keeps the version it runs on: the older one is offered no NURTURE.
    await page.goto(`${web.app.url}/customers/${before.body.id}`);
    await toolbar.locator('button').first().waitFor();
    expect(await toolbar.locator('button[data-event="NURTURE"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
