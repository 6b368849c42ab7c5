import type { Metrics } from './metrics.ts';

/** How a factor's metric is shown to the seller, in the reporting currency where it is money. */
export interface Presentation {
  currency: string;
  /** Units of the reporting currency per US dollar (money thresholds are set in USD). */
  perUsd: number;
  locale: string;
}

interface Step {
  /** The metric must be at least (direction `higher`) or at most (direction `lower`) this. */
  threshold: number;
  points: number;
}

/**
 * One line of the scorecard: a metric, its steps (best first) and how to word it. Data, not code,
 * so the table in docs/credit-profile.md and this file can be checked against each other.
 */
export interface Factor {
  id: string;
  label: string;
  max: number;
  direction: 'higher' | 'lower';
  steps: readonly Step[];
  /** Points when the metric cannot be computed. */
  missingPoints: number;
  value: (m: Metrics) => number | null;
  /** Reason code when the factor holds the score back. */
  code: string;
  /** e.g. `Refund rate 7.1%` */
  describe: (value: number, p: Presentation) => string;
  /** The metric's figure alone, e.g. `7.1%`, `$8,200`, `4` (a translation words the rest). */
  format: (value: number, p: Presentation) => string;
  /** The threshold as shown, e.g. `5%` */
  show: (threshold: number, p: Presentation) => string;
  /** Said when the metric is missing. */
  missing: string;
}

/** `0.071` -> `7.1%`, `0.05` -> `5%`: one decimal only where it says something. */
const pct = (x: number) => `${Number((x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0))}%`;
const pct2 = (x: number) => `${Number((x * 100).toFixed(2))}%`;

function money(minor: number, p: Presentation): string {
  return new Intl.NumberFormat(p.locale, {
    style: 'currency',
    currency: p.currency,
    maximumFractionDigits: 0,
  }).format(minor / 100);
}

/** USD thresholds shown in the reporting currency, rounded to a readable figure. */
function usdThreshold(usd: number, p: Presentation): string {
  const local = usd * p.perUsd;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(local)) - 1);
  return money(Math.round(local / magnitude) * magnitude * 100, p);
}

export const FACTORS: readonly Factor[] = [
  {
    id: 'history',
    label: 'Time selling',
    max: 20,
    direction: 'higher',
    steps: [
      { threshold: 24, points: 20 },
      { threshold: 12, points: 15 },
      { threshold: 6, points: 10 },
      { threshold: 3, points: 5 },
    ],
    missingPoints: 0,
    value: (m) => m.monthsOfHistory,
    code: 'short_history',
    describe: (v) => `History of ${v} month${v === 1 ? '' : 's'}`,
    format: (v) => String(v),
    show: (t) => `${t} months`,
    missing: 'No sales history yet',
  },
  {
    id: 'volume',
    label: 'Monthly sales',
    max: 20,
    direction: 'higher',
    // Compared in USD so the bar is the same whatever the reporting currency.
    steps: [
      { threshold: 50_000, points: 20 },
      { threshold: 10_000, points: 15 },
      { threshold: 5_000, points: 10 },
      { threshold: 1_000, points: 5 },
    ],
    missingPoints: 0,
    value: (m) => (m.avgMonthlySales === null ? null : m.avgMonthlySales / 100),
    code: 'low_sales',
    describe: (v, p) => `Average monthly sales of ${money(v * 100, p)}`,
    format: (v, p) => money(v * 100, p),
    show: (t, p) => usdThreshold(t, p),
    missing: 'No sales in the last 12 months',
  },
  {
    id: 'stability',
    label: 'Steady sales',
    max: 15,
    direction: 'lower',
    steps: [
      { threshold: 0.25, points: 15 },
      { threshold: 0.5, points: 10 },
      { threshold: 0.75, points: 5 },
    ],
    missingPoints: 0,
    value: (m) => m.volatility,
    code: 'volatile_sales',
    describe: (v) => `Monthly sales vary by ${pct(v)} (coefficient of variation)`,
    format: (v) => pct(v),
    show: (t) => pct(t),
    missing: 'Fewer than 3 months of sales in the last 12 months to judge how steady they are',
  },
  {
    id: 'growth',
    label: 'Growth',
    max: 10,
    direction: 'higher',
    steps: [
      { threshold: 0.1, points: 10 },
      { threshold: 0, points: 7 },
      { threshold: -0.1, points: 4 },
    ],
    missingPoints: 0,
    value: (m) => m.growthRate,
    code: 'declining_sales',
    describe: (v) => `Sales growth of ${pct(v)} a year`,
    format: (v) => pct(v),
    show: (t) => pct(t),
    missing: 'Fewer than 3 months of sales to measure growth',
  },
  {
    id: 'refunds',
    label: 'Refunds',
    max: 10,
    direction: 'lower',
    steps: [
      { threshold: 0.02, points: 10 },
      { threshold: 0.05, points: 6 },
      { threshold: 0.1, points: 2 },
    ],
    missingPoints: 0,
    value: (m) => m.refundRate,
    code: 'high_refunds',
    describe: (v) => `Refund rate ${pct(v)}`,
    format: (v) => pct(v),
    show: (t) => pct(t),
    missing: 'No sales in the last 12 months to measure refunds against',
  },
  {
    id: 'chargebacks',
    label: 'Disputes',
    max: 10,
    direction: 'lower',
    // Card networks' monitoring programs start at 0.65%, 0.9% and 1% dispute rates.
    steps: [
      { threshold: 0.0065, points: 10 },
      { threshold: 0.009, points: 5 },
      { threshold: 0.01, points: 2 },
    ],
    missingPoints: 0,
    value: (m) => m.chargebackRate,
    code: 'high_chargebacks',
    describe: (v) => `Chargeback rate ${pct2(v)}`,
    format: (v) => pct2(v),
    show: (t) => pct2(t),
    missing: 'No sales in the last 12 months to measure disputes against',
  },
  {
    id: 'payouts',
    label: 'Regular payouts',
    max: 5,
    direction: 'lower',
    steps: [
      { threshold: 14, points: 5 },
      { threshold: 35, points: 3 },
      { threshold: 62, points: 1 },
    ],
    missingPoints: 0,
    value: (m) => m.payoutRegularity?.longestGapDays ?? null,
    code: 'irregular_payouts',
    describe: (v) => `Longest gap between payouts of ${v} days`,
    format: (v) => String(v),
    show: (t) => `${t} days`,
    missing: 'Fewer than 2 payouts in the last 12 months: import a payout or settlement report',
  },
  {
    id: 'diversification',
    label: 'Sales channels',
    max: 5,
    direction: 'lower',
    // One marketplace is common and not bad in itself: it still earns 2 of 5.
    steps: [
      { threshold: 0.5, points: 5 },
      { threshold: 0.8, points: 3 },
      { threshold: 1, points: 2 },
    ],
    missingPoints: 0,
    value: (m) => m.marketplaceConcentration,
    code: 'concentrated_sales',
    describe: (v) => `Sales concentration (Herfindahl) of ${v.toFixed(2)}`,
    format: (v) => v.toFixed(2),
    show: (t) => t.toFixed(2),
    missing: 'No sales in the last 12 months',
  },
  {
    id: 'coverage',
    label: 'Complete history',
    max: 3,
    direction: 'higher',
    steps: [
      { threshold: 0.9, points: 3 },
      { threshold: 0.75, points: 2 },
      { threshold: 0.5, points: 1 },
    ],
    missingPoints: 0,
    value: (m) => (m.monthsOfHistory > 0 ? m.dataCoverage : null),
    code: 'gaps_in_data',
    describe: (v) => `Reports cover ${pct(v)} of the months in your history`,
    format: (v) => pct(v),
    show: (t) => pct(t),
    missing: 'No months of history yet',
  },
  {
    id: 'freshness',
    label: 'Recent data',
    max: 2,
    direction: 'lower',
    steps: [
      { threshold: 35, points: 2 },
      { threshold: 62, points: 1 },
    ],
    missingPoints: 0,
    value: (m) => m.dataFreshnessDays,
    code: 'stale_data',
    describe: (v) => `Latest record is ${v} days old`,
    format: (v) => String(v),
    show: (t) => `${t} days`,
    missing: 'No records yet',
  },
];

export type Band = 'A' | 'B' | 'C' | 'D' | 'E';
export const BANDS: readonly { band: Band; min: number }[] = [
  { band: 'A', min: 80 },
  { band: 'B', min: 65 },
  { band: 'C', min: 50 },
  { band: 'D', min: 35 },
  { band: 'E', min: 0 },
];

export interface FactorScore {
  id: string;
  label: string;
  points: number;
  max: number;
  /** The metric as scored (USD for monthly sales); null when missing. */
  value: number | null;
}

function meets(f: Factor, value: number, threshold: number): boolean {
  return f.direction === 'higher' ? value >= threshold : value <= threshold;
}

export function factorPoints(f: Factor, value: number | null): number {
  if (value === null || Number.isNaN(value)) return f.missingPoints;
  return f.steps.find((s) => meets(f, value, s.threshold))?.points ?? 0;
}

/** The metric values the scorecard reads, with monthly sales turned into USD. */
function scoredValue(f: Factor, metrics: Metrics, perUsd: number): number | null {
  const v = f.value(metrics);
  return v !== null && f.id === 'volume' ? v / perUsd : v;
}

export function score(
  metrics: Metrics,
  perUsd: number,
): { score: number; band: Band; factors: FactorScore[] } {
  const factors = FACTORS.map((f) => {
    const value = scoredValue(f, metrics, perUsd);
    return { id: f.id, label: f.label, points: factorPoints(f, value), max: f.max, value };
  });
  const total = factors.reduce((n, f) => n + f.points, 0);
  const band = (BANDS.find((b) => total >= b.min) as (typeof BANDS)[number]).band;
  return { score: total, band, factors };
}

export interface Reason {
  code: string;
  message: string;
  /** The seller's figure and the threshold, formatted (none when the metric is missing): what a translation fills in. */
  params: string[];
  /** Points the factor is short of its maximum. */
  pointsToGain: number;
}

/**
 * Up to four specific reasons holding the score back, biggest first, each with the seller's
 * figure and the threshold of the next step up (`Refund rate 7.1% is above 5%`).
 */
export function reasons(metrics: Metrics, p: Presentation, limit = 4): Reason[] {
  const out: Reason[] = [];
  for (const f of FACTORS) {
    const value = scoredValue(f, metrics, p.perUsd);
    const points = factorPoints(f, value);
    if (points >= f.max) continue;
    const raw = f.value(metrics);
    let message: string;
    let params: string[] = [];
    let code = f.code;
    if (value === null || raw === null) {
      message = f.missing;
      code = `${f.id}_unknown`;
    } else {
      const next = [...f.steps].reverse().find((s) => s.points > points) as Step;
      const verb = f.direction === 'higher' ? 'below' : 'above';
      const shownValue = f.id === 'volume' ? f.describe(raw, p) : f.describe(value, p);
      message = `${shownValue} ${f.id === 'volume' ? 'are' : 'is'} ${verb} ${f.show(next.threshold, p)}`;
      params = [
        f.id === 'volume' ? f.format(raw, p) : f.format(value, p),
        f.id === 'volume' ? f.show(next.threshold, p) : f.format(next.threshold, p),
      ];
    }
    out.push({ code, message, params, pointsToGain: f.max - points });
  }
  return out.sort((a, b) => b.pointsToGain - a.pointsToGain).slice(0, limit);
}
