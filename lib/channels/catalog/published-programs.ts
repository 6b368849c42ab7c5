import type { Channel } from '../../domain/channel.ts';

const CHECKED = '2026-11-29';

/** Every platform: programs that lend on the seller's own bank statements accept any sales source. */
const ANY_SOURCE: Channel['acceptedSources'] = [
  'amazon',
  'shopify',
  'ebay',
  'etsy',
  'walmart',
  'aliexpress',
  'dhgate',
  'alibaba',
  'paypal',
  'stripe',
  'payoneer',
  'pingpong',
  'worldfirst',
];

const LINK_FIELDS: Channel['requiredFields'] = [];

/**
 * Real programs whose criteria are published. Tradeline does not apply to them: `submission` is
 * a link to the provider's own page, and the seller tracks the outcome. Rules hold only what the
 * provider publishes (the checked page is in `source`); where a provider sizes or prices by
 * invitation only, the estimate uses the seller's profile and the published ranges, and the
 * description says so. Pricing is a typical published example, not a quote.
 */
export const PUBLISHED_PROGRAMS: readonly Channel[] = [
  {
    id: 'shopify-capital',
    name: 'Shopify Capital',
    model: 'platform-direct',
    provider: 'Shopify',
    description:
      'Merchant cash advance by invitation, from $200 to $2,000,000, repaid as a fixed share of daily sales (published example: $5,000 for $5,650 at a 10% remittance rate). Eligibility is decided by Shopify from sales, disputes and time on the platform.',
    countries: ['US', 'CA', 'GB', 'AU'],
    currencies: ['USD'],
    acceptedSources: ['shopify'],
    eligibility: [{ metric: 'monthsOfHistory', op: '>=', value: 3 }],
    sizing: { currency: 'USD', basis: 'capacity', multiple: 1, min: 200_00, max: 2_000_000_00 },
    pricing: {
      flatFeeRate: 0.13,
      annualInterestRate: 0,
      repayment: { style: 'percent-of-sales', holdbackRate: 0.1, maxTermMonths: 18 },
    },
    submission: {
      kind: 'link',
      url: 'https://help.shopify.com/en/manual/finance/shopify-capital/eligibility',
    },
    requiredFields: LINK_FIELDS,
    source: {
      url: 'https://help.shopify.com/en/manual/finances/shopify-capital/united-states/merchant-cash-advance',
      checkedAt: CHECKED,
    },
    sandbox: false,
  },
  {
    id: 'paypal-working-capital',
    name: 'PayPal Working Capital',
    model: 'platform-direct',
    provider: 'PayPal (lender: WebBank)',
    description:
      'Business loan with one fixed fee, repaid as a chosen share of PayPal sales. Published eligibility: a PayPal Business account for 3 months or more and $15,000 to $20 million of annual PayPal sales; the maximum is about 8% of the last 12 months of PayPal sales.',
    countries: ['US', 'GB', 'AU'],
    currencies: ['USD'],
    acceptedSources: ['paypal'],
    eligibility: [
      { metric: 'monthsOfHistory', op: '>=', value: 3 },
      { metric: 'ttmSales', op: '>=', value: 15_000 },
      { metric: 'ttmSales', op: '<=', value: 20_000_000 },
    ],
    sizing: { currency: 'USD', basis: 'ttmSales', multiple: 0.08, min: 1_000_00, max: 200_000_00 },
    pricing: {
      flatFeeRate: 0.06,
      annualInterestRate: 0,
      repayment: { style: 'percent-of-sales', holdbackRate: 0.15, maxTermMonths: 18 },
    },
    submission: { kind: 'link', url: 'https://www.paypal.com/webapps/workingcapital/' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://www.paypal.com/us/workingcapital/faq', checkedAt: CHECKED },
    sandbox: false,
  },
  {
    id: 'stripe-capital',
    name: 'Stripe Capital',
    model: 'platform-direct',
    provider: 'Stripe',
    description:
      'Financing offered to eligible Stripe accounts, prequalified daily from their payment activity: a principal plus a flat fee, repaid by withholding a fixed share of each transaction. Offers are by invitation in the Stripe Dashboard.',
    countries: ['US', 'GB', 'CA', 'AU', 'DE', 'FR'],
    currencies: ['USD'],
    acceptedSources: ['stripe'],
    eligibility: [{ metric: 'monthsOfHistory', op: '>=', value: 3 }],
    sizing: { currency: 'USD', basis: 'capacity', multiple: 1, min: 1_000_00, max: 2_000_000_00 },
    pricing: {
      flatFeeRate: 0.1,
      annualInterestRate: 0,
      repayment: { style: 'percent-of-sales', holdbackRate: 0.1, maxTermMonths: 18 },
    },
    submission: { kind: 'link', url: 'https://dashboard.stripe.com/capital' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://docs.stripe.com/capital/how-capital-works', checkedAt: CHECKED },
    sandbox: false,
  },
  {
    id: 'amazon-lending',
    name: 'Amazon Lending',
    model: 'platform-direct',
    provider: 'Amazon (and partner lenders)',
    description:
      'Short-term loans by invitation to Amazon sellers, repaid from Amazon disbursements; sized on recent sales. Amazon does not publish its criteria: the estimate uses your profile’s capacity.',
    countries: ['US', 'GB', 'DE', 'FR', 'IT', 'ES', 'JP'],
    currencies: ['USD'],
    acceptedSources: ['amazon'],
    eligibility: [{ metric: 'monthsOfHistory', op: '>=', value: 12 }],
    sizing: { currency: 'USD', basis: 'capacity', multiple: 1, min: 1_000_00, max: 750_000_00 },
    pricing: {
      flatFeeRate: 0,
      annualInterestRate: 0.12,
      repayment: { style: 'fixed-installments', termMonths: 12, frequency: 'monthly' },
    },
    submission: { kind: 'link', url: 'https://sellercentral.amazon.com/lending' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://sell.amazon.com/programs/amazon-lending', checkedAt: CHECKED },
    sandbox: false,
  },
  {
    id: 'wayflyer',
    name: 'Wayflyer revenue-based financing',
    model: 'platform-direct',
    provider: 'Wayflyer',
    description:
      'Revenue-based financing for e-commerce brands: a fee of typically 2% to 8%, repaid as a share of daily revenue, most within 6 months. Referral criteria published: at least $20,000 of monthly online revenue.',
    countries: ['US', 'CA', 'GB', 'IE', 'DE', 'NL', 'AU', 'NZ'],
    currencies: ['USD'],
    acceptedSources: ['shopify', 'amazon', 'walmart', 'etsy', 'ebay', 'stripe', 'paypal'],
    eligibility: [
      { metric: 'avgMonthlySales', op: '>=', value: 20_000 },
      { metric: 'monthsOfHistory', op: '>=', value: 6 },
    ],
    sizing: { currency: 'USD', basis: 'avgMonthlySales', multiple: 1.5, min: 10_000_00, max: 20_000_000_00 },
    pricing: {
      flatFeeRate: 0.05,
      annualInterestRate: 0,
      repayment: { style: 'percent-of-sales', holdbackRate: 0.12, maxTermMonths: 12 },
    },
    submission: { kind: 'link', url: 'https://wayflyer.com/' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://da.wayflyer.com/help-center/fees-terms-and-payments', checkedAt: CHECKED },
    sandbox: false,
  },
  {
    id: '8fig',
    name: '8fig growth capital',
    model: 'platform-direct',
    provider: '8fig',
    description:
      'Capital released in instalments against a supply-chain plan, repaid from revenue on a schedule matched to the plan. 8fig publishes no numeric thresholds: the estimate uses your profile’s capacity.',
    countries: ['US', 'CA', 'GB', 'CN', 'HK', 'IL'],
    currencies: ['USD'],
    acceptedSources: ['amazon', 'shopify', 'walmart', 'ebay', 'etsy'],
    eligibility: [{ metric: 'monthsOfHistory', op: '>=', value: 6 }],
    sizing: { currency: 'USD', basis: 'capacity', multiple: 1, min: 5_000_00, max: 10_000_000_00 },
    pricing: {
      flatFeeRate: 0.09,
      annualInterestRate: 0,
      repayment: { style: 'fixed-installments', termMonths: 12, frequency: 'weekly' },
    },
    submission: { kind: 'link', url: 'https://www.8fig.co/' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://www.hahnbeck.com/resources', checkedAt: CHECKED },
    sandbox: false,
  },
  {
    id: 'funding-circle-uk',
    name: 'Funding Circle business loan (UK)',
    model: 'p2p',
    provider: 'Funding Circle',
    description:
      'Fixed-rate business loans from £5,000 to £1,000,000 over 6 months to 5 years, funded through Funding Circle’s marketplace. Published criteria: at least 2 years of filed accounts and a minimum annual turnover of £100,000.',
    countries: ['GB'],
    currencies: ['GBP'],
    acceptedSources: ANY_SOURCE,
    eligibility: [
      { metric: 'monthsOfHistory', op: '>=', value: 24 },
      { metric: 'ttmSales', op: '>=', value: 100_000 },
    ],
    sizing: { currency: 'GBP', basis: 'ttmSales', multiple: 0.15, min: 5_000_00, max: 1_000_000_00 },
    pricing: {
      flatFeeRate: 0.035,
      annualInterestRate: 0.12,
      repayment: { style: 'fixed-installments', termMonths: 36, frequency: 'monthly' },
    },
    submission: { kind: 'link', url: 'https://www.fundingcircle.com/uk/business-loans/' },
    requiredFields: LINK_FIELDS,
    source: {
      url: 'https://www.fundingcircle.com/blog/2013/02/what-you-need-to-know-about-borrowing-at-funding-circle/',
      checkedAt: CHECKED,
    },
    sandbox: false,
  },
  {
    id: 'kiva-us',
    name: 'Kiva U.S. 0% crowdfunded loan',
    model: 'p2p',
    provider: 'Kiva',
    description:
      'Crowdfunded 0% interest, no-fee loans of $1,000 to $15,000 for U.S. businesses, repaid over 12 to 36 months; no credit minimum. Friends and family lend first, then Kiva’s lenders for up to 30 days.',
    countries: ['US'],
    currencies: ['USD'],
    acceptedSources: ANY_SOURCE,
    eligibility: [],
    sizing: { currency: 'USD', basis: 'avgMonthlySales', multiple: 1, min: 1_000_00, max: 15_000_00 },
    pricing: {
      flatFeeRate: 0,
      annualInterestRate: 0,
      repayment: { style: 'fixed-installments', termMonths: 36, frequency: 'monthly' },
    },
    submission: { kind: 'link', url: 'https://www.kiva.org/borrow' },
    requiredFields: LINK_FIELDS,
    source: { url: 'https://borrow.kiva.org/faq', checkedAt: CHECKED },
    sandbox: false,
  },
];
