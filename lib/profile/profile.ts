import { toMajor } from '../money/format.ts';
import { type Capacity, capacity } from './capacity.ts';
import type { ProfileInput } from './input.ts';
import { computeMetrics, type Metrics } from './metrics.ts';
import { type Band, type FactorScore, type Reason, reasons, score } from './scorecard.ts';

export interface Profile {
  currency: string;
  asOf: string;
  metrics: Metrics;
  score: number;
  band: Band;
  factors: FactorScore[];
  reasons: { code: string; message: string; params: string[] }[];
  capacity: Capacity;
}

/** The whole profile from its (small) input: metrics, scorecard, reasons, capacity. */
export function computeProfile(input: ProfileInput, locale = 'en'): Profile {
  const metrics = computeMetrics(input);
  const scored = score(metrics, input.perUsd);
  const why: Reason[] = reasons(metrics, { currency: input.currency, perUsd: input.perUsd, locale });
  return {
    currency: input.currency,
    asOf: input.asOf,
    metrics,
    score: scored.score,
    band: scored.band,
    factors: scored.factors,
    reasons: why.map(({ code, message, params }) => ({ code, message, params })),
    capacity: capacity(input, scored.band, metrics.monthsOfHistory, locale),
  };
}

/** The profile as JSON for people and other programs: money in major units of the currency. */
export function profileForOutput(profile: Profile) {
  const major = (minor: number | null) => (minor === null ? null : toMajor(minor, profile.currency));
  return {
    ...profile,
    metrics: {
      ...profile.metrics,
      ttmSales: major(profile.metrics.ttmSales),
      avgMonthlySales: major(profile.metrics.avgMonthlySales),
      lowestMonthSales: major(profile.metrics.lowestMonthSales),
    },
    capacity: { ...profile.capacity, amount: major(profile.capacity.amount) },
  };
}
