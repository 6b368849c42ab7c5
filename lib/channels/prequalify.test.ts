import { describe, expect, it } from 'vitest';
import type { Channel } from '../domain/channel.ts';
import { inputFrom, steady } from '../profile/test-input.ts';
import { BUNDLED_CATALOG } from './catalog/bundled.ts';
import { prequalify, prequalifyAll } from './prequalify.ts';

const AS_OF = '2026-11-15';

const base: Channel = {
  id: 'test-advance',
  name: 'Test advance',
  model: 'platform-direct',
  provider: 'Test',
  description: '',
  countries: ['US'],
  currencies: ['USD'],
  acceptedSources: ['shopify', 'amazon'],
  eligibility: [
    { metric: 'monthsOfHistory', op: '>=', value: 6 },
    { metric: 'avgMonthlySales', op: '>=', value: 12_000 },
    { metric: 'refundRate', op: '<=', value: 0.05 },
  ],
  sizing: { currency: 'USD', basis: 'lowestMonthSales', multiple: 1, min: 1_000_00, max: 100_000_00 },
  pricing: {
    flatFeeRate: 0.1,
    annualInterestRate: 0,
    repayment: { style: 'percent-of-sales', holdbackRate: 0.12, maxTermMonths: 12 },
  },
  submission: { kind: 'link', url: 'https://example.com/apply' },
  requiredFields: [],
  source: { url: 'https://example.com/criteria', checkedAt: '2026-11-29' },
  sandbox: false,
};

describe('prequalify', () => {
  it('sizes, prices and dates an eligible offer from the seller’s own sales', () => {
    // 12 months of 20,000 USD: lowest month 20,000, forecast 20,000 a month.
    const input = inputFrom(steady('2026-10', 12, { sales: 20_000_00 }), AS_OF);
    const offer = prequalify(base, { input });
    expect(offer).toEqual({
      channelId: 'test-advance',
      model: 'platform-direct',
      eligible: true,
      amount: 20_000,
      fee: 2_000,
      // 22,000 repaid at 2,400 a month: 9 payments of 2,400 then 400 (IRR checked in Python: 22.98%)
      apr: expect.closeTo(0.2298, 4),
      totalRepayment: 22_000,
      termMonths: 10,
      currency: 'USD',
      repaymentStyle: 'percent-of-sales',
      gaps: [],
    });
  });

  it('lists the gaps of an ineligible seller, with figures and thresholds', () => {
    const months = { ...steady('2026-10', 4, { sales: 8_200_00, refunds: 582_20 }) };
    const offer = prequalify(base, { input: inputFrom(months, AS_OF) });
    expect(offer.eligible).toBe(false);
    expect(offer.amount).toBeNull();
    expect(offer.gaps).toEqual([
      { code: 'monthsOfHistory_low', message: '2 more months of history', params: ['2'] },
      {
        code: 'avgMonthlySales_low',
        message: 'monthly sales 8,200 USD below 12,000 USD',
        params: ['8,200 USD', '12,000 USD'],
      },
      { code: 'refundRate_high', message: 'refund rate 7.1% above 5%', params: ['7.1%', '5%'] },
    ]);
  });

  it('counts only the platforms the channel accepts', () => {
    const months = {
      ...steady('2026-10', 12, { sales: 20_000_00, platform: 'etsy' }),
    };
    const offer = prequalify(base, { input: inputFrom(months, AS_OF) });
    expect(offer.eligible).toBe(false);
    expect(offer.gaps[0]).toEqual({
      code: 'no_accepted_sales',
      message: 'no sales in the last 12 months from shopify, amazon',
      params: ['shopify, amazon'],
    });
  });

  it('refuses a term longer than the channel allows at the seller’s pace', () => {
    const slow = {
      ...base,
      pricing: {
        ...base.pricing,
        repayment: { style: 'percent-of-sales' as const, holdbackRate: 0.05, maxTermMonths: 12 },
      },
    };
    const offer = prequalify(slow, { input: inputFrom(steady('2026-10', 12, { sales: 20_000_00 }), AS_OF) });
    // 22,000 at 5% of 20,000 = 1,000 a month: 22 months
    expect(offer.gaps).toEqual([
      {
        code: 'term_too_long',
        message: 'at your recent sales, repaying would take 22 months, more than 12',
        params: ['22', '12'],
      },
    ]);
  });

  it('prices fixed installments with the fee taken at payout', () => {
    const loan: Channel = {
      ...base,
      eligibility: [],
      sizing: { ...base.sizing, basis: 'avgMonthlySales', multiple: 0.5 },
      pricing: {
        flatFeeRate: 0.01,
        annualInterestRate: 0.09,
        repayment: { style: 'fixed-installments', termMonths: 12, frequency: 'monthly' },
      },
    };
    const offer = prequalify(loan, { input: inputFrom(steady('2026-10', 12, { sales: 20_000_00 }), AS_OF) });
    expect(offer).toMatchObject({
      eligible: true,
      amount: 10_000,
      fee: 100,
      termMonths: 12,
      totalRepayment: 10_494.18,
    });
    expect(offer.apr).toBeCloseTo(0.109, 3);
  });

  it('says when the amount would be below the channel minimum, and when the country is not served', () => {
    const offer = prequalify(
      { ...base, eligibility: [] },
      { input: inputFrom(steady('2026-10', 12, { sales: 500_00 }), AS_OF), country: 'CN' },
    );
    expect(offer.gaps).toEqual([
      { code: 'country', message: 'serves US, not CN', params: ['US', 'CN'] },
      {
        code: 'amount_below_minimum',
        message: 'estimated amount 500 USD below the minimum 1,000 USD',
        params: ['500 USD', '1,000 USD'],
      },
    ]);
  });

  it('covers every bundled channel, eligible ones first', () => {
    const input = inputFrom(steady('2026-10', 30, { sales: 60_000_00, payoutDays: [1, 8, 15, 22] }), AS_OF);
    const offers = prequalifyAll(BUNDLED_CATALOG.channels, { input });
    expect(offers.map((o) => o.channelId).sort()).toEqual(BUNDLED_CATALOG.channels.map((c) => c.id).sort());
    const firstIneligible = offers.findIndex((o) => !o.eligible);
    expect(
      offers.slice(0, firstIneligible === -1 ? undefined : firstIneligible).every((o) => o.eligible),
    ).toBe(true);
    const sandbox = offers.filter((o) => o.channelId.startsWith('sandbox-'));
    expect(sandbox.map((o) => [o.channelId, o.eligible])).toEqual(
      expect.arrayContaining([
        ['sandbox-bank-partnered', true],
        ['sandbox-platform-direct', true],
        ['sandbox-p2p', true],
      ]),
    );
  });
});
