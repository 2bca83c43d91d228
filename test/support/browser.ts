import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, installed by `npm run test:deps` (scripts/install-test-deps.sh). */
export const chromiumPath = '/usr/bin/chromium';

// Headless with the background chatter off: no update checks, sync, field trials or QUIC probes leave the machine,
// so a test run needs no network and its timing does not depend on one. --no-sandbox: CI runs as root.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const screenshotDir = path.resolve(import.meta.dirname, '../../test-artifacts/screenshots');

/**
 * Launches headless Chromium through playwright-core. Each launch gets a fresh user-data-dir: playwright-core
 * creates one in the temporary folder for every non-persistent launch and deletes it on close (it refuses a
 * `--user-data-dir` argument beside its own), so no profile, cookie or storage survives from one run to the next.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}: run \`npm run test:deps\` to install Debian's chromium package.`);
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs, timeout: 30_000 });
}

/** Saves a full-page PNG as test-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Types into an input and leaves it with Enter, which is when the designer's forms make it an edit. */
export async function commitText(locator: Locator, text: string): Promise<void> {
  await locator.fill(text);
  await locator.press('Enter');
}
