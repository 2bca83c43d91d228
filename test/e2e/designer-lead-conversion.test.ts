import defaultMapping from '../../definitions/defaults/lead-conversion.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN as designerZh } from '../../designer/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, submitSignInForm, type BrowserTestApp } from '../support/browser-test-app.ts';
import { commitText, saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';

let web: BrowserTestApp;
let adminCookie: string;

const mappingPath = '/api/definitions/leadConversion/lead-conversion';

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_designer_conversion');
  await installGenericTemplate(web.app);
  adminCookie = await signInOverHttp(web.app, 'admin');
});
afterAll(async () => {
  await web?.close();
});

const numbered = (key: 'conversion.factNumber' | 'conversion.moveFactUp' | 'conversion.removeFact', number: number) => designerZh[key].replace('{number}', String(number));

describe('the lead conversion mapping in the designer', () => {
  it('lets an admin start customers in another stage, name them after the lead first, add a fixed value and publish; a converted lead then follows it', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN', path: '/designer/leadConversion/lead-conversion' });
    page.setDefaultTimeout(15_000);
    await page.waitForURL(/\?next=/);
    await submitSignInForm(page, 'admin');
    await page.waitForURL('**/designer/leadConversion/lead-conversion');
    const customer = page.locator('fieldset[data-section="customer"]');
    await customer.waitFor();

    // The shipped mapping reads back into the form: potential customers, named after the company, else the lead.
    const stage = customer.getByLabel(designerZh['conversion.stage']);
    await page.waitForFunction(() => document.querySelectorAll('fieldset[data-section="customer"] select option[value="target"]').length > 0);
    expect(await stage.inputValue()).toBe('potential');
    const name = customer.locator('fieldset[data-target="name"]');
    expect(await name.getByLabel(numbered('conversion.factNumber', 1), { exact: true }).inputValue()).toBe('company');
    expect(await name.getByLabel(numbered('conversion.factNumber', 2), { exact: true }).inputValue()).toBe('name');
    await saveScreenshot(page, 'designer-lead-conversion-zh-CN');

    await stage.selectOption('target');
    await name.getByRole('button', { name: numbered('conversion.moveFactUp', 2) }).click();
    await page.waitForFunction(() => (document.querySelector('fieldset[data-section="customer"] fieldset[data-target="name"] li select') as HTMLSelectElement | null)?.value === 'name');
    expect(await name.getByLabel(numbered('conversion.factNumber', 2), { exact: true }).inputValue()).toBe('company');

    // A new customer field, aimed at the remarks and given a fixed value.
    await customer.getByRole('button', { name: designerZh['conversion.addRow'].replace('{section}', designerZh['conversion.customer']) }).click();
    const added = customer.locator('fieldset[data-target^="customFields."]');
    await added.waitFor();
    await added.getByLabel(designerZh['conversion.target']).selectOption('customFields.remarks');
    const remarks = customer.locator('fieldset[data-target="customFields.remarks"]');
    await remarks.getByLabel(designerZh['conversion.sourceKind']).selectOption('value');
    await commitText(remarks.getByLabel(designerZh['conversion.value']), '展会线索转化');

    // A contact name left without any lead fact: the draft's problem shows beside that row, and publishing waits.
    const contactName = page.locator('fieldset[data-section="contact"] fieldset[data-target="name"]');
    const contactTargets = await page.locator('fieldset[data-section="contact"] > .conversion-rows > fieldset').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-target')));
    // PostgreSQL's jsonb keeps keys in its own order, which the rows follow; the order of targets means nothing.
    expect(contactTargets.sort()).toEqual(['email', 'name', 'phone']);
    await contactName.getByRole('button', { name: numbered('conversion.removeFact', 1) }).click();
    const contactProblem = contactName.locator('.field-problems[data-path="/contact/fields/name"]');
    await contactProblem.waitFor();
    expect(await contactName.getAttribute('aria-invalid')).toBe('true');
    expect(await name.getAttribute('aria-invalid')).toBeNull();
    const publishButton = page.getByRole('button', { name: designerZh['studio.publish'] });
    expect(await publishButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'designer-lead-conversion-problem-zh-CN');
    await contactName.getByRole('button', { name: designerZh['conversion.addFact'] }).click();
    await page.getByText(designerZh['problems.none']).waitFor();
    expect(await contactProblem.count()).toBe(0);

    await publishButton.click();
    const dialog = page.getByRole('dialog', { name: designerZh['publish.title'] });
    await dialog.getByText(designerZh['publish.noPreview']).waitFor();
    await dialog.getByRole('button', { name: designerZh['publish.confirm'], exact: true }).click();
    await dialog.getByText(designerZh['publish.done'].replace('{version}', '2')).waitFor();

    const published = (await api(web.app, 'GET', mappingPath, { cookie: adminCookie })).body;
    expect(published.draft).toBeNull();
    expect(published.latest.version).toBe(2);
    expect(published.latest.document.customer).toEqual({
      stage: 'target',
      fields: { name: { from: ['name', 'company'] }, phone: { from: ['phone'] } },
      customFields: { remarks: { value: '展会线索转化' } },
    });
    expect(published.latest.document.contact).toEqual(defaultMapping.contact);
    expect(published.latest.document.opportunity).toEqual(defaultMapping.opportunity);

    // Through the API, a converted lead becomes a target customer named after the lead, not its company.
    const lead = await api(web.app, 'POST', '/api/leads', { cookie: adminCookie, body: { name: '吴十', company: '吴氏科技有限公司', source: 'event' } });
    expect(lead.status).toBe(201);
    const converted = await api(web.app, 'POST', `/api/leads/${lead.body.id}/convert`, { cookie: adminCookie, body: {} });
    expect(converted.status).toBe(200);
    const created = (await api(web.app, 'GET', `/api/customers/${converted.body.customerId}`, { cookie: adminCookie })).body;
    expect(created).toMatchObject({ name: '吴十', stage: 'target' });
    expect(created.customFields.remarks).toBe('展会线索转化');
    expect(errors).toEqual([]);
  });
});
