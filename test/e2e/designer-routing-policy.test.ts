import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN as designerZh } from '../../designer/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, submitSignInForm, type BrowserTestApp } from '../support/browser-test-app.ts';
import { commitText, saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let adminCookie: string;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_designer_routing');
  await installGenericTemplate(web.app);
  adminCookie = await signInOverHttp(web.app, 'admin');
});
afterAll(async () => {
  await web?.close();
});

const policyPath = '/api/definitions/routingPolicy/lead-routing';

describe('the routing policy in the designer', () => {
  it('lets an admin add a weighted rule for Zhejiang leads over two reps, shows a bad weight beside its input, and publishes the fixed rule', async () => {
    const users = (await api(web.app, 'GET', '/api/users', { cookie: adminCookie })).body as Array<{ id: number; login: string; displayName: string }>;
    const li = users.find((user) => user.login === 'rep.li')!;
    const zhang = users.find((user) => user.login === 'rep.zhang')!;
    const { page, errors } = await web.openPage({ locale: 'zh-CN', path: '/designer/routingPolicy/lead-routing' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin');
    await page.waitForURL('**/designer/routingPolicy/lead-routing');
    await page.locator('fieldset[data-rule="everyone-else"]').waitFor();

    // The shipped rules read back into the form: least loaded among the ticked roles, within working hours.
    const hotLeads = page.locator('fieldset[data-rule="hot-leads"]');
    expect(await hotLeads.getByLabel(designerZh['routing.strategyType']).inputValue()).toBe('leastLoaded');
    expect(await hotLeads.getByLabel('业务员', { exact: true }).isChecked()).toBe(true);
    expect(await hotLeads.getByLabel(designerZh['routing.workingHours'], { exact: true }).first().isChecked()).toBe(true);
    await saveScreenshot(page, 'designer-routing-policy-rules-zh-CN');

    // A new rule, moved up before the catch-all one, named in both languages.
    await page.getByRole('button', { name: designerZh['routing.add'] }).click();
    const rule = page.locator('fieldset[data-rule="rule-4"]');
    await rule.getByRole('button', { name: designerZh['routing.moveUp'] }).click();
    await page.locator('.routing-rules > :nth-child(3) > fieldset[data-rule="rule-4"]').waitFor();
    await commitText(rule.getByLabel(designerZh['routing.labelZh']), '浙江线索按权重分配');
    await commitText(rule.getByLabel(designerZh['routing.labelEn']), 'Zhejiang leads by weight');

    // Its condition in the builder, with the plain words beside it.
    await rule.getByRole('button', { name: designerZh['routing.addCondition'] }).click();
    await rule.getByLabel(designerZh['condition.fact'], { exact: true }).selectOption('region');
    await rule.getByLabel(designerZh['condition.operator']).selectOption('equal');
    await rule.getByLabel(designerZh['condition.value'], { exact: true }).fill('浙江');
    await rule.getByLabel(designerZh['condition.words']).getByText('浙江', { exact: false }).waitFor();

    // Weighted shares over two reps ticked by name: 3 for Li Na, 1 for Zhang Wei.
    await rule.getByLabel(designerZh['routing.strategyType']).selectOption('weighted');
    await rule.getByLabel(`${li.displayName} (${li.login})`).check();
    await rule.getByLabel(`${zhang.displayName} (${zhang.login})`).check();
    const liWeight = rule.getByLabel(designerZh['routing.weightOf'].replace('{name}', li.displayName));
    const zhangWeight = rule.getByLabel(designerZh['routing.weightOf'].replace('{name}', zhang.displayName));
    expect(await zhangWeight.inputValue()).toBe('1');
    await commitText(liWeight, '3');

    // An emptied weight: the draft's problem shows beside that input, and publishing is blocked until it is fixed.
    await commitText(zhangWeight, '');
    const zhangProblem = rule.locator(`.field-problems[data-path="/rules/2/strategy/weights/${zhang.id}"]`);
    await zhangProblem.waitFor();
    expect(await zhangWeight.getAttribute('aria-invalid')).toBe('true');
    expect(await liWeight.getAttribute('aria-invalid')).toBeNull();
    const publishButton = page.getByRole('button', { name: designerZh['studio.publish'] });
    expect(await publishButton.isDisabled()).toBe(true);
    await zhangProblem.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'designer-routing-policy-bad-weight-zh-CN');
    await commitText(zhangWeight, '1');
    await page.getByText(designerZh['problems.none']).waitFor();
    expect(await zhangProblem.count()).toBe(0);
    await saveScreenshot(page, 'designer-routing-policy-zh-CN');

    await publishButton.click();
    const dialog = page.getByRole('dialog', { name: designerZh['publish.title'] });
    // A routing policy has no impact preview: the dialog says so instead of showing the API's refusal.
    await dialog.getByText(designerZh['publish.noPreview']).waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await dialog.getByRole('button', { name: designerZh['publish.confirm'], exact: true }).click();
    await dialog.getByText(designerZh['publish.done'].replace('{version}', '2')).waitFor();

    const published = (await api(web.app, 'GET', policyPath, { cookie: adminCookie })).body;
    expect(published.draft).toBeNull();
    expect(published.latest.version).toBe(2);
    expect(published.latest.document.rules.map((r: { id: string }) => r.id)).toEqual(['hot-leads', 'by-source', 'rule-4', 'everyone-else']);
    expect(published.latest.document.rules[2]).toEqual({
      id: 'rule-4',
      label: { en: 'Zhejiang leads by weight', 'zh-CN': '浙江线索按权重分配' },
      condition: { all: [{ fact: 'region', operator: 'equal', value: '浙江' }] },
      strategy: { type: 'weighted', candidates: { users: [String(li.id), String(zhang.id)] }, weights: { [li.id]: 3, [zhang.id]: 1 } },
      fallback: { to: 'nextRule' },
    });
    expect(errors).toEqual([]);
  });

  it('lets an admin route the catch-all rule by region in two groups, publishes them, and a Shanghai lead then goes to Zhang Wei', async () => {
    const users = (await api(web.app, 'GET', '/api/users', { cookie: adminCookie })).body as Array<{ id: number; login: string; displayName: string }>;
    const li = users.find((user) => user.login === 'rep.li')!;
    const zhang = users.find((user) => user.login === 'rep.zhang')!;
    const before = (await api(web.app, 'GET', policyPath, { cookie: adminCookie })).body;
    const ruleIndex = (before.latest.document.rules as Array<{ id: string }>).findIndex((r) => r.id === 'everyone-else');
    const { page, errors } = await web.openPage({ locale: 'zh-CN', path: '/designer/routingPolicy/lead-routing' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin');
    await page.waitForURL('**/designer/routingPolicy/lead-routing');
    const rule = page.locator('fieldset[data-rule="everyone-else"]');
    await rule.waitFor();

    // By attribute on the region; the working hours go, so the test does not depend on the time of day.
    await rule.getByLabel(designerZh['routing.strategyType']).selectOption('attributeMatch');
    await rule.getByLabel(designerZh['routing.fact']).selectOption('region');
    await rule.getByLabel(designerZh['routing.workingHours'], { exact: true }).first().uncheck();

    // The first group starts with the candidates the rule had (the rep role): Zhejiang goes to Li Na alone instead.
    const first = rule.locator('fieldset[data-group="0"]');
    await first.getByLabel(designerZh['routing.groupValues']).fill('浙江');
    await first.getByLabel(designerZh['routing.groupValues']).press('Tab');
    await first.getByLabel('业务员', { exact: true }).uncheck();
    await first.getByLabel(`${li.displayName} (${li.login})`).check();

    // A new group has no values yet: the draft's problem shows beside its values, and publishing waits for them.
    await rule.getByRole('button', { name: designerZh['routing.addGroup'] }).click();
    const second = rule.locator('fieldset[data-group="1"]');
    const secondValues = second.getByLabel(designerZh['routing.groupValues']);
    const valuesProblem = second.locator(`.field-problems[data-path="/rules/${ruleIndex}/strategy/groups/1/values"]`);
    await valuesProblem.waitFor();
    expect(await secondValues.getAttribute('aria-invalid')).toBe('true');
    expect(await first.getByLabel(designerZh['routing.groupValues']).getAttribute('aria-invalid')).toBeNull();
    const publishButton = page.getByRole('button', { name: designerZh['studio.publish'] });
    expect(await publishButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'designer-routing-policy-groups-problem-zh-CN');
    await secondValues.fill('上海,江苏');
    await secondValues.press('Tab');
    await second.getByLabel(`${zhang.displayName} (${zhang.login})`).check();
    await valuesProblem.waitFor({ state: 'detached' });

    // Order matters (the first group holding the value wins): moved up and back down, each group keeps its own inputs.
    await second.getByRole('button', { name: designerZh['routing.moveUp'] }).click();
    await page.waitForFunction(() => (document.querySelector('fieldset[data-rule="everyone-else"] fieldset[data-group="0"] textarea') as HTMLTextAreaElement | null)?.value === '上海\n江苏');
    expect(await rule.locator('fieldset[data-group="1"]').getByLabel(`${li.displayName} (${li.login})`).isChecked()).toBe(true);
    await first.getByRole('button', { name: designerZh['routing.moveDown'] }).click();
    await page.waitForFunction(() => (document.querySelector('fieldset[data-rule="everyone-else"] fieldset[data-group="0"] textarea') as HTMLTextAreaElement | null)?.value === '浙江');
    await page.getByText(designerZh['problems.none']).waitFor();
    await second.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'designer-routing-policy-groups-zh-CN');

    await publishButton.click();
    const dialog = page.getByRole('dialog', { name: designerZh['publish.title'] });
    const version = before.latest.version + 1;
    await dialog.getByRole('button', { name: designerZh['publish.confirm'], exact: true }).click();
    await dialog.getByText(designerZh['publish.done'].replace('{version}', String(version))).waitFor();

    const published = (await api(web.app, 'GET', policyPath, { cookie: adminCookie })).body;
    expect(published.latest.version).toBe(version);
    const strategy = published.latest.document.rules[ruleIndex].strategy;
    expect(strategy).toEqual({
      type: 'attributeMatch',
      fact: 'region',
      then: 'roundRobin',
      groups: [
        { values: ['浙江'], candidates: { users: [String(li.id)] } },
        { values: ['上海', '江苏'], candidates: { users: [String(zhang.id)] } },
      ],
    });

    // Through the API, a Shanghai lead passes the rules before it (no score, a cold call, not Zhejiang) and lands here.
    const lead = await api(web.app, 'POST', '/api/leads', { cookie: adminCookie, body: { name: '上海来电线索', source: 'coldCall', region: '上海', routingPolicy: 'lead-routing' } });
    expect(lead.status).toBe(201);
    expect(lead.body.ownerId).toBe(zhang.id);
    expect(lead.body.assignment).toMatchObject({ policyKey: 'lead-routing', policyVersion: version, ruleId: 'everyone-else' });
    expect(errors).toEqual([]);
  });
});
