import { addMonths, monthsBetween } from '../domain/months.ts';
import type { LedgerEntry, MonthAggregate } from '../domain/records.ts';
import type { ImportIssue } from '../import/issues.ts';
import { BUNDLED_RATES, convert, type RateTable, rateFor } from '../money/fx.ts';

/** One calendar month of a seller's history, in minor units of the reporting currency. */
export interface ProfileMonth {
  month: string;
  /** Some imported source's period includes this month: no sales then means zero sales. */
  covered: boolean;
  orders: number;
  grossSales: number;
  refunds: number;
  fees: number;
  payouts: number;
  chargebacks: number;
  /** Gross sales per platform (for concentration). */
  salesBySource: Record<string, number>;
  /** Gross sales per original currency, converted (for the currency mix). */
  salesByCurrency: Record<string, number>;
}

/** Everything the profile is computed from: small (one value per month), whatever the history's size. */
export interface ProfileInput {
  currency: string;
  /** "Today" for the profile (YYYY-MM-DD). */
  asOf: string;
  /** Every month from the first with data to the month of `asOf`, ascending, gaps included. */
  months: ProfileMonth[];
  /** Dates of payouts to the seller, ascending. */
  payoutDates: string[];
  lastActivityDate: string | null;
  /** Units of the reporting currency per US dollar at the end of the history (scorecard thresholds are in USD). */
  perUsd: number;
}

type Field = 'grossSales' | 'refunds' | 'fees' | 'payouts' | 'chargebacks';

interface Bucket {
  orders: number;
  /** Latest record date of the month ('' when none). */
  lastDate: string;
  /** field -> currency -> minor units */
  sums: Record<Field, Map<string, number>>;
  /** platform -> currency -> gross minor units */
  bySource: Map<string, Map<string, number>>;
}

function emptyBucket(): Bucket {
  return {
    orders: 0,
    lastDate: '',
    sums: {
      grossSales: new Map(),
      refunds: new Map(),
      fees: new Map(),
      payouts: new Map(),
      chargebacks: new Map(),
    },
    bySource: new Map(),
  };
}

function bump(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

/**
 * Accumulates deduplicated records (and the periods their sources cover) into monthly,
 * per-currency integer sums, then builds the profile input in one reporting currency.
 */
export class ProfileAccumulator {
  private readonly buckets = new Map<string, Bucket>();
  private readonly covered = new Set<string>();
  private readonly payouts: string[] = [];

  private bucket(month: string): Bucket {
    let b = this.buckets.get(month);
    if (!b) {
      b = emptyBucket();
      this.buckets.set(month, b);
    }
    return b;
  }

  /** The bucket of the previous record: records come mostly in date order, so most lookups hit it. */
  private lastMonth = '';
  private last: Bucket | undefined;

  private sourceBucket: Bucket | undefined;
  private sourcePlatform = '';
  private sourceMap: Map<string, number> = new Map();

  /** Per-currency sales of one platform in one month (cached: consecutive records share both). */
  private sourceTotals(b: Bucket, platform: string): Map<string, number> {
    if (b === this.sourceBucket && platform === this.sourcePlatform) return this.sourceMap;
    let source = b.bySource.get(platform);
    if (!source) {
      source = new Map();
      b.bySource.set(platform, source);
    }
    this.sourceBucket = b;
    this.sourcePlatform = platform;
    this.sourceMap = source;
    return source;
  }

  /** Adds one record that is already known not to be a duplicate. */
  add(entry: LedgerEntry): void {
    const date = entry.date;
    let b = this.last;
    if (b === undefined || !date.startsWith(this.lastMonth)) {
      this.lastMonth = date.slice(0, 7);
      b = this.bucket(this.lastMonth);
      this.last = b;
    }
    if (date > b.lastDate) b.lastDate = date;
    switch (entry.kind) {
      case 'order': {
        if (entry.status !== 'paid') return;
        b.orders += 1;
        const { amount, currency } = entry.gross;
        bump(b.sums.grossSales, currency, amount);
        bump(this.sourceTotals(b, entry.platform), currency, amount);
        return;
      }
      case 'refund':
        bump(b.sums.refunds, entry.amount.currency, entry.amount.amount);
        return;
      case 'fee':
        bump(b.sums.fees, entry.amount.currency, entry.amount.amount);
        return;
      case 'chargeback':
        bump(b.sums.chargebacks, entry.amount.currency, entry.amount.amount);
        return;
      case 'payout':
        if (entry.status !== 'paid') return;
        bump(b.sums.payouts, entry.amount.currency, entry.amount.amount);
        this.payouts.push(date);
        return;
      default:
        return;
    }
  }

  /** Adds one platform-month of stored totals (the extension's path: no raw records are read). */
  addAggregate(agg: MonthAggregate): void {
    const b = this.bucket(agg.month);
    b.orders += agg.orders;
    const fields = [
      ['grossSales', agg.grossSales],
      ['refunds', agg.refunds],
      ['fees', agg.fees],
      ['payouts', agg.payouts],
      ['chargebacks', agg.chargebacks],
    ] as const;
    for (const [field, totals] of fields) {
      for (const [currency, amount] of Object.entries(totals)) bump(b.sums[field], currency, amount);
    }
    const source = this.sourceTotals(b, agg.platform);
    for (const [currency, amount] of Object.entries(agg.grossSales)) bump(source, currency, amount);
    this.payouts.push(...(agg.payoutDates ?? []));
    if (agg.lastDate && agg.lastDate > b.lastDate) b.lastDate = agg.lastDate;
  }

  /** Declares that a source's data covers `start`..`end` (its file's period): months inside with no sales count as zero. */
  cover(start: string, end: string): void {
    for (const month of monthsBetween(start.slice(0, 7), end.slice(0, 7))) this.covered.add(month);
  }

  build(
    currency: string,
    asOf: string,
    rates: RateTable = BUNDLED_RATES,
  ): { input: ProfileInput; issues: ImportIssue[] } {
    const issues: ImportIssue[] = [];
    const missing = new Set<string>();
    const toReporting = (amount: number, from: string, month: string): number => {
      const c = convert(amount, from, currency, month, rates);
      if (!c) {
        if (!missing.has(from)) {
          missing.add(from);
          issues.push({
            row: null,
            field: null,
            message: `No reference rate for ${from}: its amounts are left out of the profile.`,
          });
        }
        return 0;
      }
      return c.amount;
    };
    const asOfMonth = asOf.slice(0, 7);
    const dataMonths = [...this.buckets.keys()].filter((m) => m <= asOfMonth).sort();
    const first = dataMonths[0];
    const months: ProfileMonth[] = [];
    if (first) {
      for (const month of monthsBetween(first, asOfMonth)) {
        const b = this.buckets.get(month);
        const row: ProfileMonth = {
          month,
          covered: this.covered.has(month) || b !== undefined,
          orders: b?.orders ?? 0,
          grossSales: 0,
          refunds: 0,
          fees: 0,
          payouts: 0,
          chargebacks: 0,
          salesBySource: {},
          salesByCurrency: {},
        };
        if (b) {
          for (const field of ['grossSales', 'refunds', 'fees', 'payouts', 'chargebacks'] as const) {
            for (const [from, amount] of b.sums[field]) {
              const converted = toReporting(amount, from, month);
              row[field] += converted;
              if (field === 'grossSales')
                row.salesByCurrency[from] = (row.salesByCurrency[from] ?? 0) + converted;
            }
          }
          for (const [platform, byCurrency] of b.bySource) {
            for (const [from, amount] of byCurrency) {
              row.salesBySource[platform] =
                (row.salesBySource[platform] ?? 0) + toReporting(amount, from, month);
            }
          }
        }
        months.push(row);
      }
    }
    const lastMonth = addMonths(asOfMonth, -1);
    const perUsd = rateFor(currency, lastMonth, rates)?.perUsd ?? 1;
    return {
      input: {
        currency,
        asOf,
        months,
        payoutDates: this.payouts.filter((d) => d <= asOf).sort(),
        lastActivityDate: latestBefore(this.buckets, asOf),
        perUsd,
      },
      issues,
    };
  }
}

/** The latest record date up to `asOf` (a month's records after `asOf` count as `asOf`). */
function latestBefore(buckets: ReadonlyMap<string, Bucket>, asOf: string): string | null {
  let latest: string | null = null;
  for (const [month, b] of buckets) {
    if (b.lastDate === '' || month > asOf.slice(0, 7)) continue;
    const date = b.lastDate > asOf ? asOf : b.lastDate;
    if (latest === null || date > latest) latest = date;
  }
  return latest;
}
