import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../lib/domain/records.ts';
import { readFixture } from '../source-fixtures.ts';

const dir = resolve('..', 'shared', 'real-reports');
const folder = join(dir, 'stripe-payments-export');

/** Per month: orders counted, and per kind the sum in minor units, keyed `kind currency`. */
function monthly(entries: readonly LedgerEntry[]) {
  const months: Record<string, Record<string, number>> = {};
  for (const e of entries) {
    const month = e.date.slice(0, 7);
    months[month] ??= {};
    const m = months[month];
    const money = e.kind === 'order' ? e.gross : e.amount;
    if (e.kind === 'order') m.orders = (m.orders ?? 0) + 1;
    const key = `${e.kind === 'order' ? 'gross' : e.kind} ${money.currency}`;
    m[key] = (m[key] ?? 0) + money.amount;
  }
  return months;
}

const read = (account: string) => readFixture(join(folder, account, 'unified_payments.csv'));

describe.skipIf(!existsSync(dir))('Stripe payments exports (real files)', () => {
  it('reads the 23-column export of a subscription app, Sept 2024 to April 2026', () => {
    const result = read('rrh1441__machine');
    expect(result.format).toBe('stripe-payments');
    expect(result.issues).toEqual([]);
    expect(result.rows).toBe(316);
    // Computed independently with a python3 one-off (csv.DictReader, Decimal): rows with an id and
    // Status Paid, Refunded or succeeded are orders (gross = Amount, fee = Fee); Amount Refunded
    // counts in the month of Refunded date (UTC). 61 Failed rows and the one `succeeded` row
    // without an id (a PaymentIntent line beside its charge py_3SB4a3…) are left out.
    // Totals: 254 orders, gross 3739.00, fees 229.62, refunds 279.60 USD.
    const usd = (orders: number, gross: number, fee: number, refund = 0) => ({
      orders,
      'gross USD': gross,
      'fee USD': fee,
      ...(refund ? { 'refund USD': refund } : {}),
    });
    expect(monthly(result.entries)).toEqual({
      '2024-09': usd(1, 4000, 146),
      '2024-10': usd(2, 8000, 292),
      '2024-11': usd(1, 4000, 146),
      '2025-02': usd(4, 3200, 212),
      '2025-03': usd(4, 3200, 212, 1600),
      '2025-04': usd(17, 53300, 2061, 1200),
      '2025-05': usd(19, 30400, 1462, 1600),
      '2025-06': usd(47, 96400, 5725, 12000),
      '2025-07': usd(39, 57300, 4326, 5960),
      '2025-08': usd(31, 42900, 3667, 2400),
      '2025-09': usd(18, 14400, 952, 800),
      '2025-10': usd(16, 12800, 846),
      '2025-11': usd(12, 9600, 636),
      '2025-12': usd(11, 8800, 583),
      '2026-01': usd(11, 8800, 583, 2400),
      '2026-02': usd(10, 8000, 530),
      '2026-03': usd(9, 7200, 477),
      '2026-04': usd(2, 1600, 106),
    });
  });

  it('reads the older 21-column layout (Created (UTC) to the minute, no refund date)', () => {
    const result = read('kanema20__primeorca');
    expect(result.format).toBe('stripe-payments');
    expect(result.issues).toEqual([]);
    // python3 one-off: 15 Paid + 1 Refunded, Amount 5025.00, Fee 150.53, Amount Refunded 365.00
    // (170.00 on the Refunded charge, 195.00 on a partly refunded Paid one), all August 2023.
    expect(monthly(result.entries)).toEqual({
      '2023-08': { orders: 16, 'gross USD': 502500, 'fee USD': 15053, 'refund USD': 36500 },
    });
  });

  it('counts only the three paid charges among PaymentIntents awaiting a payment method', () => {
    const result = read('Ra7422__meedi8');
    expect(result.issues).toEqual([]);
    // python3 one-off: 3 Paid rows of 9.99 gbp with fee 0.52 each; 8 requires_payment_method rows.
    expect(monthly(result.entries)).toEqual({ '2025-11': { orders: 3, 'gross GBP': 2997, 'fee GBP': 156 } });
  });

  it('counts no ACH payments while they are Pending', () => {
    const result = read('Jacroney__FMM');
    expect(result.format).toBe('stripe-payments');
    expect(result.issues).toEqual([]);
    expect(result.entries).toEqual([]);
  });

  it('records the fee of a converted charge in the settlement currency (79-column layout)', () => {
    const result = read('streaming-overlays__stripe-country-revenue-calculator');
    expect(result.format).toBe('stripe-payments');
    expect(result.issues).toEqual([]);
    // The single row: Amount 15.00 usd, Converted Amount 534.80 thb, Fee 35.40 (thb).
    expect(monthly(result.entries)).toEqual({ '2024-06': { orders: 1, 'gross USD': 1500, 'fee THB': 3540 } });
  });
});
