import { describe, expect, it } from 'vitest';
import { apr, holdbackSchedule, installment, npv } from './apr.ts';

// Worked examples, checked independently (Python bisection over the same cash flows).
describe('APR from cash flows', () => {
  it('percent of sales: 10,000 advanced for a 10% fee, 12% of 20,000 monthly sales', () => {
    const schedule = holdbackSchedule(11_000, 0.12, 20_000);
    expect(schedule).toEqual([2400, 2400, 2400, 2400, 1400]);
    expect(apr(10_000, schedule, 12)).toBeCloseTo(0.41737, 4);
  });

  it("Shopify's published example: 5,000 for 5,650 at 10% of 10,000 monthly sales", () => {
    const schedule = holdbackSchedule(5_650, 0.1, 10_000);
    expect(schedule).toHaveLength(6);
    expect(apr(5_000, schedule, 12)).toBeCloseTo(0.4534, 3);
  });

  it('fixed installments: 10,000 at 9% over 12 months, 1% fee taken at payout', () => {
    const each = installment(10_000, 0.09 / 12, 12);
    expect(each).toBeCloseTo(874.51, 2);
    expect(each * 12).toBeCloseTo(10_494.18, 2);
    expect(apr(9_900, Array(12).fill(each), 12)).toBeCloseTo(0.109, 4);
  });

  it('is 0 when nothing more than the amount is repaid (Kiva-style 0% loans)', () => {
    expect(apr(15_000, Array(36).fill(15_000 / 36), 12)).toBe(0);
    expect(installment(3_600, 0, 36)).toBe(100);
  });

  it('the rate found makes the repayments worth exactly what was received', () => {
    const payments = [500, 500, 500, 500, 700];
    const rate = apr(2_400, payments, 12) / 12;
    expect(Math.abs(npv(rate, 2_400, payments))).toBeLessThan(1e-6);
  });
});
