import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { readFixture } from '../source-fixtures.ts';

const dir = resolve('..', 'shared', 'real-reports');
const folder = join(dir, 'paypal-activity-download');

/** Per month: orders counted, and the signed sum (minor units, USD only here) of every other kind. */
function monthly(entries: readonly LedgerEntry[]) {
  const months: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    months[month] ??= {};
    const m = months[month];
    if (e.kind === 'order') {
      m.orders = (m.orders ?? 0) + 1;
      m.gross = (m.gross ?? 0) + e.gross.amount;
    } else {
      m[e.kind] = (m[e.kind] ?? 0) + e.amount.amount;
    }
  }
  return months;
}

describe.skipIf(!existsSync(dir))('PayPal activity downloads (real files)', () => {
  it('reads the 41-column business download of a US shop, April to June 2022', () => {
    const result = readFixture(join(folder, 'manuelsena5__Sales_Tax_Zuniga', 'Download.CSV'));
    expect(result.format).toBe('paypal-activity');
    expect(result.rows).toBe(683);
    // The file itself holds a U+FFFD in one Note cell (line 575): the decoder says so, rightly.
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      row: null,
      field: null,
      message: expect.stringMatching(/not valid UTF-8/),
    });
    expect(new Set(result.entries.map((e) => (e.kind === 'order' ? e.gross : e.amount).currency))).toEqual(
      new Set(['USD']),
    );
    // Computed independently with a python3 one-off over the raw file (csv.DictReader, Decimal):
    // Memo rows skipped; Website/Express Checkout/PayPal Here/Mobile Payment with Balance Impact
    // Credit and Status Completed are orders (gross = Gross, fee = -Fee); "…Hold…" types are
    // reserves (-Gross); General Withdrawal is a payout (-Gross); every other Credit/Debit row is an
    // adjustment (Gross). Months from Date (MM/DD/YYYY). No Payment Refund rows in this file.
    expect(monthly(result.entries)).toEqual({
      '2022-04': { orders: 24, gross: 703512, fee: 25496, reserve: -4831, adjustment: -392166 },
      '2022-05': { orders: 25, gross: 382379, fee: 14570, reserve: -6128, adjustment: -553653 },
      '2022-06': {
        orders: 20,
        gross: 396010,
        fee: 14738,
        reserve: 7877,
        adjustment: -313677,
        payout: 100000,
      },
    });
  });

  it('reads the 13-column personal download: a bonus and a transfer to a debit card with its fee', () => {
    const result = readFixture(join(folder, 'jcbarron89__DWAAHR', 'Download.CSV'));
    expect(result.format).toBe('paypal-activity');
    expect(result.issues).toEqual([]);
    // From the two rows (awk): General Bonus 5.00; General Credit Card Withdrawal -4.95, fee -0.05.
    expect(monthly(result.entries)).toEqual({ '2021-06': { adjustment: 500, payout: 495, fee: 5 } });
  });

  it('reads the 10-column Amount-only download: card-funded purchases are no sales', () => {
    const result = readFixture(join(folder, 'ejbest__python-paypal-summary', 'Download.CSV'));
    expect(result.format).toBe('paypal-activity');
    expect(result.issues).toEqual([]);
    // awk over the file: 9 rows, Amount sums to -10.46 (four purchases each paired with a General
    // Card Deposit, plus one purchase whose deposit row falls after the download's end).
    expect(result.entries).toHaveLength(9);
    expect(monthly(result.entries)).toEqual({ '2024-01': { adjustment: -1046 } });
  });

  it('says a header-only download has no data rows', () => {
    const result = readFixture(join(folder, 'plutov__paypal', 'Download.CSV'));
    expect(result.format).toBe('paypal-activity');
    expect(result.entries).toEqual([]);
    expect(result.issues).toEqual([
      { row: null, field: null, message: '"Download.CSV" has a header but no data rows.' },
    ]);
  });
});
