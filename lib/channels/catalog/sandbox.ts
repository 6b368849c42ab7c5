import type { Channel } from '../../domain/channel.ts';

/** Where `npm run sandbox` listens by default; the sandbox rewrites base URLs to its real port. */
export const SANDBOX_ORIGIN = 'http://127.0.0.1:8787';

const CHECKED = '2026-11-29';

/**
 * One sandbox lender per financing model, served by test/sandbox/ at
 * `/lenders/{channelId}/…`. Their criteria are invented for the demo and the tests, and say so.
 */
export const SANDBOX_CHANNELS: readonly Channel[] = [
  {
    id: 'sandbox-bank-partnered',
    name: 'Sandbox Export Credit (platform + partner bank)',
    model: 'bank-partnered',
    provider: 'Tradeline sandbox: data platform with a partner bank',
    description:
      'A data platform reviews your sales data, then its partner bank reviews again and lends. Demo lender: nothing real happens.',
    countries: ['CN', 'HK', 'US', 'GB', 'DE'],
    currencies: ['USD', 'CNY'],
    acceptedSources: [
      'amazon',
      'ebay',
      'aliexpress',
      'dhgate',
      'alibaba',
      'shopify',
      'etsy',
      'walmart',
      'paypal',
      'stripe',
      'payoneer',
      'pingpong',
      'worldfirst',
      'demo',
    ],
    eligibility: [
      { metric: 'monthsOfHistory', op: '>=', value: 6 },
      { metric: 'avgMonthlySales', op: '>=', value: 5_000 },
      { metric: 'refundRate', op: '<=', value: 0.1 },
      { metric: 'score', op: '>=', value: 40 },
    ],
    sizing: { currency: 'USD', basis: 'lowestMonthSales', multiple: 3, min: 5_000_00, max: 500_000_00 },
    pricing: {
      flatFeeRate: 0.01,
      annualInterestRate: 0.09,
      repayment: { style: 'fixed-installments', termMonths: 12, frequency: 'monthly' },
    },
    submission: { kind: 'api', baseUrl: `${SANDBOX_ORIGIN}/lenders/sandbox-bank-partnered` },
    requiredFields: [
      'requested.amount',
      'requested.purpose',
      'business.legalName',
      'business.registrationNumber',
      'business.country',
      'business.yearsTrading',
      'business.contactName',
      'business.contactEmail',
      'profile.summary',
      'profile.monthly',
      'provenance',
    ],
    source: { url: `${SANDBOX_ORIGIN}/lenders`, checkedAt: CHECKED },
    sandbox: true,
  },
  {
    id: 'sandbox-platform-direct',
    name: 'Sandbox Receipts Advance (platform lends directly)',
    model: 'platform-direct',
    provider: 'Tradeline sandbox: payment platform',
    description:
      'A payment platform advances money against your incoming receipts and takes a share of each sale until repaid. Demo lender.',
    countries: ['US', 'GB', 'CA', 'AU', 'CN', 'HK', 'DE'],
    currencies: ['USD'],
    acceptedSources: ['amazon', 'shopify', 'ebay', 'etsy', 'walmart', 'paypal', 'stripe', 'demo'],
    eligibility: [
      { metric: 'monthsOfHistory', op: '>=', value: 3 },
      { metric: 'avgMonthlySales', op: '>=', value: 1_000 },
      { metric: 'chargebackRate', op: '<', value: 0.01 },
    ],
    sizing: { currency: 'USD', basis: 'ttmSales', multiple: 0.1, min: 1_000_00, max: 250_000_00 },
    pricing: {
      flatFeeRate: 0.1,
      annualInterestRate: 0,
      repayment: { style: 'percent-of-sales', holdbackRate: 0.12, maxTermMonths: 18 },
    },
    submission: { kind: 'api', baseUrl: `${SANDBOX_ORIGIN}/lenders/sandbox-platform-direct` },
    requiredFields: [
      'requested.amount',
      'business.legalName',
      'business.country',
      'business.contactEmail',
      'profile.summary',
      'profile.monthly',
    ],
    source: { url: `${SANDBOX_ORIGIN}/lenders`, checkedAt: CHECKED },
    sandbox: true,
  },
  {
    id: 'sandbox-p2p',
    name: 'Sandbox Crowd Loan (P2P listing)',
    model: 'p2p',
    provider: 'Tradeline sandbox: P2P marketplace',
    description:
      'The platform lists your loan and many lenders fund it; funding can be partial. Demo lender.',
    countries: ['US', 'GB', 'CN', 'HK'],
    currencies: ['USD'],
    acceptedSources: [
      'amazon',
      'shopify',
      'ebay',
      'etsy',
      'walmart',
      'paypal',
      'stripe',
      'aliexpress',
      'dhgate',
      'demo',
    ],
    eligibility: [
      { metric: 'monthsOfHistory', op: '>=', value: 12 },
      { metric: 'ttmSales', op: '>=', value: 50_000 },
    ],
    sizing: { currency: 'USD', basis: 'avgMonthlySales', multiple: 2, min: 2_000_00, max: 100_000_00 },
    pricing: {
      flatFeeRate: 0.03,
      annualInterestRate: 0.14,
      repayment: { style: 'fixed-installments', termMonths: 24, frequency: 'monthly' },
    },
    submission: { kind: 'api', baseUrl: `${SANDBOX_ORIGIN}/lenders/sandbox-p2p` },
    requiredFields: [
      'requested.amount',
      'requested.purpose',
      'business.legalName',
      'business.country',
      'business.yearsTrading',
      'business.contactName',
      'business.contactEmail',
      'profile.summary',
    ],
    source: { url: `${SANDBOX_ORIGIN}/lenders`, checkedAt: CHECKED },
    sandbox: true,
  },
];
