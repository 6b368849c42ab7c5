import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchWithExtension, serveHtml, unpackedExtensionId } from './browser.ts';

const INTRUDER = resolve('test/e2e/fixtures/intruder-extension');

describe('Tradeline in Chromium', () => {
  let browser: Launched;
  let intruderId: string;

  beforeAll(async () => {
    browser = await launchWithExtension([INTRUDER]);
    intruderId = unpackedExtensionId(INTRUDER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the built extension with its manifest', async () => {
    const manifest = await browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Tradeline');
    expect(manifest.permissions).toEqual(['unlimitedStorage', 'alarms', 'notifications']);
  });

  it('popup shows the empty state with what to do first', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.getByText('No sales history yet.').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Import a report' }).isVisible()).toBe(true);
    await page.close();
  });

  it('records sent to the background show up in the popup and the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => options.getByText('Nothing imported yet.').isVisible()).toBe(true);
    const sha = 'c'.repeat(64);
    const entry = (id: string, date: string, cents: number) => ({
      kind: 'order',
      key: `shopify:order:${id}`,
      platform: 'shopify',
      date,
      importId: sha,
      orderId: id,
      gross: { amount: cents, currency: 'USD' },
      status: 'paid',
    });
    const reply = await options.evaluate((message) => chrome.runtime.sendMessage(message), {
      channel: 'tradeline/v1',
      type: 'importEntries',
      data: {
        provenance: {
          kind: 'file',
          name: 'orders_export.csv',
          size: 1234,
          format: 'shopify-orders',
          sha256: sha,
          rows: 3,
          readAt: '2026-11-29T10:00:00.000Z',
        },
        platform: 'shopify',
        entries: [
          entry('#1001', '2026-09-03', 45_00),
          entry('#1002', '2026-10-12', 120_50),
          entry('#1003', '2026-10-30', 9_99),
        ],
      },
    });
    expect(reply).toEqual({
      ok: true,
      data: { importId: sha, added: 3, duplicates: 0, months: ['2026-09', '2026-10'] },
    });

    await options.reload();
    await expect.poll(() => options.getByRole('cell', { name: 'orders_export.csv' }).isVisible()).toBe(true);
    expect(await options.getByRole('cell', { name: '2026-09 – 2026-10' }).isVisible()).toBe(true);

    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByTestId('orders-count').textContent()).toBe('3');
    expect(await popup.getByTestId('months-range').textContent()).toBe('2026-09 – 2026-10');
    expect(await popup.getByRole('cell', { name: '$130.49' }).isVisible()).toBe(true);
    // The profile was computed by the background when the records arrived, and is only read here.
    await expect.poll(() => popup.getByTestId('profile-band').textContent()).toMatch(/^[A-E]$/);
    expect(await popup.getByTestId('profile-reasons').textContent()).toContain('History of');
    // The stylesheet is linked after the script that sends the first requests (which it would
    // hold back if linked before it) and before the page's module, which runs once it is applied:
    // the first render is styled.
    const styled = await popup.evaluate(() => ({
      marks: performance.getEntriesByName('tradeline:first-data', 'mark').length,
      linked: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => l.getAttribute('href')),
      bodyMargin: getComputedStyle(document.body).margin,
    }));
    expect(styled.marks).toBe(1);
    expect(styled.linked).toEqual([expect.stringMatching(/\/assets\/base-[\w-]+\.css$/)]);
    expect(styled.bodyMargin).toBe('0px');
    await popup.close();
    await options.close();
  });

  it('saving a setting on the options page persists through the background', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const select = options.getByLabel('Reporting currency');
    await select.selectOption('EUR');
    await expect.poll(() => options.getByText('Saved.').isVisible()).toBe(true);
    await options.reload();
    await expect.poll(() => options.getByLabel('Reporting currency').inputValue()).toBe('EUR');
    await options.close();
  });

  it('refuses a message from another extension', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${intruderId}/probe.html?target=${browser.extensionId}`);
    await expect.poll(() => page.locator('#result').textContent()).not.toBe('pending');
    expect(JSON.parse((await page.locator('#result').textContent()) ?? '')).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Tradeline only answers its own pages and content scripts.' },
    });
    await page.close();
  });

  it('a web page cannot reach the background at all', async () => {
    const { url, server } = await serveHtml('<!doctype html><title>hostile</title><p>hi</p>');
    const page = await browser.context.newPage();
    await page.goto(url);
    const reachable = await page.evaluate(
      (id) =>
        new Promise<string>((done) => {
          const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
            ?.runtime;
          if (typeof runtime?.sendMessage !== 'function') return done('no runtime.sendMessage');
          try {
            (runtime.sendMessage as (id: string, m: unknown, cb: (r: unknown) => void) => void)(
              id,
              { channel: 'tradeline/v1', type: 'getOverview', data: {} },
              (r) => done(JSON.stringify(r ?? null)),
            );
          } catch (error) {
            done(`threw: ${String(error)}`);
          }
        }),
      browser.extensionId,
    );
    expect(reachable).toMatch(/^(no runtime\.sendMessage|threw: )/);
    await page.close();
    server.close();
  });
});
