import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../sandbox/server.ts';
import { type Launched, launchWithExtension } from './browser.ts';

/**
 * Applying asks for the channel's host at that moment (and not before); export carries
 * everything; delete leaves nothing in IndexedDB or extension storage; the privacy policy
 * reads in both languages.
 */

const DIRECT = 'sandbox-platform-direct';

describe('privacy in Chromium', () => {
  let browser: Launched;
  let sandbox: Sandbox;
  let ext: Page;

  const send = async <T>(type: string, data: unknown = {}): Promise<T> => {
    const reply = (await ext.evaluate(
      ([t, d]) => chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: t, data: d }),
      [type, data] as const,
    )) as { ok: boolean; data: T; error?: { message: string } };
    if (!reply.ok) throw new Error(reply.error?.message);
    return reply.data;
  };
  const hostGranted = () =>
    browser.worker.evaluate(
      (origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }),
      sandbox.origin,
    );

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    browser = await launchWithExtension();
    ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Two years of steady sales, the business details and the sandbox's catalog.
    const sha = 'e'.repeat(64);
    const entries = [];
    for (let m = 0; m < 24; m++) {
      const month = new Date(Date.UTC(2024, 10 + m, 1)).toISOString().slice(0, 7);
      for (let i = 0; i < 40; i++) {
        entries.push({
          kind: 'order',
          key: `amazon:order:${month}-${i}`,
          platform: 'amazon',
          date: `${month}-10`,
          importId: sha,
          orderId: `${month}-${i}`,
          gross: { amount: 900_00, currency: 'USD' },
          status: 'paid',
        });
      }
    }
    await send('importEntries', {
      provenance: {
        kind: 'file',
        name: 'settlements.txt',
        size: 1,
        format: 'amazon-settlement-v2',
        sha256: sha,
        rows: entries.length,
        readAt: '2026-11-29T10:00:00.000Z',
      },
      platform: 'amazon',
      entries,
    });
    await send('saveSettings', {
      reportingCurrency: 'USD',
      language: 'en',
      business: {
        legalName: 'Harbour Lights Trading Ltd',
        registrationNumber: '12345678',
        country: 'GB',
        yearsTrading: 4,
        contactName: 'Mei Chen',
        contactEmail: 'mei@harbourlights.example',
      },
    });
    expect(await send('addCatalog', { url: `${sandbox.origin}/lenders` })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
  });

  it('asks for the channel’s host when the seller applies, not before, then sends', async () => {
    expect(await hostGranted()).toBe(false);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'Offers' }).click();
    const card = popup.getByTestId(`offer-${DIRECT}`);
    await card.getByRole('checkbox').check();
    await popup.getByRole('button', { name: 'Apply to 1 channel' }).click();
    const agree = popup.getByRole('button', { name: 'I agree, send to 1 lender' });
    await expect.poll(() => agree.isEnabled()).toBe(true);
    expect(await hostGranted()).toBe(false);
    expect(sandbox.applicationCount()).toBe(0);
    await agree.click();
    await expect.poll(() => sandbox.applicationCount()).toBe(1);
    expect(await hostGranted()).toBe(true);
    const apps = await send<{ channelId: string; outbox: { state: string } }[]>('listApplications');
    expect(apps.map((a) => [a.channelId, a.outbox.state])).toEqual([[DIRECT, 'sent']]);
    await popup.close();
  });

  it('exports every store, then deletes everything: nothing is left in IndexedDB or extension storage', async () => {
    await ext.reload();
    const [download] = await Promise.all([
      ext.waitForEvent('download'),
      ext.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8')) as {
      stores: Record<string, unknown[]>;
    };
    expect(exported.stores.imports).toHaveLength(1);
    expect(exported.stores.applications).toHaveLength(1);
    expect(exported.stores.chunks?.length).toBeGreaterThan(0);
    expect(Object.keys(exported.stores).sort()).toEqual([
      'aggregates',
      'applications',
      'channels',
      'chunks',
      'dedupe',
      'imports',
      'profiles',
      'quarantine',
      'settings',
    ]);

    await ext.getByRole('button', { name: 'Delete everything…' }).click();
    await ext.getByLabel('Type delete to confirm').fill('delete');
    await ext.getByRole('button', { name: 'Delete everything now' }).click();
    await expect
      .poll(() => ext.getByText('Everything was deleted. Tradeline is as new.').isVisible())
      .toBe(true);

    // Read the browser's storage directly, not through Tradeline.
    const left = await ext.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('tradeline');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const counts: Record<string, number> = {};
      for (const store of db.objectStoreNames) {
        counts[store] = await new Promise<number>((ok) => {
          const request = db.transaction(store).objectStore(store).count();
          request.onsuccess = () => ok(request.result);
        });
      }
      db.close();
      return {
        names,
        counts,
        // Without the `storage` permission the extension has no chrome.storage to write to.
        extensionStorage: typeof chrome.storage,
        localStorage: localStorage.length,
        caches: await caches.keys(),
      };
    });
    expect(left.names).toEqual(['tradeline']);
    // Every store of the export, and the dedupe revision token (not the seller's data, not exported).
    expect(Object.keys(left.counts).sort()).toEqual([...Object.keys(exported.stores), 'revisions'].sort());
    for (const [store, count] of Object.entries(left.counts)) expect(count, store).toBe(0);
    expect(left.extensionStorage).toBe('undefined');
    expect(left.localStorage).toBe(0);
    expect(left.caches).toEqual([]);
    // The popup opens as new, and reading it stores nothing again.
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => popup.getByText('No sales history yet.').isVisible()).toBe(true);
    await popup.close();
    const overview = await send<{ imports: number; records: number }>('getOverview');
    expect(overview).toMatchObject({ imports: 0, records: 0 });
  });

  it('the privacy policy page reads in English and in Chinese', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/privacy.html?lang=zh_CN`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tradeline 隐私政策');
    expect(await page.getByRole('heading', { name: 'Tradeline 发送什么、发给谁' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.goto(`chrome-extension://${browser.extensionId}/privacy.html?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tradeline privacy policy');
    for (const heading of [
      'What Tradeline reads',
      'What Tradeline stores, and where',
      'What Tradeline sends, and to whom',
    ]) {
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    }
    await page.close();
  });
});
