import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en as designerEn } from '../../designer/src/i18n/messages.en.ts';
import { zhCN as designerZh } from '../../designer/src/i18n/messages.zh-CN.ts';
import { en } from '../../workspace/src/i18n/messages.en.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, submitSignInForm, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { runDefinitionMigrations } from '../../api/definitions/definition-migration.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let adminCookie: string;
let repCookie: string;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_designer');
  await installGenericTemplate(web.app);
  adminCookie = await signInOverHttp(web.app, 'admin');
  repCookie = await signInOverHttp(web.app, 'rep.li');
});
afterAll(async () => {
  await web?.close();
});

const machinePath = '/api/definitions/machine/customer-lifecycle';

/** The draft as the server holds it, once the designer says it is saved. */
async function savedDraft(page: Page): Promise<unknown> {
  await page.locator('.save-state.saved').waitFor();
  const detail = await api(web.app, 'GET', machinePath, { cookie: adminCookie });
  return detail.body.draft?.document;
}

/** English texts of the designer that would show on a Chinese page if a key were missing or left untranslated. */
const englishOnlyFragments = Object.entries(designerEn)
  .filter(([key, text]) => designerZh[key as keyof typeof designerEn] !== text)
  .flatMap(([, text]) => text.split(/\{\w+\}/))
  .map((fragment) => fragment.trim())
  .filter((fragment) => fragment.length >= 4);
const englishShownOn = async (page: Page) => {
  const text = await page.locator('body').innerText();
  return englishOnlyFragments.filter((fragment) => new RegExp(`(^|[^A-Za-z])${fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`).test(text));
};

const node = (page: Page, state: string) => page.locator(`.react-flow__node[data-id="${state}"]`);
const inspector = (page: Page) => page.locator('.inspector-column');

/**
 * A node's box once the canvas has stopped moving it: adding a state fits the view on the next frame, so a box read
 * at once can be stale by the time the mouse gets there.
 */
async function settledBox(page: Page, state: string): Promise<{ x: number; y: number; width: number; height: number }> {
  let last = await node(page, state).boundingBox();
  for (let tries = 0; tries < 100; tries++) {
    await page.waitForTimeout(100);
    const now = await node(page, state).boundingBox();
    if (last !== null && now !== null && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error(`the ${state} node kept moving for 10 s`);
}

async function addTransitionFromInspector(page: Page, event: string, target: string) {
  await inspector(page).getByLabel(designerZh['transition.event']).fill(event);
  await inspector(page).getByLabel(designerZh['transition.target'], { exact: true }).selectOption(target);
  await inspector(page).getByRole('button', { name: designerZh['transition.add'] }).click();
}

describe('the designer', () => {
  it('lets an admin add a stage between potential and opportunity, fix a dangling edge, preview and publish it; a rep then sees the new action', async () => {
    const { page, context, errors } = await web.openPage({ locale: 'zh-CN', path: '/designer/machine/customer-lifecycle' });
    page.setDefaultTimeout(15_000);

    // Signed out: the workspace sign-in, then straight back to the machine.
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin');
    await page.waitForURL('**/designer/machine/customer-lifecycle');
    await node(page, 'potential').waitFor();
    await page.locator('.no-problems').waitFor();

    // A new stage, placed between potential and opportunity.
    await inspector(page).getByLabel(designerZh['state.key']).fill('qualified');
    await inspector(page).getByLabel(designerZh['state.labelZh']).fill('合格客户');
    await inspector(page).getByLabel(designerZh['state.labelEn']).fill('Qualified');
    await inspector(page).getByRole('button', { name: designerZh['state.add'] }).click();
    await node(page, 'qualified').waitFor();
    await settledBox(page, 'qualified');
    const potentialBox = (await node(page, 'potential').boundingBox())!;
    const opportunityBox = (await node(page, 'opportunity').boundingBox())!;
    const qualifiedBox = (await node(page, 'qualified').boundingBox())!;
    await page.mouse.move(qualifiedBox.x + qualifiedBox.width / 2, qualifiedBox.y + qualifiedBox.height / 2);
    await page.mouse.down();
    await page.mouse.move((potentialBox.x + opportunityBox.x + opportunityBox.width) / 2, potentialBox.y + 3 * potentialBox.height, { steps: 12 });
    await page.mouse.up();

    // Wired by dragging from potential's handle onto the new stage, then named and restricted in the inspector.
    await settledBox(page, 'qualified');
    const from = (await node(page, 'potential').locator('.react-flow__handle.source').boundingBox())!;
    const to = (await node(page, 'qualified').locator('.react-flow__handle.target').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    const prompt = page.getByRole('form', { name: designerZh['transition.new'] });
    await prompt.getByLabel(designerZh['transition.event']).fill('QUALIFY');
    await prompt.getByRole('button', { name: designerZh['transition.add'] }).click();
    const transitionPanel = page.getByRole('region', { name: designerZh['transition.inspector'] });
    await transitionPanel.getByLabel(designerZh['transition.eventLabelZh']).fill('确认合格');
    await transitionPanel.getByLabel(designerZh['transition.eventLabelZh']).press('Enter');
    await transitionPanel.getByLabel(designerZh['transition.eventLabelEn']).fill('Qualify');
    await transitionPanel.getByLabel(designerZh['transition.eventLabelEn']).press('Enter');
    await transitionPanel.getByLabel(designerZh['transition.permission']).selectOption('upgrade');

    // From the new stage on to opportunity, and down to a stage the admin then deletes: the edge dangles.
    await node(page, 'qualified').click();
    await addTransitionFromInspector(page, 'UPGRADE', 'opportunity');
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    await inspector(page).getByLabel(designerZh['state.key']).fill('review');
    await inspector(page).getByLabel(designerZh['state.labelZh']).fill('复核');
    await inspector(page).getByLabel(designerZh['state.labelEn']).fill('Review');
    await inspector(page).getByRole('button', { name: designerZh['state.add'] }).click();
    await node(page, 'qualified').click();
    await addTransitionFromInspector(page, 'DOWNGRADE', 'review');
    // Chosen and deleted from the keyboard: Tab reaches the stage, Enter selects it, Delete removes it.
    await node(page, 'review').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: designerZh['state.inspector'].replace('{state}', 'review') }).waitFor();
    // Checked as you type: the dangling edge is listed while the draft's save is still held back on its way.
    let releaseSave!: () => void;
    const saveHeld = new Promise<void>((resolve) => (releaseSave = resolve));
    const draftUrl = `**${machinePath}/draft`;
    await page.route(draftUrl, async (route) => {
      await saveHeld;
      await route.continue();
    });
    await page.keyboard.press('Delete');

    const problems = page.locator('.problem-list');
    await problems.getByText('目标阶段“review”不存在。').waitFor();
    expect(await page.locator('.save-state.saved').count()).toBe(0);
    releaseSave();
    await page.locator('.save-state.saved').waitFor();
    await page.unroute(draftUrl);
    // The server's answer names it too: listed once, not twice.
    expect(await problems.getByText('目标阶段“review”不存在。').count()).toBe(1);
    expect(await page.locator('.react-flow__node[data-id="missing:review"]').count()).toBe(1);
    expect(await page.getByRole('button', { name: designerZh['studio.publish'] }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'designer-dangling-edge-zh-CN');
    await problems.getByRole('button', { name: '/states/qualified/on/DOWNGRADE/target' }).click();
    const danglingTarget = page.getByRole('region', { name: designerZh['transition.inspector'] }).getByLabel(designerZh['transition.target'], { exact: true });
    expect(await danglingTarget.getAttribute('aria-invalid')).toBe('true');
    await danglingTarget.selectOption('potential');
    await page.locator('.no-problems').waitFor();

    // A second transition from potential to qualified bows apart from the first: each label selects its own.
    await node(page, 'potential').click();
    await addTransitionFromInspector(page, 'RECHECK', 'qualified');
    const edgeLabel = (event: string) => page.locator(`.react-flow__edge[data-id="/states/potential/on/${event}"] .react-flow__edge-textwrapper`);
    const [qualifyBox, recheckBox] = [(await edgeLabel('QUALIFY').boundingBox())!, (await edgeLabel('RECHECK').boundingBox())!];
    expect(Math.hypot(qualifyBox.x - recheckBox.x, qualifyBox.y - recheckBox.y)).toBeGreaterThan(20);
    const transitionTrigger = page.getByRole('region', { name: designerZh['transition.inspector'] }).locator('p code');
    await edgeLabel('QUALIFY').click();
    expect(await transitionTrigger.textContent()).toBe('QUALIFY');
    await edgeLabel('RECHECK').click();
    expect(await transitionTrigger.textContent()).toBe('RECHECK');
    await edgeLabel('QUALIFY').click();
    expect(await transitionTrigger.textContent()).toBe('QUALIFY');
    // Its roles are ticked by name (the tenant's role labels), not typed as keys; effect parameters' values are named too.
    const qualifyPanel = page.getByRole('region', { name: designerZh['transition.inspector'] });
    await qualifyPanel.getByLabel('业务员', { exact: true }).check();
    await qualifyPanel.getByLabel(designerZh['effect.add']).selectOption('releaseToPool');
    const reasons = await qualifyPanel.getByLabel(`${designerZh['param.reason']} *`).locator('option').allTextContents();
    expect(reasons).toEqual(['—', designerZh['value.recycled'], designerZh['value.released'], designerZh['value.ownerLeft'], designerZh['value.unqualified']]);
    await qualifyPanel.getByRole('button', { name: designerZh['effect.remove'] }).click();

    // Undo and redo of five edits give back exactly the definition before and after them.
    const beforeEdits = await savedDraft(page);
    await node(page, 'qualified').click();
    const statePanel = page.getByRole('region', { name: designerZh['state.inspector'].replace('{state}', 'qualified') });
    expect(await englishShownOn(page)).toEqual([]);
    await statePanel.getByLabel(designerZh['state.tags']).fill('development');
    await statePanel.getByLabel(designerZh['state.tags']).press('Enter');
    await statePanel.getByLabel(designerZh['state.color']).fill('#22c55e');
    await statePanel.getByLabel(`业务员 ${designerZh['permission.view']}`).check();
    await statePanel.getByLabel(`业务员 ${designerZh['permission.upgrade']}`).check();
    await statePanel.getByLabel(`销售经理 ${designerZh['permission.view']}`).check();
    const afterEdits = await savedDraft(page);
    expect(afterEdits).not.toEqual(beforeEdits);
    await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+z');
    expect(await savedDraft(page)).toEqual(beforeEdits);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Control+Shift+z');
    expect(await savedDraft(page)).toEqual(afterEdits);
    await saveScreenshot(page, 'designer-machine-editor-zh-CN');

    // Impact first, then publish: no record sits in a stage that goes away.
    const publishButton = page.getByRole('button', { name: designerZh['studio.publish'] });
    await publishButton.click();
    const dialog = page.getByRole('dialog', { name: designerZh['publish.title'] });
    await dialog.getByText(designerZh['publish.noAffected']).waitFor();
    // The dialog keeps the focus: Tab goes round its controls; Escape closes it and gives the focus back.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await publishButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await publishButton.click();
    await dialog.getByText(designerZh['publish.noAffected']).waitFor();
    await saveScreenshot(page, 'designer-publish-impact-zh-CN');
    await dialog.getByRole('button', { name: designerZh['publish.confirm'], exact: true }).click();
    await dialog.getByText(designerZh['publish.done'].replace('{version}', '2')).waitFor();
    await dialog.getByRole('button', { name: designerZh['common.close'] }).click();
    const published = await api(web.app, 'GET', machinePath, { cookie: adminCookie });
    expect(published.body.latest.version).toBe(2);
    expect(published.body.draft).toBeNull();
    expect(published.body.latest.document.states.qualified).toMatchObject({ label: { 'zh-CN': '合格客户' }, on: { UPGRADE: { target: 'opportunity' }, DOWNGRADE: { target: 'potential' } } });
    expect(published.body.latest.document.states.potential.on).toMatchObject({ QUALIFY: { target: 'qualified', roles: ['rep'] }, RECHECK: { target: 'qualified' } });
    expect(errors).toEqual([]);
    await context.close();

    // The same server, no restart: a rep's potential customer now offers 确认合格.
    const created = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '设计器测试客户', phone: '13900006001', customFields: { industry: 'it' } } });
    expect(created.status).toBe(201);
    const id = created.body.id as number;
    const fire = (type: string) => api(web.app, 'POST', `/api/customers/${id}/events`, { cookie: repCookie, body: { type } });
    expect((await fire('SELECT')).status).toBe(200);
    expect((await api(web.app, 'POST', `/api/customers/${id}/contact-records`, { cookie: repCookie, body: { channel: 'call', outcome: 'interested' } })).status).toBe(201);
    expect((await fire('UPGRADE')).status).toBe(200);
    const rep = await web.openPage({ locale: 'zh-CN', path: `/customers/${id}` });
    rep.page.setDefaultTimeout(15_000);
    await submitSignInForm(rep.page, 'rep.li');
    const toolbar = rep.page.getByRole('toolbar', { name: zhCN['customer.actions'] });
    const qualify = toolbar.locator('button[data-event="QUALIFY"]');
    await qualify.waitFor();
    expect(await qualify.textContent()).toBe('确认合格');
    await saveScreenshot(rep.page, 'customer-360-designer-action-zh-CN');
    await qualify.click();
    await rep.page.locator('.stage-badge[data-stage="qualified"]').waitFor();
    expect(await rep.page.getByRole('link', { name: zhCN['shell.designer'] }).count()).toBe(0);
    expect(rep.errors).toEqual([]);
  });

  it('compares versions on the graph, simulates on a real record without writing, and rolls back with a state map and migration progress', async () => {
    // Set up over the API: a version with a nurture stage, and a rep's customer sitting in it.
    const latest = (await api(web.app, 'GET', machinePath, { cookie: adminCookie })).body.latest;
    const machine = structuredClone(latest.document);
    machine.events.NURTURE = { label: { en: 'Nurture', 'zh-CN': '转入培育' } };
    machine.states.nurture = {
      label: { en: 'Nurture', 'zh-CN': '培育客户' },
      meta: { layout: { x: 520, y: 260 } },
      permissions: machine.states.potential.permissions,
      on: { UPGRADE: { target: 'potential', permission: 'upgrade' } },
    };
    machine.states.potential.on.NURTURE = { target: 'nurture', permission: 'downgrade' };
    const published = await api(web.app, 'POST', `${machinePath}/publish`, { cookie: adminCookie, body: { document: machine, note: 'nurture' } });
    expect(published.status).toBe(201);
    const nurtureVersion = published.body.version as number;
    await runDefinitionMigrations(web.app.orm);
    const created = await api(web.app, 'POST', '/api/customers', { cookie: repCookie, body: { name: '培育测试客户', phone: '13900006002', customFields: { industry: 'it' } } });
    const id = created.body.id as number;
    const fire = (type: string) => api(web.app, 'POST', `/api/customers/${id}/events`, { cookie: repCookie, body: { type } });
    expect((await fire('SELECT')).status).toBe(200);
    expect((await api(web.app, 'POST', `/api/customers/${id}/contact-records`, { cookie: repCookie, body: { channel: 'call', outcome: 'interested' } })).status).toBe(201);
    expect((await fire('UPGRADE')).status).toBe(200);
    expect((await fire('NURTURE')).status).toBe(200);
    const customerBefore = (await api(web.app, 'GET', `/api/customers/${id}`, { cookie: adminCookie })).body;

    const { page, errors } = await web.openPage({ locale: 'en', path: '/designer/' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin', en);
    await page.waitForURL('**/designer/');
    await page.getByRole('link', { name: 'Customer lifecycle' }).click();
    await node(page, 'nurture').waitFor();

    // The version diff: the newer version's added stage is marked on the graph and listed.
    await page.getByRole('button', { name: designerEn['studio.versions'] }).click();
    const versions = page.getByRole('region', { name: designerEn['versions.title'] });
    await versions.getByLabel(designerEn['versions.from']).selectOption(String(nurtureVersion - 1));
    await versions.getByLabel(designerEn['versions.to']).selectOption(String(nurtureVersion));
    await versions.getByRole('button', { name: designerEn['versions.compare'] }).click();
    await versions.getByRole('list', { name: designerEn['versions.changes'] }).getByText(/nurture/).first().waitFor();
    await page.locator('.state-node.diff-added[data-state="nurture"]').waitFor();
    await saveScreenshot(page, 'designer-version-diff-en');

    // Simulation: UPGRADE moves the record on in the draft, NURTURE is then refused; nothing is written.
    await page.getByRole('button', { name: designerEn['studio.simulate'] }).click();
    const simulation = page.getByRole('region', { name: designerEn['simulation.title'] });
    await simulation.getByLabel(designerEn['simulation.recordId']).fill(String(id));
    await simulation.getByLabel(designerEn['simulation.event']).selectOption('UPGRADE');
    await simulation.getByRole('button', { name: designerEn['simulation.fire'] }).click();
    await simulation.locator('li.accepted[data-event="UPGRADE"]').waitFor();
    expect(await simulation.locator('li[data-event="UPGRADE"]').textContent()).toContain('nurture → potential');
    await simulation.getByLabel(designerEn['simulation.event']).selectOption('SELECT');
    await simulation.getByRole('button', { name: designerEn['simulation.fire'] }).click();
    await simulation.locator('li.refused[data-event="SELECT"]').waitFor();
    await saveScreenshot(page, 'designer-simulation-en');
    // Escape in the side panel closes it and gives the focus back to its toolbar button.
    await simulation.getByLabel(designerEn['simulation.event']).press('Escape');
    await simulation.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: designerEn['studio.simulate'] }).evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await api(web.app, 'GET', `/api/customers/${id}`, { cookie: adminCookie })).body).toEqual(customerBefore);

    // Rolling back to the version before: the record in nurture must be mapped, and the migration moves it.
    await page.getByRole('button', { name: designerEn['studio.versions'] }).click();
    await versions.getByRole('button', { name: designerEn['versions.rollback'].replace('{version}', String(nurtureVersion - 1)) }).click();
    const dialog = page.getByRole('dialog', { name: designerEn['publish.title'] });
    await dialog.locator('tr[data-state="nurture"]').getByText('培育测试客户').waitFor();
    await dialog.getByLabel(designerEn['publish.moveFrom'].replace('{state}', 'nurture')).selectOption('potential');
    await dialog.getByRole('button', { name: designerEn['publish.confirm'], exact: true }).click();
    await dialog.getByText(designerEn['publish.done'].replace('{version}', String(nurtureVersion + 1))).waitFor();
    await runDefinitionMigrations(web.app.orm);
    await dialog.getByText(designerEn['publish.migration.done']).waitFor();
    await saveScreenshot(page, 'designer-rollback-migrated-en');
    const moved = (await api(web.app, 'GET', `/api/customers/${id}`, { cookie: adminCookie })).body;
    expect(moved).toMatchObject({ stage: 'potential', definition: { key: 'customer-lifecycle', version: nurtureVersion + 1 } });
    await dialog.getByRole('button', { name: designerEn['common.close'] }).click();
    expect(await node(page, 'nurture').count()).toBe(0);

    // Export, then import a broken copy: refused with the path of the problem, nothing saved.
    const exported = await api(web.app, 'GET', `${machinePath}/export`, { cookie: adminCookie });
    expect(exported.body).toMatchObject({ kind: 'machine', key: 'customer-lifecycle', version: nurtureVersion + 1 });
    const broken = structuredClone(exported.body);
    broken.document.initial = 'nowhere';
    await page.goto(`${web.app.url}/designer/`);
    await page.getByLabel(designerEn['import.label']).setInputFiles({ name: 'machine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.locator('.problem-list').getByText('/document/initial').waitFor();
    expect((await api(web.app, 'GET', machinePath, { cookie: adminCookie })).body.draft).toBeNull();
    // The workspace's top bar leads admins (only) back here.
    await page.getByRole('link', { name: designerEn['app.toWorkspace'] }).click();
    await page.getByRole('link', { name: en['shell.designer'] }).click();
    await page.getByRole('heading', { name: designerEn['list.title'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('edits a recycle rule with the condition builder, its plain words beside it, and previews the records it touches', async () => {
    const rulePath = '/api/definitions/rule/recycle-potential-no-contact';
    const { page, errors } = await web.openPage({ locale: 'zh-CN', path: '/designer/rule/recycle-potential-no-contact' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin');
    await page.waitForURL('**/designer/rule/recycle-potential-no-contact');
    const words = page.getByLabel(designerZh['condition.words']);
    await words.getByText(/15/).waitFor();

    // The first "days since the last contact ≥ 15" leaf becomes 20: the words follow at once, the draft a moment later.
    const days = page.locator('.condition-leaf').filter({ has: page.locator('input[type="number"]') }).first();
    await days.getByLabel(designerZh['condition.value']).fill('20');
    await words.getByText(/20/).waitFor();
    await page.locator('.save-state.saved').waitFor();
    const draft = (await api(web.app, 'GET', rulePath, { cookie: adminCookie })).body.draft;
    expect(JSON.stringify(draft.document.conditions)).toContain('"value":20');

    await page.getByRole('button', { name: designerZh['rule.preview'] }).click();
    await page.getByText(designerZh['publish.ruleCount'].replace('{count}', '0')).waitFor();
    await saveScreenshot(page, 'designer-rule-editor-zh-CN');

    // Discarding the draft (after a confirmation) goes back to the published rule.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: designerZh['studio.discard'] }).click();
    await days.getByLabel(designerZh['condition.value']).and(page.locator('[value="15"]')).waitFor();
    await expect.poll(async () => (await api(web.app, 'GET', rulePath, { cookie: adminCookie })).body.draft).toBeNull();

    // The queue policy: each work-line section's condition in the same builder, over its own entity's facts.
    await page.goto(`${web.app.url}/designer/queuePolicy/daily-work-line`);
    const callbacks = page.locator('fieldset[data-section="potentialCallbacks"]');
    await callbacks.getByLabel(designerZh['condition.words']).getByText('阶段为潜在客户', { exact: false }).waitFor();
    const orders = page.locator('fieldset[data-section="ordersToFollowUp"]');
    expect(await orders.getByLabel(designerZh['condition.fact']).inputValue()).toBe('status');
    expect(errors).toEqual([]);
  });

  it('shows a rep who opens it that it is for admins only', async () => {
    const { page, errors } = await web.openPage({ locale: 'en', path: '/designer/' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'rep.zhang', en);
    await page.waitForURL('**/designer/');
    await page.getByRole('heading', { name: designerEn['app.adminsOnly'] }).waitFor();
    // The language chosen here is remembered, for the workspace too.
    await page.getByLabel(designerEn['language.label']).selectOption('zh-CN');
    await page.reload();
    await page.getByRole('heading', { name: designerZh['app.adminsOnly'] }).waitFor();
    await page.goto(`${web.app.url}/`);
    await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
    expect(errors).toEqual([]);
  });
});
