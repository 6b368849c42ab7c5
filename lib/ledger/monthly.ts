import type { LedgerEntry } from '../domain/records.ts';
import type { ImportIssue } from '../import/issues.ts';
import { StringIndex } from '../import/string-index.ts';
import { toMajor } from '../money/format.ts';
import { BUNDLED_RATES, convert, type RateTable } from '../money/fx.ts';

export const SUMMED_FIELDS = ['grossSales', 'refunds', 'fees', 'payouts'] as const;
export type SummedField = (typeof SUMMED_FIELDS)[number];

/** Per-currency integer totals of one month, before any conversion. */
interface MonthBucket {
  orders: number;
  totals: Record<SummedField, Map<string, number>>;
}

export interface MonthRow {
  month: string;
  orders: number;
  grossSales: number;
  refunds: number;
  fees: number;
  payouts: number;
}

/**
 * Monthly totals over records from any number of files. Records whose dedupe key was already
 * seen are skipped, so overlapping files never double-count. Sums stay in integer minor units
 * per currency; conversion to the reporting currency happens once per month and currency.
 */
export class MonthlyLedger {
  /** Every key added: a few files can bring millions, see StringIndex. */
  private readonly seen = new StringIndex();
  /** False once the last file has begun: its keys are looked up, never stored (see `lastFile`). */
  private remember = true;
  private readonly months = new Map<string, MonthBucket>();
  /** The bucket of the last record's date: records of one day tend to come together. */
  private lastDate = '';
  private lastBucket: MonthBucket | undefined;
  duplicates = 0;

  /**
   * Says that the records to come are the last file's. One file never gives the same key twice
   * (a format numbers or merges repeated rows itself, or the import drops the repeats: see
   * ReportFormat.uniqueKeys; tests double every fixture's rows and mangle thousands of files to
   * check it), so those records only need looking up among earlier files' keys, and nothing comes
   * after them to be checked against theirs: storing a million keys nobody will ask for is skipped.
   */
  lastFile(): void {
    this.remember = false;
  }

  /** Adds a record; returns false when it is a duplicate of one already added. */
  add(entry: LedgerEntry): boolean {
    let duplicate: boolean;
    if (this.remember) {
      // One lookup instead of `find` then `add`: the index only grows when the key is new.
      const size = this.seen.size;
      this.seen.add(entry.key);
      duplicate = this.seen.size === size;
    } else duplicate = this.seen.size > 0 && this.seen.find(entry.key) !== -1;
    if (duplicate) {
      this.duplicates += 1;
      return false;
    }
    const bucket = this.bucketOf(entry.date);
    // The summed field, read without building an object per record (a million records per file).
    let totals: Map<string, number>;
    let money: { amount: number; currency: string };
    switch (entry.kind) {
      case 'order':
        if (entry.status !== 'paid') return true;
        bucket.orders += 1;
        totals = bucket.totals.grossSales;
        money = entry.gross;
        break;
      case 'refund':
        totals = bucket.totals.refunds;
        money = entry.amount;
        break;
      case 'fee':
        totals = bucket.totals.fees;
        money = entry.amount;
        break;
      case 'payout':
        if (entry.status !== 'paid') return true;
        totals = bucket.totals.payouts;
        money = entry.amount;
        break;
      default:
        return true;
    }
    totals.set(money.currency, (totals.get(money.currency) ?? 0) + money.amount);
    return true;
  }

  private bucketOf(date: string): MonthBucket {
    if (date === this.lastDate && this.lastBucket) return this.lastBucket;
    const month = date.slice(0, 7);
    let bucket = this.months.get(month);
    if (!bucket) {
      bucket = {
        orders: 0,
        totals: { grossSales: new Map(), refunds: new Map(), fees: new Map(), payouts: new Map() },
      };
      this.months.set(month, bucket);
    }
    this.lastDate = date;
    this.lastBucket = bucket;
    return bucket;
  }

  /**
   * Months ascending, amounts as major units of `currency`. Months past the rate table use its
   * latest rate; currencies with no rate at all are left out. Both are reported as issues.
   */
  report(currency: string, rates: RateTable = BUNDLED_RATES): { months: MonthRow[]; issues: ImportIssue[] } {
    const issues: ImportIssue[] = [];
    const noted = new Set<string>();
    const note = (key: string, message: string) => {
      if (noted.has(key)) return;
      noted.add(key);
      issues.push({ row: null, field: null, message });
    };
    const months = [...this.months.keys()].sort().map((month) => {
      const bucket = this.months.get(month) as MonthBucket;
      const row: MonthRow = { month, orders: bucket.orders, grossSales: 0, refunds: 0, fees: 0, payouts: 0 };
      for (const name of SUMMED_FIELDS) {
        let minor = 0;
        for (const [from, amount] of bucket.totals[name]) {
          const converted = convert(amount, from, currency, month, rates);
          if (!converted) {
            note(
              `missing:${from}`,
              `No reference rate for ${from}: amounts in ${from} are left out of the ${currency} totals.`,
            );
            continue;
          }
          for (const rate of [converted.from, converted.to]) {
            if (rate.note.kind === 'latest') {
              note(
                `latest:${month}`,
                `${month} is past the bundled exchange rates (they end at ${rates.lastMonth}); its amounts were converted at the ${rate.note.usedMonth} rates.`,
              );
            }
          }
          minor += converted.amount;
        }
        row[name] = toMajor(minor, currency);
      }
      return row;
    });
    return { months, issues };
  }
}
