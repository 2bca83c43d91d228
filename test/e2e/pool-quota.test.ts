import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { signInOnPage, startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { signIn as signInOverHttp } from '../support/people-fixtures.ts';
import { api, installGenericTemplate, userIdOf } from '../support/records-fixtures.ts';

const quotaForTest = 2;
let web: BrowserTestApp;
let repCookie: string;
const poolCustomers: number[] = [];

beforeAll(async () => {
  web = await startBrowserTestApp('e2e_pool_quota');
  await installGenericTemplate(web.app);
  // The rep role's quota is a setting in its role document; this schema is the test's own, so it stays changed.
  await web.app.schema.pool.query(`update role set document = document || jsonb_build_object('claimQuotaPerDay', $1::int) where key = 'rep'`, [quotaForTest]);
  repCookie = await signInOverHttp(web.app, 'rep.li');
  for (let n = 1; n <= 3; n++) {
    const created = await api(web.app, 'POST', '/api/customers', {
      cookie: repCookie,
      body: { name: `额度测试客户${n}号`, phone: `1390000400${n}`, stage: 'target', ownership: 'pool' },
    });
    expect(created.status).toBe(201);
    poolCustomers.push(created.body.id);
  }
});
afterAll(async () => {
  await web?.close();
});

describe('the claim quota in the pool', () => {
  it('claims up to the quota, refuses the rest with the quota message, and says when it renews', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signInOnPage(page, 'rep.li');
    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.waitForURL('**/pool');
    const quota = page.locator('.quota');
    await quota.waitFor();
    expect(await quota.textContent()).toBe(`今天还可以占有 ${quotaForTest} 个（每天 ${quotaForTest} 个）。`);

    for (const id of poolCustomers) await page.locator(`tr[data-customer-id="${id}"] input[type="checkbox"]`).check();
    await page.getByRole('button', { name: '占有所选（3 个）' }).click();
    const report = page.locator('.claim-report');
    await report.getByText(`已占有 ${quotaForTest} 个。`).waitFor();
    await report.getByText(zhCN['pool.outcome.quotaExceeded']).first().waitFor();
    // The one past the quota (whichever the console sent last) stays in the pool, named in the report and still selected.
    const after = await Promise.all(poolCustomers.map(async (id) => (await api(web.app, 'GET', `/api/customers/${id}`, { cookie: repCookie })).body));
    const stillInPool = after.filter((customer) => customer.ownership === 'pool');
    expect(stillInPool).toHaveLength(1);
    const repId = await userIdOf(web.app, 'rep.li');
    expect(after.filter((customer) => customer.ownership === 'personal' && customer.ownerId === repId)).toHaveLength(quotaForTest);
    const refused = stillInPool[0]!;
    expect(await report.locator('li[data-outcome="quotaExceeded"]').count()).toBe(1);
    expect(await report.locator('li[data-outcome="quotaExceeded"]').textContent()).toBe(`${refused.name}: ${zhCN['pool.outcome.quotaExceeded']}`);
    expect(await page.locator(`tr[data-customer-id="${refused.id}"] input[type="checkbox"]`).isChecked()).toBe(true);

    // Used up: the quota line turns into when it renews, in the rep's time zone.
    await page.locator('.quota[data-remaining="0"]').waitFor();
    const claimQuota = await api(web.app, 'GET', '/api/me/claim-quota', { cookie: repCookie });
    expect(claimQuota.body).toMatchObject({ limit: quotaForTest, remaining: 0 });
    const renews = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(new Date(claimQuota.body.resetsAt));
    expect(await quota.textContent()).toBe(`今天的占有额度已用完，将于 ${renews} 恢复。`);
    await saveScreenshot(page, 'pool-quota-reached-zh-CN');

    expect(errors).toEqual([]);
  });
});
