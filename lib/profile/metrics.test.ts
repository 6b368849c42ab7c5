import { describe, expect, it } from 'vitest';
import { computeMetrics } from './metrics.ts';
import { inputFrom, steady } from './test-input.ts';

const AS_OF = '2026-11-15'; // the window is 2025-11 .. 2026-10

describe('metrics', () => {
  it('history, active months, TTM, average and lowest month over the 12 complete months', () => {
    const months = {
      ...steady('2026-10', 12, { sales: 10_000_00 }),
      '2026-03': { sales: 4_000_00 },
      '2024-11': { sales: 1_000_00 },
    };
    const m = computeMetrics(inputFrom(months, AS_OF));
    expect(m.monthsOfHistory).toBe(24); // 2024-11 .. 2026-10
    expect(m.activeMonths).toBe(13);
    expect(m.ttmSales).toBe(11 * 10_000_00 + 4_000_00);
    expect(m.avgMonthlySales).toBe(Math.round((11 * 10_000_00 + 4_000_00) / 12));
    expect(m.lowestMonthSales).toBe(4_000_00);
  });

  it('does not treat months without data as zero sales unless a source covers them', () => {
    const months = { '2026-08': { sales: 9_000_00 }, '2026-10': { sales: 6_000_00 } };
    const gap = computeMetrics(inputFrom(months, AS_OF));
    expect(gap.lowestMonthSales).toBe(6_000_00); // 2026-09 is unknown, not zero
    expect(gap.avgMonthlySales).toBe(7_500_00);
    expect(gap.dataCoverage).toBeCloseTo(2 / 3);
    const covered = computeMetrics(inputFrom(months, AS_OF, ['2026-08-01', '2026-10-31']));
    expect(covered.lowestMonthSales).toBe(0); // the file covered September: no sales then
    expect(covered.avgMonthlySales).toBe(5_000_00);
    expect(covered.dataCoverage).toBe(1);
  });

  it('growth: year over year with two years, fitted trend with less', () => {
    const twoYears = {
      ...steady('2025-10', 12, { sales: 10_000_00 }),
      ...steady('2026-10', 12, { sales: 12_000_00 }),
    };
    const yoy = computeMetrics(inputFrom(twoYears, AS_OF));
    expect(yoy.growthMethod).toBe('year-over-year');
    expect(yoy.growthRate).toBeCloseTo(0.2);
    const rising: Record<string, { sales: number }> = {};
    ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].forEach((month, i) => {
      rising[month] = { sales: (10_000 + 1_000 * i) * 100 };
    });
    const trend = computeMetrics(inputFrom(rising, AS_OF));
    expect(trend.growthMethod).toBe('trend');
    // slope 1,000/month over a 12,500 average = 96% a year
    expect(trend.growthRate).toBeCloseTo((1_000 * 12) / 12_500);
  });

  it('volatility is the coefficient of variation of monthly net sales; seasonality the peak over the mean', () => {
    const months = {
      '2026-08': { sales: 10_000_00 },
      '2026-09': { sales: 20_000_00 },
      '2026-10': { sales: 30_000_00, refunds: 0 },
    };
    const m = computeMetrics(inputFrom(months, AS_OF));
    // mean 20,000, population sd 8,165
    expect(m.volatility).toBeCloseTo(Math.sqrt(200_000_000 / 3) / 20_000, 5);
    expect(m.seasonality).toBeCloseTo(1.5);
  });

  it('refund, chargeback and fee rates against gross sales', () => {
    const m = computeMetrics(
      inputFrom(
        { '2026-10': { sales: 10_000_00, refunds: 710_00, chargebacks: 50_00, fees: 1_500_00 } },
        AS_OF,
      ),
    );
    expect(m.refundRate).toBeCloseTo(0.071);
    expect(m.chargebackRate).toBeCloseTo(0.005);
    expect(m.feeRate).toBeCloseTo(0.15);
  });

  it('payout regularity: median and longest gap in days', () => {
    const months = {
      '2026-09': { sales: 100_00, payoutDays: [1, 15] },
      '2026-10': { sales: 100_00, payoutDays: [1, 29] },
    };
    expect(computeMetrics(inputFrom(months, AS_OF)).payoutRegularity).toEqual({
      payouts: 4,
      medianGapDays: 16,
      longestGapDays: 28,
    });
    expect(
      computeMetrics(inputFrom({ '2026-10': { sales: 100_00, payoutDays: [3] } }, AS_OF)).payoutRegularity,
    ).toBeNull();
  });

  it('concentration (Herfindahl) and currency mix', () => {
    const months = {
      '2026-09': { sales: 6_000_00, platform: 'amazon' as const },
      '2026-10': { sales: 4_000_00, platform: 'ebay' as const },
    };
    const m = computeMetrics(inputFrom(months, AS_OF));
    expect(m.marketplaceConcentration).toBeCloseTo(0.6 ** 2 + 0.4 ** 2);
    expect(m.currencyMix).toEqual([{ currency: 'USD', share: 1 }]);
  });

  it('freshness in days from the latest record', () => {
    expect(computeMetrics(inputFrom({ '2026-10': { sales: 1_00 } }, AS_OF)).dataFreshnessDays).toBe(36); // Oct 10 -> Nov 15
    expect(computeMetrics(inputFrom({}, AS_OF)).dataFreshnessDays).toBeNull();
  });
});
