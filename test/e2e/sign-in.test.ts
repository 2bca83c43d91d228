import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../workspace/src/i18n/messages.en.ts';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { startBrowserTestApp, type BrowserTestApp } from '../support/browser-test-app.ts';
import { saveScreenshot } from '../support/browser.ts';
import { demoPassword } from '../support/people-fixtures.ts';

let web: BrowserTestApp;
beforeAll(async () => {
  web = await startBrowserTestApp('e2e_sign_in');
});
afterAll(async () => {
  await web?.close();
});

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name') ?? document.activeElement?.tagName);

/** The error text a field points at through aria-describedby, once it shows. */
async function fieldError(page: Page, name: string): Promise<string> {
  const input = page.locator(`input[name="${name}"]`);
  await page.locator(`input[name="${name}"][aria-invalid="true"]`).waitFor();
  const describedBy = await input.getAttribute('aria-describedby');
  return (await page.locator(`[id="${describedBy}"]`).textContent()) ?? '';
}

describe('signing in to the workspace', () => {
  it('lets rep.li sign in with the keyboard alone and shows the shell in Chinese', async () => {
    const { page, errors } = await web.openPage({ locale: 'zh-CN' });
    await page.getByRole('heading', { name: zhCN['login.title'] }).waitFor();
    expect(await focusedName(page)).toBe('login');

    await page.keyboard.type('rep.li');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('password');
    await page.keyboard.type(demoPassword);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
    const topBar = page.locator('header.top-bar');
    expect(await topBar.textContent()).toContain('李娜 Li Na');
    expect(await topBar.textContent()).toContain('业务员 · 华东销售组');
    const nav = page.getByRole('navigation', { name: zhCN['shell.mainNavigation'] });
    for (const key of ['nav.workLine', 'stage.reserve', 'stage.target', 'stage.potential', 'stage.opportunity', 'stage.won', 'nav.pool', 'nav.contactRecords', 'nav.review'] as const) {
      expect(await nav.textContent()).toContain(zhCN[key]);
    }
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await saveScreenshot(page, 'work-line-zh-CN');
    expect(errors).toEqual([]);
  });

  it('puts the API’s wrong-password message by the password field, in the language chosen on the page', async () => {
    for (const [locale, messages] of [['zh-CN', zhCN], ['en', en]] as const) {
      // A Chinese browser either way: the English pass picks English from the page's own language menu.
      const { page, errors } = await web.openPage({ locale: 'zh-CN' });
      await page.getByRole('heading', { name: zhCN['login.title'] }).waitFor();
      if (locale === 'en') await page.getByLabel(zhCN['language.label']).selectOption('en');
      await page.getByRole('heading', { name: messages['login.title'] }).waitFor();
      await page.getByLabel(messages['login.login']).fill('rep.li');
      await page.getByLabel(messages['login.password'], { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: messages['login.submit'] }).click();

      expect(await fieldError(page, 'password')).toBe(locale === 'zh-CN' ? '用户名或密码错误。' : 'The login or the password is wrong.');
      expect(await page.locator('input[name="login"]').getAttribute('aria-invalid')).toBe('false');
      // Focus goes back to the password with its text selected, so the rep just types it again.
      expect(await focusedName(page)).toBe('password');
      await saveScreenshot(page, `login-wrong-password-${locale}`);
      expect(errors).toEqual([]);
    }
  });

  it('shows the API’s message for each empty field next to that field', async () => {
    const answer = await fetch(`${web.app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
      body: JSON.stringify({ login: '', password: '' }),
    });
    const { errors: expected } = (await answer.json()) as { errors: Array<{ path: string; message: string }> };
    expect(expected.map((entry) => entry.path).sort()).toEqual(['/login', '/password']);

    const { page } = await web.openPage({ locale: 'zh-CN' });
    await page.getByRole('button', { name: zhCN['login.submit'] }).click();
    for (const { path, message } of expected) expect(await fieldError(page, path.slice(1))).toBe(message);
    expect(await focusedName(page)).toBe('login');
  });
});
