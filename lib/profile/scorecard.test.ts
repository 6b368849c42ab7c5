import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Metrics } from './metrics.ts';
import { computeProfile } from './profile.ts';
import { FACTORS, reasons, score } from './scorecard.ts';
import { inputFrom, steady } from './test-input.ts';

const metricsArb: fc.Arbitrary<Metrics> = fc.record({
  monthsOfHistory: fc.integer({ min: 0, max: 120 }),
  activeMonths: fc.integer({ min: 0, max: 120 }),
  ttmSales: fc.integer({ min: 0, max: 1e10 }),
  avgMonthlySales: fc.option(fc.integer({ min: 0, max: 1e9 })),
  lowestMonthSales: fc.option(fc.integer({ min: 0, max: 1e9 })),
  growthRate: fc.option(fc.double({ min: -1, max: 5, noNaN: true })),
  growthMethod: fc.constantFrom('year-over-year' as const, 'trend' as const, null),
  volatility: fc.option(fc.double({ min: 0, max: 3, noNaN: true })),
  seasonality: fc.option(fc.double({ min: 1, max: 12, noNaN: true })),
  refundRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  chargebackRate: fc.option(fc.double({ min: 0, max: 0.2, noNaN: true })),
  feeRate: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
  payoutRegularity: fc.option(
    fc.record({
      payouts: fc.integer({ min: 2, max: 400 }),
      medianGapDays: fc.integer({ min: 1, max: 60 }),
      longestGapDays: fc.integer({ min: 1, max: 365 }),
    }),
  ),
  marketplaceConcentration: fc.option(fc.double({ min: 0.1, max: 1, noNaN: true })),
  currencyMix: fc.constant([]),
  dataCoverage: fc.double({ min: 0, max: 1, noNaN: true }),
  dataFreshnessDays: fc.option(fc.integer({ min: 0, max: 1000 })),
});

describe('scorecard', () => {
  it('factor maxima add up to 100 and every factor has a reason code', () => {
    expect(FACTORS.reduce((n, f) => n + f.max, 0)).toBe(100);
    for (const f of FACTORS) {
      expect(f.steps[0]?.points).toBe(f.max);
      expect(f.code).toMatch(/^[a-z_]+$/);
    }
  });

  it('stays within 0..100 and its band follows the score', () => {
    fc.assert(
      fc.property(metricsArb, (m) => {
        const s = score(m, 1);
        expect(s.score).toBeGreaterThanOrEqual(0);
        expect(s.score).toBeLessThanOrEqual(100);
        expect(s.score).toBe(s.factors.reduce((n, f) => n + f.points, 0));
        const expected =
          s.score >= 80 ? 'A' : s.score >= 65 ? 'B' : s.score >= 50 ? 'C' : s.score >= 35 ? 'D' : 'E';
        expect(s.band).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('a higher refund rate never raises the score', () => {
    fc.assert(
      fc.property(
        metricsArb,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (m, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(score({ ...m, refundRate: hi }, 1).score).toBeLessThanOrEqual(
            score({ ...m, refundRate: lo }, 1).score,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a higher chargeback rate never raises the score', () => {
    fc.assert(
      fc.property(
        metricsArb,
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (m, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(score({ ...m, chargebackRate: hi }, 1).score).toBeLessThanOrEqual(
            score({ ...m, chargebackRate: lo }, 1).score,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a longer history never lowers the score', () => {
    fc.assert(
      fc.property(
        metricsArb,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        (m, a, b) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          expect(score({ ...m, monthsOfHistory: long }, 1).score).toBeGreaterThanOrEqual(
            score({ ...m, monthsOfHistory: short }, 1).score,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('longer clean history in the records never lowers the score', () => {
    // Same steady, refund-free months, more of them: the score can only stay or rise.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 36 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 500, max: 100_000 }),
        (n, extra, sales) => {
          // Weekly payouts: no gap longer than 10 days whatever the number of months.
          const spec = { sales: sales * 100, payoutDays: [1, 8, 15, 22] };
          const shorter = computeProfile(inputFrom(steady('2026-10', n, spec), '2026-11-15'));
          const longer = computeProfile(inputFrom(steady('2026-10', n + extra, spec), '2026-11-15'));
          expect(longer.score).toBeGreaterThanOrEqual(shorter.score);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives specific reasons with the figure and the threshold, biggest first, at most four', () => {
    const m: Metrics = {
      monthsOfHistory: 30,
      activeMonths: 30,
      ttmSales: 0,
      avgMonthlySales: 60_000_00,
      lowestMonthSales: 50_000_00,
      growthRate: 0.2,
      growthMethod: 'year-over-year',
      volatility: 0.1,
      seasonality: 1.1,
      refundRate: 0.071,
      chargebackRate: 0.0072,
      feeRate: 0.1,
      payoutRegularity: { payouts: 26, medianGapDays: 14, longestGapDays: 14 },
      marketplaceConcentration: 0.4,
      currencyMix: [],
      dataCoverage: 1,
      dataFreshnessDays: 5,
    };
    expect(reasons(m, { currency: 'USD', perUsd: 1, locale: 'en' })).toEqual([
      {
        code: 'high_refunds',
        message: 'Refund rate 7.1% is above 5%',
        params: ['7.1%', '5%'],
        pointsToGain: 8,
      },
      {
        code: 'high_chargebacks',
        message: 'Chargeback rate 0.72% is above 0.65%',
        params: ['0.72%', '0.65%'],
        pointsToGain: 5,
      },
    ]);
    const small = {
      ...m,
      avgMonthlySales: 8_200_00,
      monthsOfHistory: 4,
      refundRate: 0.01,
      chargebackRate: 0,
    };
    expect(reasons(small, { currency: 'USD', perUsd: 1, locale: 'en' })).toEqual([
      {
        code: 'short_history',
        message: 'History of 4 months is below 6 months',
        params: ['4', '6'],
        pointsToGain: 15,
      },
      {
        code: 'low_sales',
        message: 'Average monthly sales of $8,200 are below $10,000',
        params: ['$8,200', '$10,000'],
        pointsToGain: 10,
      },
    ]);
  });

  it('shows money thresholds in the reporting currency', () => {
    const m = { monthsOfHistory: 30, avgMonthlySales: 5_000_00, refundRate: 0, chargebackRate: 0 } as Metrics;
    const [volume] = reasons(
      {
        ...m,
        growthRate: 1,
        volatility: 0,
        payoutRegularity: { payouts: 9, medianGapDays: 7, longestGapDays: 7 },
        marketplaceConcentration: 0.3,
        dataCoverage: 1,
        dataFreshnessDays: 1,
      } as Metrics,
      {
        currency: 'EUR',
        perUsd: 0.87,
        locale: 'en',
      },
    );
    // 5,000 EUR = 5,747 USD: 10 points; the next step (10,000 USD) shown as €8,700
    expect(volume).toEqual({
      code: 'low_sales',
      message: 'Average monthly sales of €5,000 are below €8,700',
      params: ['€5,000', '€8,700'],
      pointsToGain: 10,
    });
  });
});

describe('capacity', () => {
  it('sizes on the lowest recent month, not the average, and states its basis', () => {
    const months = {
      ...steady('2026-10', 24, { sales: 20_000_00, payoutDays: [1, 15] }),
      '2026-08': { sales: 8_000_00, payoutDays: [1, 15] },
    };
    const p = computeProfile(inputFrom(months, '2026-11-15'));
    expect(p.band).toMatch(/[ABC]/);
    const multiplier = { A: 1.5, B: 1.25, C: 1 }[p.band as 'A' | 'B' | 'C'];
    expect(p.capacity.amount).toBe(Math.floor((8_000_00 * multiplier) / 10_000) * 10_000);
    expect(p.capacity.basis).toContain(
      'the lowest monthly net sales of the last 6 months ($8,000 in 2026-08)',
    );
  });

  it('is capped at 12% of trailing-12-month net sales', () => {
    const p = computeProfile(
      inputFrom(steady('2026-10', 36, { sales: 50_000_00, payoutDays: [1, 15] }), '2026-11-15'),
    );
    expect(p.band).toBe('A');
    expect(p.capacity.amount).toBe(72_000_00); // min(1.5 x 50,000; 12% of 600,000)
    expect(p.capacity.basis).toContain('the cap applies');
  });

  it('is zero below three months of sales', () => {
    const p = computeProfile(inputFrom(steady('2026-10', 2, { sales: 50_000_00 }), '2026-11-15'));
    expect(p.capacity).toEqual({
      amount: 0,
      basis: 'Needs at least 3 months of sales in the last 12 months.',
      code: 'too_short',
      params: ['3'],
    });
  });
});
