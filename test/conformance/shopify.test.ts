import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { readFixture } from '../source-fixtures.ts';

const dir = resolve('..', 'shared', 'real-reports');

function filesIn(folder: string): string[] {
  const root = join(dir, folder);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(join(root, d.name)).map((f) => join(root, d.name, f)));
}

interface MonthTotals {
  orders: number;
  grossSales: number;
  pendingOrders: number;
  pendingGross: number;
  cancelledOrders: number;
  refunds: number;
  fees: number;
}

const month = (t: Partial<MonthTotals>): MonthTotals => ({
  orders: 0,
  grossSales: 0,
  pendingOrders: 0,
  pendingGross: 0,
  cancelledOrders: 0,
  refunds: 0,
  fees: 0,
  ...t,
});

/** Per month, as the command-line reader sums them (paid orders only), in minor units. */
function totals(entries: readonly LedgerEntry[]): Record<string, MonthTotals> {
  const months: Record<string, MonthTotals> = {};
  for (const e of entries) {
    const key = e.date.slice(0, 7);
    const m = months[key] ?? month({});
    months[key] = m;
    if (e.kind === 'order' && e.status === 'paid') {
      m.orders += 1;
      m.grossSales += e.gross.amount;
    } else if (e.kind === 'order' && e.status === 'pending') {
      m.pendingOrders += 1;
      m.pendingGross += e.gross.amount;
    } else if (e.kind === 'order') m.cancelledOrders += 1;
    else if (e.kind === 'refund') m.refunds += e.amount.amount;
    else if (e.kind === 'fee') m.fees += e.amount.amount;
  }
  return months;
}

describe.skipIf(!existsSync(dir))('Shopify formats over the real reports', () => {
  it('reads every orders export as shopify-orders, with no issues and one order per Name', () => {
    for (const path of filesIn('shopify-orders-export')) {
      const read = readFixture(path);
      expect(read.format, path).toBe('shopify-orders');
      expect(read.issues, path).toEqual([]);
      const orders = read.entries.filter((e) => e.kind === 'order');
      expect(new Set(orders.map((e) => e.key)).size, path).toBe(orders.length);
    }
  });

  /*
   * Figures computed independently with a python3 one-off over the raw CSVs (csv.DictReader):
   * first rows only (non-empty Financial Status), month of `Created at`; paid = paid,
   * partially_refunded, refunded; pending = pending/authorized unless `Cancelled at` is set;
   * cancelled = voided (or cancelled pending); sums of `Total`; refunds = sums of
   * `Refunded Amount`.
   */
  it('CAD store (79 columns): totals per month, one partial refund of 1.54', () => {
    const read = readFixture(join(dir, 'shopify-orders-export/jihyangt__autofulfill5000/orders_export.csv'));
    expect(totals(read.entries)).toEqual({
      '2025-03': month({ orders: 5, grossSales: 60229 }),
      '2025-04': month({ orders: 15, grossSales: 163666, refunds: 154 }),
    });
    // Continuation rows (44 of 64) are not orders: 20 orders in all.
    expect(read.rows).toBe(64);
    // Created at 2025-03-20 05:20:57 -0700, paid at 2025-04-01: counted on its creation date.
    expect(read.entries.find((e) => e.orderId === '#1058')?.date).toBe('2025-03-20');
  });

  it('ZAR store (75 columns, 2021): pending custom-gateway orders and voided ones apart', () => {
    const read = readFixture(
      join(dir, 'shopify-orders-export/FelixTellmann__kidsliving-api/orders_export.csv'),
    );
    expect(totals(read.entries)).toEqual({
      '2021-05': month({
        orders: 35,
        grossSales: 6285500,
        pendingOrders: 13,
        pendingGross: 7285900,
        cancelledOrders: 2,
      }),
    });
  });

  it('GBP store: TikTok Shop orders marked, 8 full refunds on their order dates', () => {
    const read = readFixture(
      join(dir, 'shopify-orders-export/Diptargha__maison_maria_shopify_api/orders_export_1.csv'),
    );
    expect(totals(read.entries)).toEqual({
      '2025-08': month({ orders: 1, grossSales: 1638 }),
      '2025-10': month({ orders: 10, grossSales: 32390, refunds: 12202 }),
      '2025-11': month({ orders: 35, grossSales: 133067, refunds: 6496 }),
      '2025-12': month({ orders: 14, grossSales: 65651, refunds: 8709 }),
    });
    const tiktok = read.entries.filter((e) => e.kind === 'order' && e.marketplace === 'TikTok Shop');
    expect(tiktok).toHaveLength(59);
  });

  it('BDT store: cash-on-delivery orders are pending, not paid sales', () => {
    const read = readFixture(
      join(dir, 'shopify-orders-export/zhangerson__shopify_parsing/orders_export.csv'),
    );
    expect(totals(read.entries)).toEqual({ '2026-04': month({ pendingOrders: 5, pendingGross: 770000 }) });
  });

  it('reads the Payments transactions export with no issues', () => {
    for (const path of filesIn('shopify-payments-transactions')) {
      const read = readFixture(path);
      expect(read.format, path).toBe('shopify-payments-transactions');
      expect(read.issues, path).toEqual([]);
    }
  });

  /*
   * Independent figures: awk and python3 (csv.DictReader, Decimal) over the raw file. 1576
   * charge rows on 1574 orders (#42811 and #41397 were charged twice), sum of charge Amount
   * 150935.21; 17 refund rows (#41728 refunded twice), sum of -Amount 1109.88; sum of Fee
   * 4016.47 (on the charge rows only). All dated June 2025.
   */
  it('Payments transactions: June 2025 totals; a second charge of an order gets its own key', () => {
    const path = join(
      dir,
      'shopify-payments-transactions/DaveSprague__shopifyAPIv6/payment_transactions_export_1.csv',
    );
    const read = readFixture(path);
    expect(totals(read.entries)).toEqual({
      '2025-06': month({ orders: 1576, grossSales: 15093521, refunds: 110988, fees: 401647 }),
    });
    const keys = read.entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    // #42811: 138.21 at 06-26 21:54 (the order), 37.98 at 06-27 13:41 (an edit): in time order.
    const charges = read.entries.filter((e) => e.kind === 'order' && e.orderId === '#42811');
    expect(charges.map((e) => [e.key, e.kind === 'order' ? e.gross.amount : 0])).toEqual([
      ['shopify:order:#42811', 13821],
      ['shopify:order:#42811:2', 3798],
    ]);
  });
});
