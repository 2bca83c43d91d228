import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { englishShownIn, rawKeysShownIn } from '../e2e/untranslated-text.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { installGenericTemplate } from '../support/records-fixtures.ts';
import { runQueuedImports, xlsxOf, xlsxType } from './import-fixtures.ts';

let web: BrowserTestApp;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_customer_import');
  await installGenericTemplate(web.app);
}, 120_000);
afterAll(async () => {
  await web?.close();
});

describe('the import page', () => {
  it('takes a manager from the file through the mapping and a dry run to the imported counts and the error report', async () => {
    const file = await xlsxOf(
      ['客户名称', '手机', '客户级别', '传真'],
      [
        ['页面导入甲', '13911110001', 'A 重点客户', '021-1'],
        ['页面导入乙', '不是号码', 'B 普通客户', ''],
        ['页面导入丙', '13911110001', '', ''],
      ],
    );
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.getByRole('link', { name: zhCN['nav.import'] }).click();
    await page.waitForURL('**/import');
    await page.getByLabel(zhCN['import.file']).setInputFiles({ name: '展会名单.xlsx', mimeType: xlsxType, buffer: file });
    // The suggested mapping is filled in; the fax column stays out.
    await page.getByText('展会名单.xlsx：标题行之后共 3 行。').waitFor();
    expect(await page.getByLabel('“客户名称”列对应的客户字段').inputValue()).toBe('name');
    expect(await page.getByLabel('“手机”列对应的客户字段').inputValue()).toBe('phone');
    expect(await page.getByLabel('“客户级别”列对应的客户字段').inputValue()).toBe('custom.level');
    expect(await page.getByLabel('“传真”列对应的客户字段').inputValue()).toBe('');

    await page.getByLabel(zhCN['import.template.name']).fill('展会模板');
    await page.getByRole('button', { name: zhCN['import.template.save'] }).click();
    await page.getByLabel(zhCN['import.template.apply']).waitFor();

    await page.getByRole('button', { name: zhCN['import.dryRun'] }).click();
    await page.getByText(zhCN['import.status.queued']).waitFor();
    await runQueuedImports(web.app);
    await page.getByText(zhCN['import.status.finished']).waitFor();
    expect(await page.locator('.import-counts').textContent()).toBe('新建1更新0跳过1未导入1');
    const { rows: before } = await web.app.schema.pool.query("select count(*)::int as n from customer where name like '页面导入%'");
    expect(before[0].n).toBe(0);

    await page.getByRole('button', { name: zhCN['import.start'] }).click();
    await page.getByRole('heading', { name: zhCN['import.step.import'] }).waitFor();
    await runQueuedImports(web.app);
    await page.getByText(zhCN['import.status.finished']).waitFor();
    expect(await page.locator('progress').getAttribute('value')).toBe('3');
    expect(await page.locator('.import-counts').textContent()).toBe('新建1更新0跳过1未导入1');
    expect(await page.getByRole('link', { name: '.xlsx' }).getAttribute('href')).toMatch(/^\/api\/imports\/\d+\/errors\?format=xlsx$/);
    const { rows: after } = await web.app.schema.pool.query("select name, custom_fields->>'level' as level from customer where name like '页面导入%'");
    expect(after).toEqual([{ name: '页面导入甲', level: 'A' }]);

    const text = (await page.locator('main').textContent()) ?? '';
    expect(englishShownIn(text)).toEqual([]);
    expect(rawKeysShownIn(text)).toEqual([]);
    await saveScreenshot(page, 'import-page-zh-CN');
    expect(errors).toEqual([]);
  }, 120_000);
});
