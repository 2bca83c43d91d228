import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate } from '../support/records-fixtures.ts';

let web: BrowserTestApp;

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_list_export');
  await installGenericTemplate(web.app);
  const cookie = await signInOverHttp(web.app, 'rep.li');
  for (const [n, name] of ['导出公海客户一号', '导出公海客户二号', '另一个公海客户'].entries()) {
    const created = await api(web.app, 'POST', '/api/customers', { cookie, body: { name, phone: `1390000800${n}`, ownership: 'pool' } });
    expect(created.status).toBe(201);
  }
});
afterAll(async () => {
  await web?.close();
});

describe('exporting a list from the console', () => {
  it('offers the pool as searched to a manager, who downloads it with the keyboard; a rep gets no export link', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'manager.wang');
    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.waitForURL('**/pool');
    await page.getByPlaceholder(zhCN['pool.search']).fill('导出');
    await page.getByRole('button', { name: zhCN['pool.searchSubmit'] }).click();
    await page.locator('tr[data-customer-id]').nth(1).waitFor();

    const link = page.getByRole('link', { name: zhCN['export.toExcel'] });
    const href = new URL((await link.getAttribute('href'))!, web.app.url);
    expect(href.pathname).toBe('/api/customers/export');
    expect(Object.fromEntries(href.searchParams)).toEqual({ ownership: 'pool', q: '导出' });
    await link.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const names: unknown[] = [];
    workbook.worksheets[0]!.eachRow((row, number) => {
      if (number > 1) names.push((row.values as unknown[])[2]);
    });
    expect(names.sort()).toEqual(['导出公海客户一号', '导出公海客户二号'].sort());
    expect(errors).toEqual([]);

    const rep = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(rep.page, 'rep.li');
    await rep.page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await rep.page.waitForURL('**/pool');
    await rep.page.locator('tr[data-customer-id]').first().waitFor();
    expect(await rep.page.getByRole('link', { name: zhCN['export.toExcel'] }).count()).toBe(0);
  });
});
