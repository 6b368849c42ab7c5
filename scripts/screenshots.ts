/**
 * Writes the README's screenshots to docs/screenshots/: the popup (Profile and Offers) in English
 * and in Simplified Chinese, and the dashboard panel on the sandbox's demo dashboard, collapsed
 * and open. Uses the built extension (`npm run build` first) and Debian's Chromium, with the
 * same seller history as the browser tests. `npm run screenshots`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../test/e2e/browser.ts';
import { accessibleNames, pressControl, sellerHistory, send } from '../test/e2e/seller.ts';
import { startSandbox } from '../test/sandbox/server.ts';

const OUT = resolve('docs/screenshots');

function hasChineseFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

async function main(): Promise<void> {
  if (!hasChineseFont()) {
    console.error('No Chinese font: install one first (apt-get install -y fonts-wqy-microhei).');
    process.exit(1);
  }
  mkdirSync(OUT, { recursive: true });
  const sandbox = await startSandbox();
  const browser = await launchWithExtension();
  const url = (page: string) => `chrome-extension://${browser.extensionId}/${page}`;
  try {
    const ext = await browser.context.newPage();
    await ext.goto(url('options.html'));
    await send(ext, 'importEntries', sellerHistory());

    const popupShots = async (language: 'en' | 'zh_CN') => {
      await send(ext, 'saveSettings', { reportingCurrency: 'USD', language });
      const popup: Page = await browser.context.newPage();
      await popup.setViewportSize({ width: 392, height: 600 });
      await popup.goto(url('popup.html'));
      await popup.getByTestId('monthly-chart').waitFor();
      await popup.screenshot({ path: `${OUT}/popup-profile-${language}.png`, fullPage: true });
      await popup.getByRole('tab').nth(1).click();
      await popup.getByTestId('offer-amount').first().waitFor();
      // The viewport only: the Apply bar stays at the bottom of the popup, as the seller sees it.
      await popup.screenshot({ path: `${OUT}/popup-offers-${language}.png` });
      await popup.close();
    };
    await popupShots('en');
    await popupShots('zh_CN');

    await send(ext, 'saveSettings', { reportingCurrency: 'USD', language: 'en' });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1100, height: 640 });
    await page.goto(`${sandbox.origin}/dashboard/orders`);
    await page.waitForSelector('[data-tradeline-panel]', { state: 'attached' });
    const launcher = /^Open Tradeline on/;
    await until(
      async () => (await accessibleNames(page, 'button')).some((b) => launcher.test(b)),
      'the launcher',
    );
    await page.screenshot({ path: `${OUT}/panel-collapsed.png` });
    await pressControl(page, 'button', launcher);
    await until(async () => (await accessibleNames(page, 'button')).includes('Read this page'), 'the panel');
    await pressControl(page, 'button', 'Read this page');
    await until(async () => (await accessibleNames(page, 'StaticText')).includes('Done.'), 'the reading');
    await until(
      async () => (await accessibleNames(page, 'StaticText')).some((s) => s.startsWith('Prequalified')),
      'the eligibility line',
    );
    await page.screenshot({ path: `${OUT}/panel-open.png` });
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

await main();
