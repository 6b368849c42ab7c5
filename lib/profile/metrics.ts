import { addMonths, daysBetween, monthIndex } from '../domain/months.ts';
import type { ProfileInput, ProfileMonth } from './input.ts';

/**
 * The profile's metrics. Every figure is computed over the seller's own records; money is in
 * minor units of the reporting currency. "The window" is the 12 complete months before the
 * month of `asOf` (the current month is not over yet). Months that no imported source covers
 * are "no data", never zero sales.
 */
export interface Metrics {
  /** Months from the first month with data to the last complete month, inclusive. */
  monthsOfHistory: number;
  /** Months (whole history) with sales. */
  activeMonths: number;
  /** Gross sales in the window's covered months. */
  ttmSales: number;
  /** ttmSales / covered months in the window; null without any. */
  avgMonthlySales: number | null;
  /** The lowest monthly gross sales among the window's covered months. */
  lowestMonthSales: number | null;
  /** Relative growth per year: year over year with two full years, else a fitted trend; null below 3 months. */
  growthRate: number | null;
  growthMethod: 'year-over-year' | 'trend' | null;
  /** Coefficient of variation (population) of monthly net sales in the window; null below 3 months. */
  volatility: number | null;
  /** Highest monthly net sales / average, in the window (1 = flat); null below 3 months. */
  seasonality: number | null;
  /** Refunds / gross sales in the window. */
  refundRate: number | null;
  /** Chargebacks / gross sales in the window (by value: the files give amounts, not dispute counts). */
  chargebackRate: number | null;
  /** Fees / gross sales in the window. */
  feeRate: number | null;
  /** Gaps between consecutive payouts in the window, in days; null below 2 payouts. */
  payoutRegularity: { payouts: number; medianGapDays: number; longestGapDays: number } | null;
  /** Herfindahl index of sales shares over sources (platforms), 0..1 (1 = a single source). */
  marketplaceConcentration: number | null;
  /** Share of window sales per original currency, largest first. */
  currencyMix: { currency: string; share: number }[];
  /** Covered months / months from the first month with data to the window's end. */
  dataCoverage: number;
  /** Days from the latest record to `asOf`; null without records. */
  dataFreshnessDays: number | null;
}

export interface Window {
  start: string;
  end: string;
  months: ProfileMonth[];
  covered: ProfileMonth[];
}

/** The 12 complete months before the month of `asOf`. */
export function trailingWindow(input: ProfileInput, length = 12, endOffset = 0): Window {
  const end = addMonths(input.asOf.slice(0, 7), -1 - endOffset);
  const start = addMonths(end, -(length - 1));
  const months = input.months.filter((m) => m.month >= start && m.month <= end);
  return { start, end, months, covered: months.filter((m) => m.covered) };
}

const net = (m: ProfileMonth) => m.grossSales - m.refunds;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function monthsOfHistory(input: ProfileInput): number {
  const first = input.months[0]?.month;
  if (!first) return 0;
  const end = addMonths(input.asOf.slice(0, 7), -1);
  return Math.max(0, monthIndex(end) - monthIndex(first) + 1);
}

export function activeMonths(input: ProfileInput): number {
  return input.months.filter((m) => m.grossSales > 0).length;
}

export function ttmSales(w: Window): number {
  return sum(w.covered.map((m) => m.grossSales));
}

export function avgMonthlySales(w: Window): number | null {
  return w.covered.length ? Math.round(ttmSales(w) / w.covered.length) : null;
}

export function lowestMonthSales(w: Window): number | null {
  return w.covered.length ? Math.min(...w.covered.map((m) => m.grossSales)) : null;
}

/** Least-squares slope of y over x = 0..n-1. */
function slope(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = sum(ys) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

export function growthRate(input: ProfileInput): { rate: number | null; method: Metrics['growthMethod'] } {
  const current = trailingWindow(input);
  const previous = trailingWindow(input, 12, 12);
  // Year over year needs both years nearly complete (10 of 12 months each).
  if (current.covered.length >= 10 && previous.covered.length >= 10) {
    const now = sum(current.covered.map(net)) / current.covered.length;
    const before = sum(previous.covered.map(net)) / previous.covered.length;
    if (before > 0) return { rate: now / before - 1, method: 'year-over-year' };
  }
  if (current.covered.length >= 3) {
    const ys = current.months.filter((m) => m.covered).map(net);
    const mean = sum(ys) / ys.length;
    if (mean > 0) {
      // Monthly slope as a share of the average month, over 12 months; clamped to what a year can do.
      const annual = (slope(ys) * 12) / mean;
      return { rate: Math.max(-1, Math.min(annual, 5)), method: 'trend' };
    }
  }
  return { rate: null, method: null };
}

export function volatility(w: Window): number | null {
  if (w.covered.length < 3) return null;
  const ys = w.covered.map(net);
  const mean = sum(ys) / ys.length;
  if (mean <= 0) return null;
  const variance = sum(ys.map((y) => (y - mean) ** 2)) / ys.length;
  return Math.sqrt(variance) / mean;
}

export function seasonality(w: Window): number | null {
  if (w.covered.length < 3) return null;
  const ys = w.covered.map(net);
  const mean = sum(ys) / ys.length;
  return mean > 0 ? Math.max(...ys) / mean : null;
}

export function refundRate(w: Window): number | null {
  return ratio(sum(w.covered.map((m) => m.refunds)), ttmSales(w));
}

export function chargebackRate(w: Window): number | null {
  return ratio(sum(w.covered.map((m) => m.chargebacks)), ttmSales(w));
}

export function feeRate(w: Window): number | null {
  return ratio(sum(w.covered.map((m) => m.fees)), ttmSales(w));
}

export function payoutRegularity(input: ProfileInput, w: Window): Metrics['payoutRegularity'] {
  const dates = input.payoutDates.filter((d) => d.slice(0, 7) >= w.start && d.slice(0, 7) <= w.end);
  const distinct = [...new Set(dates)].sort();
  if (distinct.length < 2) return null;
  const gaps = distinct.slice(1).map((d, i) => daysBetween(distinct[i] as string, d));
  const sorted = [...gaps].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { payouts: distinct.length, medianGapDays: median, longestGapDays: sorted.at(-1) as number };
}

export function marketplaceConcentration(w: Window): number | null {
  const bySource = new Map<string, number>();
  for (const m of w.covered) {
    for (const [source, amount] of Object.entries(m.salesBySource))
      bySource.set(source, (bySource.get(source) ?? 0) + amount);
  }
  const total = sum([...bySource.values()]);
  if (total <= 0) return null;
  return sum([...bySource.values()].map((v) => (v / total) ** 2));
}

export function currencyMix(w: Window): Metrics['currencyMix'] {
  const byCurrency = new Map<string, number>();
  for (const m of w.covered) {
    for (const [c, amount] of Object.entries(m.salesByCurrency))
      byCurrency.set(c, (byCurrency.get(c) ?? 0) + amount);
  }
  const total = sum([...byCurrency.values()]);
  if (total <= 0) return [];
  return [...byCurrency]
    .map(([currency, amount]) => ({ currency, share: amount / total }))
    .sort((a, b) => b.share - a.share || a.currency.localeCompare(b.currency));
}

export function dataCoverage(input: ProfileInput): number {
  const end = addMonths(input.asOf.slice(0, 7), -1);
  const inRange = input.months.filter((m) => m.month <= end);
  if (inRange.length === 0) return 0;
  return inRange.filter((m) => m.covered).length / inRange.length;
}

export function dataFreshnessDays(input: ProfileInput): number | null {
  return input.lastActivityDate === null
    ? null
    : Math.max(0, daysBetween(input.lastActivityDate, input.asOf));
}

export function computeMetrics(input: ProfileInput): Metrics {
  const w = trailingWindow(input);
  const growth = growthRate(input);
  return {
    monthsOfHistory: monthsOfHistory(input),
    activeMonths: activeMonths(input),
    ttmSales: ttmSales(w),
    avgMonthlySales: avgMonthlySales(w),
    lowestMonthSales: lowestMonthSales(w),
    growthRate: growth.rate,
    growthMethod: growth.method,
    volatility: volatility(w),
    seasonality: seasonality(w),
    refundRate: refundRate(w),
    chargebackRate: chargebackRate(w),
    feeRate: feeRate(w),
    payoutRegularity: payoutRegularity(input, w),
    marketplaceConcentration: marketplaceConcentration(w),
    currencyMix: currencyMix(w),
    dataCoverage: dataCoverage(input),
    dataFreshnessDays: dataFreshnessDays(input),
  };
}
