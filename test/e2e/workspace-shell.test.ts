import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeStorageKey } from '../../ui-kit/i18n/locale.ts';
import { en, type MessageKey } from '../../workspace/src/i18n/messages.en.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, submitSignInForm, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { englishShownIn } from './untranslated-text.ts';

let web: BrowserTestApp;
beforeAll(async () => {
  web = await startBrowserTestApp('e2e_shell');
});
afterAll(async () => {
  await web?.close();
});

async function signIn(page: Page, messages: Record<MessageKey, string>, login = 'rep.li') {
  await submitSignInForm(page, login, messages);
  await page.getByRole('heading', { name: messages['workLine.title'] }).waitFor();
}

const heading = (page: Page) => page.locator('main h1');

describe('the workspace shell', () => {
  it('speaks Chinese without an untranslated text, switches to English, and remembers the choice', async () => {
    // The browser sits in Los Angeles; rep.li works on Shanghai time, and the work line shows her day.
    const { page, errors } = await web.openPage({ locale: 'zh-CN', timeZone: 'America/Los_Angeles' });
    await signIn(page, zhCN);
    const shanghaiToday = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'full', timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await page.locator('.today').textContent()).toBe(`今天是 ${shanghaiToday}`);
    const chinese = await page.locator('body').innerText();
    expect(englishShownIn(chinese)).toEqual([]);
    expect(chinese).toContain(zhCN['workLine.bucket.contactedToday']);

    await page.getByLabel(zhCN['language.label']).selectOption('en');
    await page.getByRole('heading', { name: en['workLine.title'] }).waitFor();
    const english = await page.locator('body').innerText();
    for (const key of ['nav.pool', 'nav.review', 'workLine.bucket.overdue', 'shell.logout'] as const) {
      expect(english).toContain(en[key]);
    }
    // Stage names come from the published machine, through the work queue.
    const queue = await page.evaluate(() => fetch('/api/me/queue').then((response) => response.json()));
    const potential = (queue as { stages: Array<{ key: string; label: { en: string } }> }).stages.find((stage) => stage.key === 'potential');
    expect(english).toContain(potential?.label.en);
    expect(english).toContain('Sales rep · 华东销售组');
    expect(english).not.toContain(zhCN['nav.pool']);
    expect(englishShownIn(english).length).toBeGreaterThan(10); // the check above can find what it looks for
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await saveScreenshot(page, 'work-line-en');

    await page.reload();
    await page.getByRole('heading', { name: en['workLine.title'] }).waitFor();
    expect(await page.evaluate((key) => localStorage.getItem(key), localeStorageKey)).toBe('en');
    await page.getByLabel(en['language.label']).selectOption('zh-CN');
    await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('tints the work line cells with something due, and a cell opens those customers', async () => {
    const { page, context, errors } = await web.openPage({ locale: 'zh-CN' });
    // The browser is handed a queue with counts in chosen cells, so the tints can be checked without arranging due customers.
    await context.route('**/api/me/queue', (route) =>
      route.fulfill({
        json: {
          stages: [
            { key: 'reserve', label: { en: 'Reserve', 'zh-CN': '储备客户' }, color: '#94a3b8', counts: { thisWeek: 12 } },
            { key: 'potential', label: { en: 'Potential', 'zh-CN': '潜在客户' }, color: '#f59e0b', counts: { today: 3, overdue: 1 } },
            { key: 'won', label: { en: 'Won', 'zh-CN': '成交客户' }, color: '#16a34a', counts: { today: 1, contactedToday: 2 } },
          ],
        },
      }),
    );
    await signIn(page, zhCN);
    const potentialToday = page.locator('tr[data-stage="potential"] td[data-bucket="today"]');
    await potentialToday.locator('a').waitFor();
    expect(await potentialToday.getAttribute('class')).toBe('tinted');
    expect(await page.locator('tr[data-stage="potential"] td[data-bucket="tomorrow"]').getAttribute('class')).toBeNull();
    expect(await page.locator('tfoot td[data-bucket="today"]').textContent()).toBe('4');
    expect(await page.locator('.side-nav').innerText()).not.toContain(zhCN['stage.target']); // the stages the API sent
    await saveScreenshot(page, 'work-line-with-counts-zh-CN');

    await potentialToday.locator('a').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/customers/potential?due=today');
    await page.getByRole('heading', { name: '潜在客户' }).waitFor();

    await page.goBack();
    await page.getByRole('button', { name: zhCN['workLine.start'] }).click();
    await page.getByRole('heading', { name: zhCN['page.queue.title'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('moves between pages from the navigation, and every page address survives a reload', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signIn(page, zhCN);

    await page.getByRole('link', { name: zhCN['nav.pool'] }).click();
    await page.waitForURL('**/pool');
    expect(await heading(page).textContent()).toBe(zhCN['nav.pool']);
    expect(await page.locator('main').textContent()).toContain('每天可占有 20 个');
    expect(await page.getByRole('link', { name: zhCN['nav.pool'] }).getAttribute('aria-current')).toBe('page');
    // Keyboard and screen-reader users land on the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await saveScreenshot(page, 'pool-zh-CN');

    await page.goto(`${web.app.url}/customers/potential?due=overdue`);
    await page.getByRole('heading', { name: zhCN['stage.potential'] }).waitFor();
    expect(await page.locator('main').textContent()).toContain(zhCN['workLine.bucket.overdue']);

    await page.goBack();
    await page.waitForURL('**/pool');
    await page.getByRole('heading', { name: zhCN['nav.pool'] }).waitFor();

    await page.goto(`${web.app.url}/no/such/page`);
    await page.getByRole('heading', { name: zhCN['page.notFound.title'] }).waitFor();
    await page.getByRole('link', { name: zhCN['page.notFound.home'] }).click();
    await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
    expect(errors).toEqual([]);
  });

  it('starts the keyboard at a skip link to the page, then walks the top bar and navigation in order', async () => {
    const { page } = await web.openPage({ locale: 'zh-CN' });
    await signIn(page, zhCN);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe(zhCN['app.skipToContent']);
    const order: string[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.tagName ?? ''));
    }
    // Brand link, notification bell, language menu, sign out, then the navigation: work line, new customer, stages.
    expect(order).toEqual(['A', 'BUTTON', 'SELECT', 'BUTTON', 'A', 'A', 'A']);
    expect(await focused()).toBe(zhCN['stage.reserve']);

    await page.keyboard.press('Enter');
    await page.waitForURL('**/customers/reserve');
    await page.getByRole('heading', { name: zhCN['stage.reserve'] }).waitFor();
  });

  it('signs out to the login page, and stays signed out after a reload', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await signIn(page, zhCN);
    await page.getByRole('button', { name: zhCN['shell.logout'] }).click();
    await page.getByRole('heading', { name: zhCN['login.title'] }).waitFor();
    expect(await page.getByRole('status').textContent()).toBe(zhCN['login.signedOut']);
    expect((await page.context().cookies()).filter((cookie) => cookie.name === 'stagecraft_session')).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: zhCN['login.title'] }).waitFor();
    expect(errors).toEqual([]);
  });
});
