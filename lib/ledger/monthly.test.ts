import { describe, expect, it } from 'vitest';
import { order, payout } from '../../test/factories.ts';
import type { LedgerEntry } from '../domain/records.ts';
import { MonthlyLedger } from './monthly.ts';

const eurOrder = (id: string, date: string, cents: number): LedgerEntry =>
  ({
    ...order(id, date, cents),
    gross: { amount: cents, currency: 'EUR' },
  }) as LedgerEntry;

describe('MonthlyLedger', () => {
  it('sums orders, sales, refunds, fees and payouts per month, ascending', () => {
    const ledger = new MonthlyLedger();
    ledger.add(order('2', '2026-02-01', 20_00));
    ledger.add(order('1', '2026-01-31', 10_50));
    ledger.add({
      kind: 'refund',
      key: 'r1',
      platform: 'shopify',
      date: '2026-02-03',
      importId: 'a'.repeat(64),
      amount: { amount: 5_00, currency: 'USD' },
    });
    ledger.add({
      kind: 'fee',
      key: 'f1',
      platform: 'shopify',
      date: '2026-02-03',
      importId: 'a'.repeat(64),
      amount: { amount: 1_25, currency: 'USD' },
      feeType: 'x',
    });
    ledger.add({
      kind: 'fee',
      key: 'f2',
      platform: 'shopify',
      date: '2026-02-04',
      importId: 'a'.repeat(64),
      amount: { amount: -25, currency: 'USD' },
      feeType: 'refund of fee',
    });
    ledger.add(payout('p', '2026-02-10', 14_00));
    expect(ledger.report('USD').months).toEqual([
      { month: '2026-01', orders: 1, grossSales: 10.5, refunds: 0, fees: 0, payouts: 0 },
      { month: '2026-02', orders: 1, grossSales: 20, refunds: 5, fees: 1, payouts: 14 },
    ]);
  });

  it('counts a record seen in two files once', () => {
    const ledger = new MonthlyLedger();
    expect(ledger.add(order('1', '2026-01-05', 10_00))).toBe(true);
    expect(ledger.add(order('1', '2026-01-05', 10_00))).toBe(false);
    expect(ledger.duplicates).toBe(1);
    expect(ledger.report('USD').months[0]).toMatchObject({ orders: 1, grossSales: 10 });
  });

  it('converts each month at its own rate, never adding currencies before conversion', () => {
    const ledger = new MonthlyLedger();
    ledger.add(eurOrder('e1', '2026-06-10', 100_00));
    ledger.add(order('u1', '2026-06-11', 10_00));
    // 100.00 EUR at 0.8684 EUR/USD = 115.15 USD, plus 10.00 USD
    expect(ledger.report('USD').months[0]?.grossSales).toBe(125.15);
    // In EUR: 100.00 EUR + 10.00 USD * 0.8684 = 108.68 EUR
    expect(ledger.report('EUR').months[0]?.grossSales).toBe(108.68);
  });

  it('says when a month is past the bundled rates or a currency has none', () => {
    const ledger = new MonthlyLedger();
    ledger.add(eurOrder('e1', '2026-09-10', 100_00));
    ledger.add({
      ...order('b1', '2026-01-10', 500_00),
      gross: { amount: 500_00, currency: 'BDT' },
    } as LedgerEntry);
    const { months, issues } = ledger.report('USD');
    expect(months.map((m) => m.grossSales)).toEqual([0, 115.15]);
    expect(issues.map((i) => i.message)).toEqual([
      'No reference rate for BDT: amounts in BDT are left out of the USD totals.',
      '2026-09 is past the bundled exchange rates (they end at 2026-06); its amounts were converted at the 2026-06 rates.',
    ]);
  });
});

describe('MonthlyLedger.lastFile', () => {
  it("still drops the last file's records that an earlier file had, and keeps its new ones", () => {
    const ledger = new MonthlyLedger();
    ledger.add(order('1', '2026-01-05', 10_00));
    ledger.add(order('2', '2026-01-06', 20_00));
    ledger.lastFile();
    expect(ledger.add(order('2', '2026-01-06', 20_00))).toBe(false);
    expect(ledger.add(order('3', '2026-01-07', 5_00))).toBe(true);
    expect(ledger.duplicates).toBe(1);
    expect(ledger.report('USD').months[0]).toMatchObject({ orders: 3, grossSales: 35 });
  });

  it('accepts every record when the last file is the only one', () => {
    const ledger = new MonthlyLedger();
    ledger.lastFile();
    expect(ledger.add(order('1', '2026-01-05', 10_00))).toBe(true);
    expect(ledger.report('USD').months[0]).toMatchObject({ orders: 1, grossSales: 10 });
  });
});
