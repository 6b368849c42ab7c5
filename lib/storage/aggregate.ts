import type { CurrencyTotals, LedgerEntry, MonthAggregate, Platform } from '../domain/records.ts';

export function emptyAggregate(platform: Platform, month: string): MonthAggregate {
  return {
    platform,
    month,
    records: 0,
    orders: 0,
    grossSales: {},
    refunds: {},
    fees: {},
    payouts: {},
    chargebacks: {},
    reserves: {},
    adjustments: {},
  };
}

function add(totals: CurrencyTotals, currency: string, amount: number): void {
  totals[currency] = (totals[currency] ?? 0) + amount;
}

const FIELD_BY_KIND = {
  refund: 'refunds',
  fee: 'fees',
  payout: 'payouts',
  chargeback: 'chargebacks',
  reserve: 'reserves',
  adjustment: 'adjustments',
} as const;

/** Adds one record to its month's totals (in place). Orders count once each; dedupe happens before. */
export function addEntry(agg: MonthAggregate, entry: LedgerEntry): void {
  agg.records += 1;
  if (entry.kind === 'order') {
    if (entry.status === 'cancelled') return;
    agg.orders += 1;
    add(agg.grossSales, entry.gross.currency, entry.gross.amount);
    return;
  }
  add(agg[FIELD_BY_KIND[entry.kind]], entry.amount.currency, entry.amount.amount);
}
