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

interface Totals {
  orders: number;
  grossSales: number;
  refunds: number;
  fees: number;
  payouts: number;
  adjustments: number;
}

const zero = (): Totals => ({ orders: 0, grossSales: 0, refunds: 0, fees: 0, payouts: 0, adjustments: 0 });

/** Sums as the command-line reader does, in minor units of the file's one currency. */
function add(t: Totals, e: LedgerEntry): void {
  if (e.kind === 'order') {
    if (e.status === 'paid') {
      t.orders += 1;
      t.grossSales += e.gross.amount;
    }
  } else if (e.kind === 'refund') t.refunds += e.amount.amount;
  else if (e.kind === 'fee') t.fees += e.amount.amount;
  else if (e.kind === 'payout') t.payouts += e.amount.amount;
  else if (e.kind === 'adjustment') t.adjustments += e.amount.amount;
}

function total(entries: readonly LedgerEntry[]): Totals {
  const t = zero();
  for (const e of entries) add(t, e);
  return t;
}

/** Orders and gross sales per month. */
function salesByMonth(entries: readonly LedgerEntry[]): Record<string, [number, number]> {
  const months: Record<string, [number, number]> = {};
  for (const e of entries) {
    if (e.kind !== 'order') continue;
    const key = e.date.slice(0, 7);
    const [count, gross] = months[key] ?? [0, 0];
    months[key] = [count + 1, gross + e.gross.amount];
  }
  return months;
}

function currencies(entries: readonly LedgerEntry[]): string[] {
  return [...new Set(entries.map((e) => (e.kind === 'order' ? e.gross.currency : e.amount.currency)))];
}

const read = (path: string) => readFixture(join(dir, path));

/*
 * Every figure below was computed independently with a python3 one-off over the raw CSVs
 * (csv.DictReader, Decimal to cents), not with this project's code:
 * - sold orders: rows whose Status is not cancelled; gross = Order Value - Discount Amount +
 *   Shipping (Delivery); fees = Card Processing Fees, less Card Processing Fees - Adjusted Card
 *   Processing Fees on adjusted rows; refunds = Order Total - (Adjusted Order Total, or Adjusted
 *   Net + Adjusted Card Processing Fees when it is 0) on rows where an Adjusted cell is non-zero
 *   or Adjusted Order Total is empty beside a filled Adjusted Net; month of Sale Date, with the
 *   rey1140 misread cells (YYYY 2001..2012, DD >= 13) read as 20DD-(YYYY-2000)-MM.
 * - sold order items: rows grouped by Order ID; gross = sum of Item Total - max Discount Amount +
 *   max Order Shipping (Order Delivery); month of the first row's Sale Date.
 * - statements: orders = Sale rows (one per order); gross = Sale Amount + the order's "Sales tax
 *   paid by buyer" Net; fees = -Net of Fee/VAT/Marketing rows; refunds = -Amount of Refund rows
 *   less the "Refund to buyer for sales tax" Net of the same order and day; payouts = the euro
 *   amount in Deposit titles; adjustments = Net of Payment rows.
 */
describe.skipIf(!existsSync(dir))('Etsy formats over the real reports', () => {
  describe('sold orders (EtsySoldOrders)', () => {
    it('reads every file as etsy-sold-orders; only the corrupted-date file has an issue', () => {
      for (const path of filesIn('etsy-sold-orders')) {
        const r = readFixture(path);
        expect(r.format, path).toBe('etsy-sold-orders');
        if (path.includes('rey1140')) continue; // asserted below
        expect(r.issues, path).toEqual([]);
      }
    });

    it('2019 (Excel re-saved, M/D/YYYY, name columns deleted): totals', () => {
      const r = read('etsy-sold-orders/csharpconsultant__MIS500FinalProject/EtsySoldOrders2019.csv');
      expect(currencies(r.entries)).toEqual(['USD']);
      expect(total(r.entries)).toEqual({
        ...zero(),
        orders: 955,
        grossSales: 2755182,
        fees: 109342,
        refunds: 16117,
      });
    });

    it('2020 (26 columns): totals', () => {
      const r = read('etsy-sold-orders/csharpconsultant__MIS500FinalProject/EtsySoldOrders2020.csv');
      expect(total(r.entries)).toEqual({
        ...zero(),
        orders: 347,
        grossSales: 1073189,
        fees: 42573,
        refunds: 6402,
      });
    });

    it('2022 (36 columns, pandas "0.0"): totals, and sales per month', () => {
      const r = read('etsy-sold-orders/sfc38__Streamlit-App-Etsy/EtsySoldOrders2022_masked.csv');
      expect(total(r.entries)).toEqual({
        ...zero(),
        orders: 2828,
        grossSales: 8120718,
        fees: 331033,
        refunds: 3520,
      });
      expect(salesByMonth(r.entries)).toEqual({
        '2022-01': [29, 72643],
        '2022-02': [10, 25203],
        '2022-03': [2, 4571],
        '2022-04': [2, 5922],
        '2022-05': [1, 2643],
        '2022-06': [6, 19134],
        '2022-07': [11, 40025],
        '2022-08': [22, 63520],
        '2022-09': [52, 170013],
        '2022-10': [223, 696679],
        '2022-11': [1026, 2865548],
        '2022-12': [1444, 4154817],
      });
    });

    it('en-CA headers, re-saved with misread dates: one issue, and every order in 2020', () => {
      const r = read('etsy-sold-orders/rey1140__valutrk/EtsySoldOrders2020.csv');
      expect(r.issues).toEqual([
        {
          row: 114,
          field: 'Sale Date',
          message:
            '477 "Sale Date" cells look like Etsy MM/DD/YY dates that a spreadsheet misread as YY/MM/DD (the first: "2011-12-20" on line 114); they were read as MM/DD/YY ("2011-12-20" as 2020-11-12). Check these dates.',
        },
      ]);
      expect(currencies(r.entries)).toEqual(['CAD']);
      expect(total(r.entries)).toEqual({
        ...zero(),
        orders: 1284,
        grossSales: 4741748,
        fees: 178645,
        refunds: 19238,
      });
      expect(salesByMonth(r.entries)).toEqual({
        '2020-01': [39, 95050],
        '2020-02': [52, 181150],
        '2020-03': [81, 275350],
        '2020-04': [193, 695800],
        '2020-05': [186, 694900],
        '2020-06': [139, 451050],
        '2020-07': [104, 365750],
        '2020-08': [1, 900],
        '2020-09': [108, 413588],
        '2020-10': [150, 587793],
        '2020-11': [231, 980417],
      });
    });
  });

  describe('sold order items (EtsySoldOrderItems)', () => {
    it('reads every file as etsy-sold-order-items with no issues, one order per Order ID', () => {
      for (const path of filesIn('etsy-sold-order-items')) {
        const r = readFixture(path);
        expect(r.format, path).toBe('etsy-sold-order-items');
        expect(r.issues, path).toEqual([]);
        const keys = r.entries.map((e) => e.key);
        expect(new Set(keys).size, path).toBe(keys.length);
      }
    });

    it('en-GB headers, GBP, a Variations cell with a newline: sales per month', () => {
      const r = read('etsy-sold-order-items/mdc1991__RestAPIs/EtsySoldOrderItems2020.csv');
      expect(currencies(r.entries)).toEqual(['GBP']);
      expect(total(r.entries)).toEqual({ ...zero(), orders: 228, grossSales: 355986 });
      expect(salesByMonth(r.entries)).toEqual({
        '2020-04': [11, 12800],
        '2020-05': [25, 36200],
        '2020-06': [21, 23250],
        '2020-07': [18, 22940],
        '2020-08': [17, 23600],
        '2020-09': [16, 30093],
        '2020-10': [23, 29151],
        '2020-11': [68, 121435],
        '2020-12': [29, 56517],
      });
    });

    it('US headers: 136 items make 109 orders', () => {
      const r = read(
        'etsy-sold-order-items/sarahhe05__Starry-Sticker-Shop-Analysis/EtsySoldOrderItems2021.csv',
      );
      expect(r.rows).toBe(136);
      expect(total(r.entries)).toEqual({ ...zero(), orders: 109, grossSales: 57880 });
      expect(salesByMonth(r.entries)['2021-12']).toEqual([11, 6070]);
      const small = read(
        'etsy-sold-order-items/sarahhe05__Starry-Sticker-Shop-Analysis/EtsySoldOrderItems2023.csv',
      );
      expect(total(small.entries)).toEqual({ ...zero(), orders: 4, grossSales: 1260 });
    });
  });

  describe('payment account statements', () => {
    it('reads every statement as etsy-statement, with no issues, all in EUR', () => {
      for (const path of filesIn('etsy-payment-statement')) {
        const r = readFixture(path);
        expect(r.format, path).toBe('etsy-statement');
        expect(r.issues, path).toEqual([]);
        expect(currencies(r.entries), path).toEqual(['EUR']);
      }
    });

    it.each([
      ['etsy_statement_2022_1.csv', '2022-01', 27, 841874, 89477, 207618, 636011, 91254],
      ['etsy_statement_2022_2.csv', '2022-02', 6, 274669, 33768, 25149, 239840, 24088],
      ['etsy_statement_2022_3.csv', '2022-03', 14, 595265, 72806, 40661, 479023, 31927],
      ['etsy_statement_2022_4 (2).csv', '2022-04', 5, 211418, 23690, 85192, 107100, 81514],
    ])('%s: totals of %s', (file, month, orders, grossSales, fees, refunds, payouts, adjustments) => {
      const r = read(`etsy-payment-statement/evaliunas__Orionnen/${file}`);
      expect(new Set(r.entries.map((e) => e.date.slice(0, 7)))).toEqual(new Set([month]));
      expect(total(r.entries)).toEqual({ orders, grossSales, fees, refunds, payouts, adjustments });
    });

    it('a sale and its sold-orders record share one key, so importing both counts the order once', () => {
      const r = read('etsy-payment-statement/evaliunas__Orionnen/etsy_statement_2022_1.csv');
      const order = r.entries.find((e) => e.kind === 'order' && e.orderId === '2360875283');
      // Payment for Order #2360875283 €323.51, less Sales tax paid by buyer €18.31.
      expect(order).toMatchObject({
        key: 'etsy:order:2360875283',
        date: '2022-01-29',
        gross: { amount: 30520 },
      });
    });
  });
});
