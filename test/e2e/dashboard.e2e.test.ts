import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDashboard, listTotals, statementTotals, type Totals } from '../sandbox/dashboard/data.ts';
import { type Sandbox, startSandbox } from '../sandbox/server.ts';
import { askTabs, type Launched, launchWithExtension, openPanel } from './browser.ts';

interface MonthRow {
  platform: string;
  orders: number;
  grossSales: Record<string, number>;
  refunds: Record<string, number>;
  fees: Record<string, number>;
  payouts: Record<string, number>;
}

describe('reading the demo dashboard in Chromium', () => {
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

  it('reads orders and payouts across pages, imports two statements, and stores what the sandbox generated', async () => {
    const page = await browser.context.newPage();
    const read = async (path: string, extra: Record<string, unknown>) => {
      await page.goto(`${sandbox.origin}${path}`);
      await openPanel(page);
      return (await askTabs(browser, {
        channel: 'tradeline/page',
        type: 'readPage',
        pauseMs: 250,
        ...extra,
      })) as {
        page: string;
        lines: { source: string; rows: number; records: number; added: number; skipped: unknown[] }[];
        notices: { message: string }[];
      };
    };

    const data = generateDashboard();
    const orders = await read('/dashboard/orders', { follow: true });
    expect(orders.page).toBe('Orders');
    expect(orders.lines.map((l) => l.source)).toEqual([
      'Orders, page 1',
      'Orders, page 2',
      'Orders, page 3',
      'Orders, page 4',
    ]);
    expect(orders.lines.reduce((n, l) => n + l.rows, 0)).toBe(data.orders.length);
    expect(orders.lines.every((l) => l.skipped.length === 0)).toBe(true);

    const payouts = await read('/dashboard/payouts', { follow: true });
    expect(payouts.lines).toHaveLength(3);
    expect(payouts.lines.reduce((n, l) => n + l.rows, 0)).toBe(data.payouts.length);

    await page.goto(`${sandbox.origin}/dashboard/statements`);
    await openPanel(page);
    const links = (await askTabs(browser, { channel: 'tradeline/page', type: 'listReports' })) as {
      url: string;
    }[];
    expect(links).toHaveLength(3);
    const picked = links.slice(0, 2).map((l) => l.url);
    const statements = await read('/dashboard/statements', { reports: picked });
    expect(statements.lines).toHaveLength(2);
    expect(statements.notices).toEqual([]);

    // The stored totals, read the way the popup reads them.
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const overview = (await ext.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'getOverview', data: {} }),
    )) as { ok: boolean; data: { imports: number; months: MonthRow[] } };
    const imports = (await ext.evaluate(() =>
      chrome.runtime.sendMessage({ channel: 'tradeline/v1', type: 'listImports', data: {} }),
    )) as { ok: boolean; data: { provenance: { kind: string; url: string; sha256: string }; id: string }[] };
    await ext.close();
    expect(overview.ok).toBe(true);
    expect(overview.data.imports).toBe(9);
    for (const record of imports.data) {
      expect(record.provenance.kind).toBe('page');
      expect(record.provenance.url).not.toMatch(/[?#]/);
      expect(record.id).toBe(record.provenance.sha256);
    }

    const stored = (platform: string): Totals => {
      const months = overview.data.months.filter((m) => m.platform === platform);
      const sum = (field: 'grossSales' | 'refunds' | 'fees' | 'payouts') =>
        months.reduce((n, m) => n + (m[field].USD ?? 0), 0);
      return {
        orders: months.reduce((n, m) => n + m.orders, 0),
        grossSales: sum('grossSales'),
        refunds: sum('refunds'),
        fees: sum('fees'),
        payouts: sum('payouts'),
      };
    };
    const pickedIds = picked.map((u) => /statements\/(\d+)\.txt/.exec(u)?.[1] ?? '');
    expect(stored('shopify')).toEqual(listTotals(data));
    expect(stored('amazon')).toEqual(statementTotals(data, pickedIds));

    // The sandbox states the same totals over HTTP.
    const stated = (await (await fetch(`${sandbox.origin}/dashboard/totals.json`)).json()) as {
      shopify: Totals;
      statements: Record<string, Totals>;
    };
    expect(stated.shopify).toEqual(stored('shopify'));
    await page.close();
  });

  it('says plainly when a page is not one it reads', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${sandbox.origin}/dashboard/`);
    await openPanel(page);
    const outcome = (await askTabs(browser, { channel: 'tradeline/page', type: 'readPage' })) as {
      page: string | null;
      notices: { message: string }[];
    };
    expect(outcome.page).toBeNull();
    expect(outcome.notices[0]?.message).toMatch(/does not recognise this demo dashboard page/);
    await page.close();
  });
});
