import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchWithExtension } from './browser.ts';

const ORDERS = resolve('test/e2e/fixtures/orders_export.csv');
const SHA = createHash('sha256').update(readFileSync(ORDERS)).digest('hex');

describe('the options page in Chromium', () => {
  let browser: Launched;
  let options: Page;

  const popupOrders = async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return popup;
  };

  const overview = async () => {
    const reply = (await options.evaluate((message) => chrome.runtime.sendMessage(message), {
      channel: 'tradeline/v1',
      type: 'getOverview',
      data: {},
    })) as { ok: boolean; data: unknown };
    expect(reply.ok).toBe(true);
    return reply.data;
  };

  beforeAll(async () => {
    browser = await launchWithExtension();
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('imports a CSV picked with the file input: preview in a worker first, then stored', async () => {
    await expect.poll(() => options.getByText('Nothing imported yet.').isVisible()).toBe(true);
    // The file is parsed in a dedicated worker, not on the page's thread.
    const [worker] = await Promise.all([
      options.waitForEvent('worker'),
      options.getByLabel('Choose a file').setInputFiles(ORDERS),
    ]);
    expect(worker.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/assets\/import-worker-.*\.js$/);
    const preview = options.getByRole('region', { name: 'Preview of “orders_export.csv”' });
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.getByTestId('preview-format').textContent()).toBe('Shopify orders export');
    expect(await preview.getByTestId('preview-records').textContent()).toBe('3');
    expect(await preview.getByTestId('preview-months').textContent()).toBe('2026-09 (1), 2026-10 (2)');
    expect(await preview.getByTestId('issues-heading').textContent()).toBe('1 issue');
    expect(
      await preview
        .getByRole('cell', { name: '"abc" is not an amount; order #1003 was skipped.' })
        .isVisible(),
    ).toBe(true);

    // Nothing is stored before Import.
    expect(await overview()).toMatchObject({ imports: 0, orders: 0 });

    await preview.getByRole('button', { name: 'Import 3 records' }).click();
    await expect
      .poll(() => options.getByRole('status').first().textContent())
      .toBe('Imported “orders_export.csv”: 3 records added.');
    await expect
      .poll(() => options.getByRole('cell', { name: 'orders_export.csv', exact: true }).isVisible())
      .toBe(true);
    expect(await options.getByRole('cell', { name: '2026-09-03 – 2026-10-31' }).isVisible()).toBe(true);

    const popup = await popupOrders();
    await expect.poll(() => popup.getByTestId('orders-count').textContent()).toBe('3');
    await popup.close();

    const imports = await options.evaluate((message) => chrome.runtime.sendMessage(message), {
      channel: 'tradeline/v1',
      type: 'listImports',
      data: {},
    });
    expect(imports).toMatchObject({
      ok: true,
      data: [
        {
          id: SHA,
          added: 3,
          provenance: {
            kind: 'file',
            name: 'orders_export.csv',
            format: 'shopify-orders',
            sha256: SHA,
            rows: 4,
          },
        },
      ],
    });
  });

  it('exports everything as one JSON file', async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tradeline-export-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const json = JSON.parse(readFileSync(path, 'utf8'));
    expect(json.format).toBe('tradeline-export');
    expect(json.stores.imports).toHaveLength(1);
    expect(json.stores.chunks.flatMap((c: { records: unknown[] }) => c.records)).toHaveLength(3);
  });

  it('removes the source after confirmation, and its records with it', async () => {
    const row = options
      .getByRole('row')
      .filter({ has: options.getByRole('cell', { name: 'orders_export.csv', exact: true }) });
    await row.getByRole('button', { name: 'Remove', exact: true }).click();
    await options.getByRole('button', { name: 'Remove this source' }).click();
    await expect.poll(() => options.getByText('Nothing imported yet.').isVisible()).toBe(true);
    expect(await overview()).toMatchObject({ imports: 0, records: 0, orders: 0 });
  });

  it('deletes everything once "delete" is typed; the file imports again afterwards', async () => {
    await options.getByLabel('Choose a file').setInputFiles(ORDERS);
    await options.getByRole('button', { name: 'Import 3 records' }).click();
    await expect
      .poll(() => options.getByRole('cell', { name: 'orders_export.csv', exact: true }).isVisible())
      .toBe(true);

    await options.getByRole('button', { name: 'Delete everything…' }).click();
    const confirm = options.getByRole('button', { name: 'Delete everything now' });
    expect(await confirm.isDisabled()).toBe(true);
    await options.getByLabel('Type delete to confirm').fill('delete');
    await confirm.click();
    await expect
      .poll(() => options.getByText('Everything was deleted. Tradeline is as new.').isVisible())
      .toBe(true);
    await expect.poll(() => options.getByText('Nothing imported yet.').isVisible()).toBe(true);

    await options.getByLabel('Choose a file').setInputFiles(ORDERS);
    await options.getByRole('button', { name: 'Import 3 records' }).click();
    await expect
      .poll(() => options.getByRole('cell', { name: 'orders_export.csv', exact: true }).isVisible())
      .toBe(true);
    const popup = await popupOrders();
    await expect.poll(() => popup.getByTestId('orders-count').textContent()).toBe('3');
    await popup.close();
  });

  it('a large file: the progress bars move, and the worker stores its records in batches of at most 20,000', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tradeline-large-'));
    const path = join(dir, 'orders_large.csv');
    const lines = ['Name,Email,Financial Status,Currency,Total,Refunded Amount,Created at,Lineitem name'];
    for (let i = 0; i < 60_000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`#L${i},buyer@example.invalid,paid,USD,1.00,0.00,2026-08-${day} 10:00:00 -0700,Sample item`);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    try {
      // Every value the reading and storing progress bars take, recorded in the page.
      await options.evaluate(() => {
        const seen: string[] = [];
        const stored: string[] = [];
        (globalThis as { progressSeen?: string[] }).progressSeen = seen;
        (globalThis as { storingSeen?: string[] }).storingSeen = stored;
        new MutationObserver((records) => {
          for (const r of records) {
            const el = r.target as HTMLElement;
            if (el.tagName !== 'PROGRESS') continue;
            const value = `${el.getAttribute('value')}/${el.getAttribute('max')}`;
            if (el.getAttribute('aria-label') === 'Reading progress') seen.push(value);
            if (el.getAttribute('aria-label') === 'Storing progress') stored.push(value);
          }
        }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value', 'max'] });
      });
      // Every importEntries message the page sends: none, the records stay in the worker.
      await options.evaluate(() => {
        const sizes: number[] = [];
        (globalThis as { batchSizes?: number[] }).batchSizes = sizes;
        const runtime = chrome.runtime as { sendMessage: (m: unknown) => Promise<unknown> };
        const send = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (m: unknown) => {
          const message = m as { type?: string; data?: { entries?: unknown[] } };
          if (message.type === 'importEntries') sizes.push(message.data?.entries?.length ?? -1);
          return send(m);
        };
      });
      await options.getByLabel('Choose a file').setInputFiles(path);
      await options.getByRole('button', { name: 'Import 60,000 records' }).click();
      await expect
        .poll(() => options.getByText('Imported “orders_large.csv”: 60,000 records added.').isVisible(), {
          timeout: 30_000,
        })
        .toBe(true);
      const seen = await options.evaluate(
        () => (globalThis as { progressSeen?: string[] }).progressSeen ?? [],
      );
      const between = seen.filter((v) => {
        const [read, max] = v.split('/').map(Number);
        return read !== undefined && max !== undefined && read > 0 && read < max;
      });
      expect(between.length).toBeGreaterThan(0);
      expect(await options.evaluate(() => (globalThis as { batchSizes?: number[] }).batchSizes)).toEqual([]);
      // Three batches of 20,000: the storing bar went through each.
      expect(await options.evaluate(() => (globalThis as { storingSeen?: string[] }).storingSeen)).toEqual(
        expect.arrayContaining(['1/3', '2/3']),
      );
      expect(await overview()).toMatchObject({ orders: 60_003 });
      const imports = (await options.evaluate((message) => chrome.runtime.sendMessage(message), {
        channel: 'tradeline/v1',
        type: 'listImports',
        data: {},
      })) as { data: { provenance: { name: string }; added: number }[] };
      expect(imports.data.find((i) => i.provenance.name === 'orders_large.csv')?.added).toBe(60_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
