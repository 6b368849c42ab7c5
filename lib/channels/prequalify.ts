import type { Channel, EligibilityRule, OfferEstimate, RuleMetric } from '../domain/channel.ts';
import { addMonths } from '../domain/months.ts';
import { minorUnitExponent } from '../money/currencies.ts';
import { toMajor } from '../money/format.ts';
import { BUNDLED_RATES, convert, type RateTable } from '../money/fx.ts';
import type { ProfileInput, ProfileMonth } from '../profile/input.ts';
import { trailingWindow } from '../profile/metrics.ts';
import { computeProfile, type Profile } from '../profile/profile.ts';
import { apr, holdbackSchedule, installment } from './apr.ts';

export interface PrequalifyContext {
  input: ProfileInput;
  rates?: RateTable;
  /** The seller's country (ISO 3166-1 alpha-2), when known. */
  country?: string;
  locale?: string;
}

/** Largest installment as a share of forecast monthly sales that a channel would accept. */
export const MAX_INSTALLMENT_SHARE = 0.35;

const MONEY_METRICS: ReadonlySet<RuleMetric> = new Set(['ttmSales', 'avgMonthlySales', 'lowestMonthSales']);

/**
 * Sales on platforms the channel does not accept are left out: their share of each month's
 * sales is removed from sales, and refunds, fees and chargebacks are scaled by the same share
 * (the records do not split those by platform in the monthly totals).
 */
export function restrictToSources(input: ProfileInput, accepted: readonly string[]): ProfileInput {
  const ok = new Set(accepted);
  const months = input.months.map((m): ProfileMonth => {
    const salesBySource = Object.fromEntries(Object.entries(m.salesBySource).filter(([s]) => ok.has(s)));
    const kept = Object.values(salesBySource).reduce((a, b) => a + b, 0);
    if (kept === m.grossSales) return m;
    const share = m.grossSales > 0 ? kept / m.grossSales : 0;
    const scale = (x: number) => Math.round(x * share);
    return {
      ...m,
      grossSales: kept,
      orders: Math.round(m.orders * share),
      refunds: scale(m.refunds),
      fees: scale(m.fees),
      chargebacks: scale(m.chargebacks),
      salesBySource,
      salesByCurrency: Object.fromEntries(Object.entries(m.salesByCurrency).map(([c, v]) => [c, scale(v)])),
    };
  });
  return { ...input, months };
}

function metricValue(metric: RuleMetric, profile: Profile): number | null {
  const m = profile.metrics;
  switch (metric) {
    case 'payoutLongestGapDays':
      return m.payoutRegularity?.longestGapDays ?? null;
    case 'score':
      return profile.score;
    default:
      return m[metric];
  }
}

const LABELS: Readonly<Record<RuleMetric, string>> = {
  monthsOfHistory: 'months of history',
  activeMonths: 'months with sales',
  ttmSales: 'sales of the last 12 months',
  avgMonthlySales: 'monthly sales',
  lowestMonthSales: 'lowest monthly sales',
  growthRate: 'yearly growth',
  volatility: 'sales variation',
  refundRate: 'refund rate',
  chargebackRate: 'chargeback rate',
  feeRate: 'fee rate',
  payoutLongestGapDays: 'longest gap between payouts (days)',
  marketplaceConcentration: 'sales concentration',
  dataCoverage: 'data coverage',
  dataFreshnessDays: 'days since the latest record',
  score: 'Tradeline score',
};

const RATE_METRICS: ReadonlySet<RuleMetric> = new Set([
  'growthRate',
  'volatility',
  'refundRate',
  'chargebackRate',
  'feeRate',
  'dataCoverage',
]);

function passes(rule: EligibilityRule, value: number): boolean {
  switch (rule.op) {
    case '>=':
      return value >= rule.value;
    case '>':
      return value > rule.value;
    case '<=':
      return value <= rule.value;
    case '<':
      return value < rule.value;
  }
}

/** `2 more months of history`, `monthly sales 8,200 below 12,000`, `refund rate 7.1% above 5%`, and their figures. */
function gapMessage(
  rule: EligibilityRule,
  value: number,
  currency: string,
  locale: string,
): { message: string; params: string[] } {
  const label = LABELS[rule.metric];
  if (rule.metric === 'monthsOfHistory' && (rule.op === '>=' || rule.op === '>')) {
    const need = Math.ceil(rule.value - value + (rule.op === '>' ? 1 : 0));
    return { message: `${need} more month${need === 1 ? '' : 's'} of history`, params: [String(need)] };
  }
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const show = (x: number) =>
    MONEY_METRICS.has(rule.metric)
      ? `${number.format(x)} ${currency}`
      : RATE_METRICS.has(rule.metric)
        ? `${Number((x * 100).toFixed(Math.abs(x) < 0.1 ? 1 : 0))}%`
        : number.format(x);
  const direction = rule.op === '>=' || rule.op === '>' ? 'below' : 'above';
  return {
    message: `${label} ${show(value)} ${direction} ${show(rule.value)}`,
    params: [show(value), show(rule.value)],
  };
}

/**
 * Prequalifies the seller for one channel, locally: eligibility rules, amount, flat fee, APR,
 * total repayment and term from the seller's own sales forecast, and for what fails, the gaps.
 * Nothing leaves the browser.
 */
export function prequalify(channel: Channel, ctx: PrequalifyContext): OfferEstimate {
  const rates = ctx.rates ?? BUNDLED_RATES;
  const locale = ctx.locale ?? 'en';
  const currency = channel.sizing.currency;
  const rateMonth = addMonths(ctx.input.asOf.slice(0, 7), -1);
  const input = restrictToSources(ctx.input, channel.acceptedSources);
  const profile = computeProfile(input, locale);
  const toChannel = (minor: number) =>
    convert(minor, input.currency, currency, rateMonth, rates)?.amount ?? 0;
  const major = (minor: number) => minor / 10 ** minorUnitExponent(currency);
  const gaps: { code: string; message: string; params: string[] }[] = [];

  if (ctx.country && !channel.countries.includes(ctx.country)) {
    gaps.push({
      code: 'country',
      message: `serves ${channel.countries.join(', ')}, not ${ctx.country}`,
      params: [channel.countries.join(', '), ctx.country],
    });
  }
  if (profile.metrics.ttmSales <= 0) {
    gaps.push({
      code: 'no_accepted_sales',
      message: `no sales in the last 12 months from ${channel.acceptedSources.join(', ')}`,
      params: [channel.acceptedSources.join(', ')],
    });
  }
  for (const rule of channel.eligibility) {
    let value = metricValue(rule.metric, profile);
    if (value !== null && MONEY_METRICS.has(rule.metric)) value = major(toChannel(value));
    if (value === null) {
      gaps.push({
        code: `${rule.metric}_unknown`,
        message: `not enough data to measure ${LABELS[rule.metric]}`,
        params: [],
      });
    } else if (!passes(rule, value)) {
      gaps.push({
        code: `${rule.metric}_${rule.op === '>=' || rule.op === '>' ? 'low' : 'high'}`,
        ...gapMessage(rule, value, currency, locale),
      });
    }
  }

  // Sizing, in minor units of the channel's currency.
  const basis = (() => {
    switch (channel.sizing.basis) {
      case 'capacity':
        return toChannel(profile.capacity.amount);
      default:
        return toChannel(profile.metrics[channel.sizing.basis] ?? 0);
    }
  })();
  const unit = 100 * 10 ** minorUnitExponent(currency);
  let amount = Math.floor((basis * channel.sizing.multiple) / unit) * unit;
  amount = Math.min(amount, channel.sizing.max);
  if (amount < channel.sizing.min) {
    gaps.push({
      code: 'amount_below_minimum',
      message: `estimated amount ${new Intl.NumberFormat(locale).format(major(amount))} ${currency} below the minimum ${new Intl.NumberFormat(locale).format(major(channel.sizing.min))} ${currency}`,
      params: [
        `${new Intl.NumberFormat(locale).format(major(amount))} ${currency}`,
        `${new Intl.NumberFormat(locale).format(major(channel.sizing.min))} ${currency}`,
      ],
    });
  }

  // The seller's own forecast: average net sales of the last three covered months, no growth assumed.
  const recent = trailingWindow(input).covered.slice(-3);
  const forecast = recent.length
    ? toChannel(recent.reduce((n, m) => n + m.grossSales - m.refunds, 0) / recent.length)
    : 0;
  const { pricing } = channel;
  const fee = Math.round(amount * pricing.flatFeeRate);
  let payments: number[] = [];
  let periodsPerYear = 12;
  let termMonths: number | null = null;
  let received = amount;
  if (pricing.repayment.style === 'percent-of-sales') {
    payments = holdbackSchedule(amount + fee, pricing.repayment.holdbackRate, forecast);
    termMonths = payments.length || null;
    if (forecast <= 0) {
      gaps.push({ code: 'no_forecast', message: 'no recent sales to repay from', params: [] });
    } else if (payments.length > pricing.repayment.maxTermMonths) {
      gaps.push({
        code: 'term_too_long',
        message: `at your recent sales, repaying would take ${payments.length} months, more than ${pricing.repayment.maxTermMonths}`,
        params: [String(payments.length), String(pricing.repayment.maxTermMonths)],
      });
    }
  } else {
    const weekly = pricing.repayment.frequency === 'weekly';
    periodsPerYear = weekly ? 52 : 12;
    const n = weekly ? Math.round((pricing.repayment.termMonths * 52) / 12) : pricing.repayment.termMonths;
    const each = installment(amount, pricing.annualInterestRate / periodsPerYear, n);
    payments = Array.from({ length: n }, () => each);
    termMonths = pricing.repayment.termMonths;
    received = amount - fee; // the flat fee is taken from the money paid out
    const monthly = (each * periodsPerYear) / 12;
    if (amount > 0 && forecast > 0 && monthly > forecast * MAX_INSTALLMENT_SHARE) {
      gaps.push({
        code: 'installment_too_high',
        message: `installment ${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(major(monthly))} ${currency} a month is more than ${MAX_INSTALLMENT_SHARE * 100}% of your recent monthly sales`,
        params: [
          `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(major(monthly))} ${currency}`,
          `${MAX_INSTALLMENT_SHARE * 100}%`,
        ],
      });
    }
  }
  const total = payments.reduce((a, b) => a + b, 0);
  const eligible = gaps.length === 0;
  return {
    channelId: channel.id,
    model: channel.model,
    eligible,
    amount: eligible ? toMajor(amount, currency) : null,
    fee: eligible ? toMajor(fee, currency) : null,
    apr: eligible ? Number(apr(received, payments, periodsPerYear).toFixed(4)) : null,
    totalRepayment: eligible ? toMajor(Math.round(total), currency) : null,
    termMonths: eligible ? termMonths : null,
    currency,
    repaymentStyle: pricing.repayment.style,
    gaps,
  };
}

/** Every channel, eligible ones first (largest amount first), then the others by fewest gaps. */
export function prequalifyAll(channels: readonly Channel[], ctx: PrequalifyContext): OfferEstimate[] {
  return channels
    .map((c) => prequalify(c, ctx))
    .sort((a, b) =>
      a.eligible !== b.eligible
        ? a.eligible
          ? -1
          : 1
        : a.eligible
          ? (b.amount ?? 0) - (a.amount ?? 0)
          : a.gaps.length - b.gaps.length,
    );
}
