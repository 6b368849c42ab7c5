import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '../../lib/pages/registry.ts';
import { type Sandbox, startSandbox } from '../sandbox/server.ts';
import { askTabsFrom, EXTENSION_DIR, type Launched, launchWithExtension } from './browser.ts';

/** What is loaded with every page of a marketplace, before the seller asks for anything. */
const CONTENT_SCRIPT_BUDGET = 20 * 1024;

describe('content scripts: a small launcher, the reader on request', () => {
  it(`keeps every marketplace's content script under ${CONTENT_SCRIPT_BUDGET / 1024} kB gzip, with its reader beside it`, () => {
    const dir = join(EXTENSION_DIR, 'content-scripts');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(scripts.map((f) => f.replace(/\.js$/, '')).sort()).toEqual(FAMILIES.map((f) => f.id).sort());
    for (const file of scripts) {
      const gzip = gzipSync(readFileSync(join(dir, file))).length;
      expect(gzip, file).toBeLessThan(CONTENT_SCRIPT_BUDGET);
      expect(existsSync(join(EXTENSION_DIR, file.replace(/\.js$/, '-reader.js'))), file).toBe(true);
    }
  });

  describe('on the demo dashboard in Chromium', () => {
    let browser: Launched;
    let sandbox: Sandbox;

    beforeAll(async () => {
      sandbox = await startSandbox();
      browser = await launchWithExtension();
    });

    afterAll(async () => {
      await browser?.close();
      await sandbox?.close();
    });

    it('shows only the collapsed launcher until pressed, reads nothing, then opens the panel', async () => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 700 });
      const readerRequests: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('-reader.js')) readerRequests.push(r.url());
      });
      await page.goto(`${sandbox.origin}/dashboard/orders`);
      await page.waitForSelector('[data-tradeline-panel="launcher"]', { state: 'attached' });
      expect(await page.locator('[data-tradeline-panel]').count()).toBe(1);
      expect(readerRequests).toEqual([]);

      const ext = await browser.context.newPage();
      await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      const before = (await ext.evaluate(() =>
        chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'getOverview', data: {} }),
      )) as { data: { imports: number } };
      expect(before.data.imports).toBe(0);
      // Until the seller presses it, the page does not even listen: the extension gets no answer.
      const listReports = { channel: 'tradeline/page', type: 'listReports' };
      expect(await askTabsFrom(ext, listReports)).toBeNull();
      expect(readerRequests).toEqual([]);

      // The launcher is a tab on the right edge, halfway down (in a closed shadow root).
      await page.mouse.click(1000 - 8, 700 / 2);
      await page.waitForSelector('[data-tradeline-panel=""]', { state: 'attached' });
      expect(await page.locator('[data-tradeline-panel="launcher"]').count()).toBe(0);
      expect(readerRequests).toEqual([`chrome-extension://${browser.extensionId}/demo-reader.js`]);
      const after = (await ext.evaluate(() =>
        chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'getOverview', data: {} }),
      )) as { data: { imports: number } };
      expect(after.data.imports).toBe(0); // opening the panel reads nothing
      // Now the panel's reader answers (the orders page lists no reports).
      expect(await askTabsFrom(ext, listReports)).toEqual([]);
      await ext.close();
      await page.close();
    });
  });
});
