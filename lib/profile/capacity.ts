import type { ProfileInput } from './input.ts';
import { trailingWindow } from './metrics.ts';
import type { Band } from './scorecard.ts';

/** Months of the lowest recent net sales a band supports (Amazon Lending sizes on the lowest recent month). */
export const BAND_MULTIPLIER: Readonly<Record<Band, number>> = { A: 1.5, B: 1.25, C: 1, D: 0.5, E: 0 };
/** Never more than this share of trailing-12-month net sales (PayPal Working Capital sizes near 8% of annual sales, others up to ~15%). */
export const TTM_CAP = 0.12;
/** Months looked at for the lowest recent month. */
export const RECENT_MONTHS = 6;
export const MIN_MONTHS = 3;

export interface Capacity {
  /** Minor units of the reporting currency, rounded down to 100 major units. */
  amount: number;
  basis: string;
  /** Which basis applies and its figures, formatted: what a translation of `basis` fills in. */
  code: 'too_short' | 'band_none' | 'lowest_month' | 'lowest_month_capped';
  params: string[];
}

/**
 * A conservative estimate of the financing the history supports: the lowest monthly net sales of
 * the last six covered months times the band's multiplier, capped at 12% of trailing-12-month
 * net sales. Lowest, not average: a lender is repaid from the bad months too.
 */
export function capacity(input: ProfileInput, band: Band, monthsOfHistory: number, locale = 'en'): Capacity {
  const fmt = (minor: number) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: input.currency,
      maximumFractionDigits: 0,
    }).format(minor / 100);
  const w = trailingWindow(input);
  const recent = w.covered.slice(-RECENT_MONTHS);
  if (monthsOfHistory < MIN_MONTHS || recent.length < MIN_MONTHS) {
    return {
      amount: 0,
      basis: `Needs at least ${MIN_MONTHS} months of sales in the last 12 months.`,
      code: 'too_short',
      params: [String(MIN_MONTHS)],
    };
  }
  const nets = recent.map((m) => ({ month: m.month, net: m.grossSales - m.refunds }));
  const lowest = nets.reduce((a, b) => (b.net < a.net ? b : a));
  const ttmNet = w.covered.reduce((n, m) => n + m.grossSales - m.refunds, 0);
  const multiplier = BAND_MULTIPLIER[band];
  const bySales = Math.max(0, lowest.net) * multiplier;
  const cap = Math.max(0, ttmNet) * TTM_CAP;
  const raw = Math.min(bySales, cap);
  const amount = Math.floor(raw / 10_000) * 10_000;
  if (multiplier === 0)
    return { amount, basis: `Band ${band} supports no financing yet.`, code: 'band_none', params: [band] };
  const capped = bySales > cap;
  const basis =
    `${multiplier} × the lowest monthly net sales of the last ${recent.length} months (${fmt(lowest.net)} in ${lowest.month}), ` +
    `capped at ${TTM_CAP * 100}% of trailing-12-month net sales (${fmt(ttmNet)})${capped ? ': the cap applies' : ''}; rounded down to ${fmt(10_000)}.`;
  const params = [
    String(multiplier),
    String(recent.length),
    fmt(lowest.net),
    lowest.month,
    `${TTM_CAP * 100}%`,
    fmt(ttmNet),
    fmt(10_000),
  ];
  return { amount, basis, code: capped ? 'lowest_month_capped' : 'lowest_month', params };
}
