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
    payoutDates: [],
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
  if (agg.lastDate === undefined || entry.date > agg.lastDate) agg.lastDate = entry.date;
  if (entry.kind === 'order') {
    // Only paid orders are sales; pending and cancelled ones are kept as records but not summed.
    if (entry.status !== 'paid') return;
    agg.orders += 1;
    add(agg.grossSales, entry.gross.currency, entry.gross.amount);
    return;
  }
  if (entry.kind === 'payout') {
    if (entry.status !== 'paid') return;
    if (!agg.payoutDates.includes(entry.date)) agg.payoutDates.push(entry.date);
  }
  add(agg[FIELD_BY_KIND[entry.kind]], entry.amount.currency, entry.amount.amount);
}
