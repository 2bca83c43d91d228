import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDefinitionMigrations } from '../../api/definitions/definition-migration.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
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


const nurture = { en: 'Nurture', 'zh-CN': '培育客户' };
const toNurture = { en: 'Move to nurture', 'zh-CN': '转入培育' };

/**
 * Publishes version 2 of the customer machine through the definitions API, as the designer does: a new stage,
 * 培育客户, reached from 目标客户 by NURTURE. No stage disappears, so no records need a state map.
 */
async function publishMachineWithNurtureStage(admin: string): Promise<{ id: number; total: number } | null> {
  const latest = await api(web.app, 'GET', '/api/definitions/machine/customer-lifecycle', { cookie: admin });
  const machine = structuredClone(latest.body.latest.document);
  machine.events.NURTURE = { label: toNurture };
  machine.states.nurture = {
    label: nurture,
    color: '#a855f7',
    tags: ['development'],
    permissions: machine.states.target.permissions,
    on: { UPGRADE: { target: 'target', permission: 'upgrade', label: { en: 'Back to target', 'zh-CN': '回到目标客户' } } },
  };
  machine.states.target.on.NURTURE = { target: 'nurture', permission: 'downgrade', label: toNurture };
  const published = await api(web.app, 'POST', '/api/definitions/machine/customer-lifecycle/publish', { cookie: admin, body: { document: machine, note: 'e2e: nurture stage' } });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  return published.body.migration;
}

/** Runs the migrations publishing queued, as the runtime's workers do, and gives the migration's progress after. */
async function migrated(admin: string, id: number): Promise<{ state: string; done: number; total: number }> {
  await runDefinitionMigrations(web.app.orm);
  return (await api(web.app, 'GET', `/api/definitions/migrations/${id}`, { cookie: admin })).body;
}

describe('a change to the customer machine', () => {
  it('shows up in the console as a new action and a new stage, with no rebuild, on older customers once migrated', async () => {
    const before = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '旧版本客户', phone: '13900005001', stage: 'target' } });
    expect(before.status).toBe(201);
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.goto(`${web.app.url}/customers/${before.body.id}`);
    const toolbar = page.getByRole('toolbar', { name: zhCN['customer.actions'] });
    await toolbar.locator('button').first().waitFor();
    expect(await toolbar.locator('button[data-event="NURTURE"]').count()).toBe(0);

    const admin = await signInOverHttp(web.app, 'admin');
    const migration = await publishMachineWithNurtureStage(admin);
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

    // The customer created on version 1 is moved by the migration the publish queued, and then offers NURTURE too.
    expect(migration).not.toBeNull();
    expect(await migrated(admin, migration!.id)).toMatchObject({ state: 'done', done: migration!.total });
    expect((await api(web.app, 'GET', `/api/customers/${before.body.id}`, { cookie: repCookie })).body.definition).toEqual({ key: 'customer-lifecycle', version: 2 });
    await page.goto(`${web.app.url}/customers/${before.body.id}`);
    await toolbar.locator('button[data-event="NURTURE"]').waitFor();
    expect(errors).toEqual([]);
  });
});
