import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { publishPolicy, singleRulePolicy } from '../leads/lead-fixtures.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';
import { englishShownIn, rawKeysShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
let adminCookie: string;
let campaignId: number;

const policyKey = 'expo-routing';
const campaignName = '秋季展会 Autumn expo';

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_web_forms_admin');
  await installGenericTemplate(web.app);
  adminCookie = await signInOverHttp(web.app, 'admin');
  // The form's own policy sends every lead to rep.li, so where its lead went says the form's policy was used.
  await publishPolicy(web.app, adminCookie, singleRulePolicy(policyKey, { type: 'roundRobin', candidates: { users: ['rep.li'] } }));
  const campaign = await api(web.app, 'POST', '/api/campaigns', { cookie: adminCookie, body: { name: campaignName, channel: 'exhibition' } });
  expect(campaign.status).toBe(201);
  campaignId = campaign.body.id;
});
afterAll(async () => {
  await web?.close();
});

describe('web forms in the console', () => {
  it('lets an admin build a form, shows its snippet and hosted page, takes a submission there as a lead of its campaign, and changes it', async () => {
    const { page, context, errors } = await web.openPage({ locale: 'zh-CN' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.app.url });
    await signInOnPage(page, 'admin');
    await page.getByRole('link', { name: zhCN['nav.webForms'] }).click();
    await page.waitForURL('**/web-forms');
    await page.getByText(zhCN['webForms.empty']).waitFor();
    await page.getByRole('link', { name: zhCN['webForms.new'] }).click();
    await page.waitForURL('**/web-forms/new');

    await page.getByLabel(zhCN['webForm.key'], { exact: true }).fill('autumn-expo');
    await page.getByLabel(zhCN['webForm.titleEn']).fill('Autumn expo sign-up');
    await page.getByLabel(zhCN['webForm.titleZh']).fill('秋季展会报名');
    await page.getByLabel(zhCN['webForm.thankYouZh']).fill('报名成功，我们会尽快联系您。');
    await page.getByLabel(zhCN['webForm.thankYouEn']).fill('Thank you, we will call you soon.');
    // The first field asks for the name already; a phone field chosen from the lead fields fills its labels and type.
    const field = (index: number) => page.locator(`fieldset[data-field-index="${index}"]`);
    await page.getByRole('button', { name: zhCN['webForm.field.add'] }).click();
    await field(1).getByLabel(zhCN['webForm.field.key']).fill('phone');
    expect(await field(1).getByLabel(zhCN['webForm.field.labelZh']).inputValue()).toBe(zhCN['lead.field.phone']);
    expect(await field(1).getByLabel(zhCN['webForm.field.type']).inputValue()).toBe('phone');
    await field(1).getByLabel(zhCN['webForm.field.required']).check();
    // A third field under a key that is no lead field: refused beside that field's key, nothing saved.
    await page.getByRole('button', { name: zhCN['webForm.field.add'] }).click();
    await field(2).getByLabel(zhCN['webForm.field.key']).fill('nickname');
    await field(2).getByLabel(zhCN['webForm.field.labelEn']).fill('Company');
    await field(2).getByLabel(zhCN['webForm.field.labelZh']).fill('单位名称');
    await page.getByLabel(zhCN['webForm.campaign']).selectOption({ label: campaignName });
    await page.getByLabel(zhCN['webForm.routingPolicy']).selectOption(policyKey);
    await page.getByLabel(zhCN['webForm.allowedOrigins']).fill('https://www.example.com');
    // (The API's own message lists the lead fields by key, so the interface is checked for English before it answers.)
    const editorText = await page.locator('main').innerText();
    expect({ english: englishShownIn(editorText), keys: rawKeysShownIn(editorText) }).toEqual({ english: [], keys: [] });
    await page.getByRole('button', { name: zhCN['webForm.save'] }).click();
    const keyError = field(2).locator('.field-error');
    await keyError.waitFor();
    expect(await keyError.textContent()).toContain('nickname');
    expect(await field(2).getByLabel(zhCN['webForm.field.key']).getAttribute('aria-invalid')).toBe('true');
    expect(await field(0).locator('.field-error').count()).toBe(0);
    expect((await api(web.app, 'GET', '/api/web-forms', { cookie: adminCookie })).body).toEqual([]);

    // Fixed, it saves: the page becomes the form's own, with the code to embed it and its hosted page.
    await field(2).getByLabel(zhCN['webForm.field.key']).fill('company');
    await page.getByRole('button', { name: zhCN['webForm.save'] }).click();
    await page.getByText(zhCN['webForm.created']).waitFor();
    const [saved] = (await api(web.app, 'GET', '/api/web-forms', { cookie: adminCookie })).body;
    await page.waitForURL(`**/web-forms/${saved.id}`);
    expect(saved).toMatchObject({ key: 'autumn-expo', campaignId, routingPolicy: policyKey, allowedOrigins: ['https://www.example.com'], active: true });
    expect(saved.document.fields.map((f: { key: string; required: boolean }) => [f.key, f.required])).toEqual([
      ['name', true],
      ['phone', true],
      ['company', false],
    ]);
    const snippet = (await api(web.app, 'GET', `/api/web-forms/${saved.id}/snippet?lang=zh-CN`, { cookie: adminCookie })).body;
    const embed = page.getByLabel(zhCN['webForm.snippet.iframe']);
    await embed.waitFor();
    expect(await embed.inputValue()).toBe(snippet.iframe);
    expect(await embed.getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: zhCN['webForm.snippet.copyIframe'] }).click();
    await page.getByText(zhCN['webForm.snippet.copied']).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet.iframe);
    await saveScreenshot(page, 'web-form-saved');

    // The hosted page opens from its link; a visitor's submission becomes a lead of the campaign, routed by the form's policy.
    const [hosted] = await Promise.all([context.waitForEvent('page'), page.locator('a.hosted-link').click()]);
    await hosted.waitForLoadState();
    expect(new URL(hosted.url()).pathname).toBe('/forms/autumn-expo');
    await hosted.getByLabel('姓名').fill('展会访客');
    await hosted.getByLabel('电话').fill('139 0000 7001');
    await hosted.getByLabel('单位名称').fill('访客公司');
    await hosted.getByRole('button', { name: '提交' }).click();
    await hosted.getByText('报名成功，我们会尽快联系您。').waitFor();
    const leads = (await api(web.app, 'GET', '/api/leads', { cookie: adminCookie })).body.items;
    const lead = leads.find((item: { name: string }) => item.name === '展会访客');
    expect(lead).toMatchObject({ source: 'webForm', campaignId, company: '访客公司', ownerId: await userIdOf(web.app, 'rep.li') });
    expect(lead.assignment.policyKey).toBe(policyKey);

    // Changed and saved again (PUT): made inactive, the page says its hosted page is now closed.
    await page.getByLabel(zhCN['webForm.active']).uncheck();
    await page.getByRole('button', { name: zhCN['webForm.save'] }).click();
    await page.getByText(zhCN['webForm.saved']).waitFor();
    await page.getByText(zhCN['webForm.hostedInactive']).waitFor();
    expect((await api(web.app, 'GET', `/api/web-forms/${saved.id}`, { cookie: adminCookie })).body).toMatchObject({ active: false, version: saved.version + 1 });

    // The list names the form's campaign and policy and links the hosted page.
    await page.getByRole('link', { name: zhCN['webForm.back'] }).click();
    const row = page.locator(`tr[data-web-form-id="${saved.id}"]`);
    // Campaign names come from their own request; wait for them rather than read the id shown meanwhile.
    await row.locator('td', { hasText: campaignName }).waitFor();
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toEqual(['autumn-expo', '秋季展会报名', campaignName, policyKey, zhCN['common.no'], '/forms/autumn-expo']);
    const listText = await page.locator('main').innerText();
    expect({ english: englishShownIn(listText), keys: rawKeysShownIn(listText) }).toEqual({ english: [], keys: [] });
    expect(errors).toEqual([]);
  });

  it('offers no web forms entry to a rep', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.leads'] }).waitFor();
    expect(await page.getByRole('link', { name: zhCN['nav.webForms'] }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
