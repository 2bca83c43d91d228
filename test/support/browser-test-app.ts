import type { Browser, BrowserContext, Page } from 'playwright-core';
import { zhCN } from '../../workspace/src/i18n/messages.zh-CN.ts';
import { launchChromium } from './browser.ts';
import { demoPassword, installDemoPeople } from './people-fixtures.ts';
import { startTestApp, type TestApp } from './test-app.ts';
import { ensureWebAppBuilt } from './web-app-build.ts';

export interface BrowserTestApp {
  app: TestApp;
  browser: Browser;
  /**
   * A page in a context of its own (fresh cookies and storage) as a person in `locale` and `timeZone` would open
   * it; Accept-Language and navigator.language follow the locale. Browser errors are collected in `errors`.
   */
  openPage(options: { locale: string; timeZone?: string; path?: string }): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  close(): Promise<void>;
}

/**
 * The real HTTP app (API and built workspace) on a free port over a test schema with the demo people, and a
 * headless Chromium to drive it. Call in `beforeAll`, `close()` in `afterAll`.
 */
export async function startBrowserTestApp(label: string): Promise<BrowserTestApp> {
  const [started, launched] = await Promise.allSettled([
    ensureWebAppBuilt().then(() => startTestApp(label)),
    launchChromium(),
  ]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    if (started.status === 'fulfilled') await started.value.close();
    if (launched.status === 'fulfilled') await launched.value.close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const app = started.value;
  const browser = launched.value;
  try {
    await installDemoPeople(app);
  } catch (error) {
    await browser.close();
    await app.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    app,
    browser,
    async openPage({ locale, timeZone = 'Asia/Shanghai', path = '/' }) {
      const context = await browser.newContext({ locale, timezoneId: timeZone, viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // Chromium logs every 4xx answer as "Failed to load resource"; the app expects some (401 before sign-in).
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
      });
      await page.goto(`${app.url}${path}`);
      return { page, context, errors };
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await app.close();
    },
  };
}

/** Fills and sends the console's sign-in form as `login` with the demo password, in the language of `messages`. */
export async function submitSignInForm(page: Page, login: string, messages: Pick<typeof zhCN, 'login.login' | 'login.password' | 'login.submit'> = zhCN): Promise<void> {
  await page.getByLabel(messages['login.login']).fill(login);
  await page.getByLabel(messages['login.password'], { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: messages['login.submit'] }).click();
}

/**
 * Signs `login` in through the zh-CN sign-in form of a page `openPage` opened, and waits for the work line. Waits
 * on the page fail within 10 s from here on, so a missing element names its locator well inside a test's limit.
 */
export async function signInOnPage(page: Page, login: string): Promise<void> {
  page.setDefaultTimeout(10_000);
  await submitSignInForm(page, login);
  await page.getByRole('heading', { name: zhCN['workLine.title'] }).waitFor();
}
