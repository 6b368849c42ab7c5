import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchWithExtension } from './browser.ts';

// A file stored in batches is all or nothing as the seller sees it, in the real browser: the
// options page closed while its worker stores a large file leaves nothing of that file once the
// page is opened again, the earlier import intact, and importing it again stores it exactly once.

const ORDERS = resolve('test/e2e/fixtures/orders_export.csv');
const ROWS = 120_000;

describe('an import cut off by closing the options page', () => {
  let browser: Launched;
  let dir: string;
  let big: string;
  let bigSha: string;

  /** What the extension's database holds, read in the background (raw IndexedDB). */
  const stored = () =>
    browser.worker.evaluate(async (sha) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('tradeline');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const all = <T>(store: string) =>
        new Promise<T[]>((ok) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => ok(request.result as T[]);
        });
      const [imports, chunks, dedupe, aggregates] = await Promise.all([
        all<{ id: string; state?: string }>('imports'),
        // A chunk is stored as columns with its record count (lib/storage/chunk-columns.ts).
        all<{ count: number }>('chunks'),
        // A month's keys are one string, joined by line breaks (lib/storage/dedupe-keys.ts).
        all<{ keys: string }>('dedupe'),
        all<{ orders: number }>('aggregates'),
      ]);
      db.close();
      return {
        state: imports.find((i) => i.id === sha)?.state ?? null,
        records: chunks.reduce((n, c) => n + c.count, 0),
        keys: dedupe.reduce((n, d) => n + (d.keys === '' ? 0 : d.keys.split('\n').length), 0),
        orders: aggregates.reduce((n, a) => n + a.orders, 0),
      };
    }, bigSha);

  const openOptions = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    return page;
  };

  const ordersShown = async (page: Page) => {
    const reply = (await page.evaluate((message) => chrome.runtime.sendMessage(message), {
      channel: 'tradeline/v1',
      type: 'getOverview',
      data: {},
    })) as { ok: boolean; data: { orders: number; imports: number } };
    return reply.data;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tradeline-cut-'));
    big = join(dir, 'orders_q2.csv');
    const lines = ['Name,Email,Financial Status,Currency,Total,Refunded Amount,Created at,Lineitem name'];
    for (let i = 0; i < ROWS; i++) {
      const month = 4 + (i % 3);
      const day = String((i % 28) + 1).padStart(2, '0');
      lines.push(`#Q${i},buyer@example.invalid,paid,USD,2.00,0.00,2026-0${month}-${day} 10:00:00 -0700,Item`);
    }
    writeFileSync(big, `${lines.join('\n')}\n`);
    bigSha = createHash('sha256').update(readFileSync(big)).digest('hex');
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing of the file, keeps the earlier import, says so, and a re-import stores it exactly once', async () => {
    // An earlier import: 3 records.
    let options = await openOptions();
    await options.getByLabel('Choose a file').setInputFiles(ORDERS);
    await options.getByRole('button', { name: 'Import 3 records' }).click();
    await expect.poll(() => options.getByText(/Imported “orders_export\.csv”/).isVisible()).toBe(true);
    const before = await stored();
    expect(before).toEqual({ state: null, records: 3, keys: 3, orders: 3 });

    // The large file (3 batches): the page is closed once the first batch is stored.
    await options.evaluate(() => {
      const seen: string[] = [];
      (globalThis as { storingSeen?: string[] }).storingSeen = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.tagName === 'PROGRESS' && el.getAttribute('aria-label') === 'Storing progress') {
            seen.push(`${el.getAttribute('value')}/${el.getAttribute('max')}`);
          }
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['value', 'max'] });
    });
    await options.getByLabel('Choose a file').setInputFiles(big);
    await options.getByRole('button', { name: 'Import 120,000 records' }).click({ timeout: 60_000 });
    await expect
      .poll(() => options.evaluate(() => (globalThis as { storingSeen?: string[] }).storingSeen ?? []), {
        timeout: 60_000,
        interval: 20,
      })
      .toContain('2/6');
    // A file's batch answers before its commit (the next batch's transaction confirms it): once
    // the second batch is stored, the first is in the database.
    await options.close();

    // Cut mid-file: part of it is in the chunks, marked storing, and counted nowhere.
    const cut = await stored();
    expect(cut.state).toBe('storing');
    expect(cut.records).toBeGreaterThanOrEqual(3 + 20_000);
    expect(cut.records).toBeLessThan(3 + ROWS);
    expect(cut.orders).toBe(before.orders);

    // Opened again: the file was undone (its lock died with the page's worker), the seller is told.
    options = await openOptions();
    const notice = options.getByTestId('import-interrupted');
    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toContain('The import of “orders_q2.csv” was interrupted; nothing of it was kept. Import it again.');
    expect(await ordersShown(options)).toMatchObject({ imports: 1, orders: 3 });
    expect(await stored()).toEqual({ ...before, state: 'interrupted' });

    // Imported again: every record once, the notice gone.
    await options.getByLabel('Choose a file').setInputFiles(big);
    await options.getByRole('button', { name: 'Import 120,000 records' }).click({ timeout: 60_000 });
    await expect
      .poll(() => options.getByText('Imported “orders_q2.csv”: 120,000 records added.').isVisible(), {
        timeout: 90_000,
      })
      .toBe(true);
    expect(await stored()).toEqual({
      state: 'complete',
      records: 3 + ROWS,
      keys: 3 + ROWS,
      orders: 3 + ROWS,
    });
    expect(await ordersShown(options)).toMatchObject({ imports: 2, orders: 3 + ROWS });
    await expect.poll(() => notice.count()).toBe(0);
  }, 240_000);
});
