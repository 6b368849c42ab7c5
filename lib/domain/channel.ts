import { z } from 'zod';
import { CurrencyCode, Money } from './money.ts';
import { IsoDate } from './provenance.ts';
import { Platform } from './records.ts';

/** The three financing models of DESIGN.md. */
export const FinancingModel = z.enum(['bank-partnered', 'platform-direct', 'p2p']);
export type FinancingModel = z.infer<typeof FinancingModel>;

/** Profile metrics a rule can test (numbers only; see lib/profile/metrics.ts for definitions). */
export const RuleMetric = z.enum([
  'monthsOfHistory',
  'activeMonths',
  'ttmSales',
  'avgMonthlySales',
  'lowestMonthSales',
  'growthRate',
  'volatility',
  'refundRate',
  'chargebackRate',
  'feeRate',
  'payoutLongestGapDays',
  'marketplaceConcentration',
  'dataCoverage',
  'dataFreshnessDays',
  'score',
]);
export type RuleMetric = z.infer<typeof RuleMetric>;

/**
 * One eligibility rule, evaluated locally: `{ "metric": "monthsOfHistory", "op": ">=", "value": 6 }`.
 * Money metrics (`ttmSales`, `avgMonthlySales`, `lowestMonthSales`) compare major units of the
 * channel's `sizing.currency`.
 */
export const EligibilityRule = z.object({
  metric: RuleMetric,
  op: z.enum(['>=', '>', '<=', '<']),
  value: z.number().finite(),
});
export type EligibilityRule = z.infer<typeof EligibilityRule>;

/** How the amount is sized from the profile. Amounts in minor units of `currency`. */
export const Sizing = z.object({
  currency: CurrencyCode,
  basis: z.enum(['lowestMonthSales', 'avgMonthlySales', 'ttmSales', 'capacity']),
  /** Amount = multiple x basis (e.g. 1.0 x the lowest recent month, 0.08 x TTM sales). */
  multiple: z.number().positive().max(24),
  min: z.number().int().nonnegative(),
  max: z.number().int().positive(),
});
export type Sizing = z.infer<typeof Sizing>;

/** How the seller repays. */
export const Repayment = z.discriminatedUnion('style', [
  z.object({
    /** A share of every sale is withheld until amount + fee are repaid (Shopify/Stripe/PayPal style). */
    style: z.literal('percent-of-sales'),
    holdbackRate: z.number().gt(0).lte(0.5),
    /** Longest allowed term; repayment must finish by then. */
    maxTermMonths: z.number().int().positive().max(60),
  }),
  z.object({
    /** Equal installments over a fixed term. */
    style: z.literal('fixed-installments'),
    termMonths: z.number().int().positive().max(120),
    frequency: z.enum(['monthly', 'weekly']),
  }),
]);
export type Repayment = z.infer<typeof Repayment>;

export const Pricing = z.object({
  /** Flat fee as a share of the amount (e.g. 0.10 = 10%), paid through repayments. */
  flatFeeRate: z.number().min(0).max(1),
  /** Nominal annual interest rate on the declining balance (0 for flat-fee products). */
  annualInterestRate: z.number().min(0).max(1),
  repayment: Repayment,
});
export type Pricing = z.infer<typeof Pricing>;

/** Fields of the application packet a channel may ask for (see lib/applications/packet.ts). */
export const PacketField = z.enum([
  'requested.amount',
  'requested.purpose',
  'business.legalName',
  'business.registrationNumber',
  'business.country',
  'business.yearsTrading',
  'business.contactName',
  'business.contactEmail',
  'business.contactPhone',
  'profile.summary',
  'profile.monthly',
  'provenance',
]);
export type PacketField = z.infer<typeof PacketField>;

export const Submission = z.discriminatedUnion('kind', [
  /** Tradeline sends the packet to the channel's Channel API. */
  z.object({ kind: z.literal('api'), baseUrl: z.url() }),
  /** The seller applies on the provider's own site; Tradeline opens it and tracks the seller's updates. */
  z.object({ kind: z.literal('link'), url: z.url() }),
]);
export type Submission = z.infer<typeof Submission>;

/** A catalog entry: everything needed to prequalify locally and to apply. */
export const Channel = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1).max(120),
    model: FinancingModel,
    provider: z.string().min(1).max(120),
    description: z.string().max(1000).default(''),
    /** ISO 3166-1 alpha-2 codes of the countries served. */
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    currencies: z.array(CurrencyCode).min(1),
    /** Platforms whose sales count; sales on other platforms are ignored for this channel. */
    acceptedSources: z.array(Platform).min(1),
    eligibility: z.array(EligibilityRule),
    sizing: Sizing,
    pricing: Pricing,
    submission: Submission,
    requiredFields: z.array(PacketField),
    /** Where the criteria were published, and when they were last checked. */
    source: z.object({ url: z.url(), checkedAt: IsoDate }),
    sandbox: z.boolean().default(false),
  })
  .refine((c) => c.sizing.min <= c.sizing.max, {
    message: 'sizing.min must not exceed sizing.max',
    path: ['sizing', 'min'],
  });
export type Channel = z.infer<typeof Channel>;

export const Catalog = z.object({
  version: z.literal(1),
  channels: z.array(Channel),
});
export type Catalog = z.infer<typeof Catalog>;

/** What stands between the seller and a channel; `params`: the figures in `message`, formatted, for a translation. */
export const Gap = z.object({
  code: z.string(),
  message: z.string(),
  params: z.array(z.string()).optional(),
});
/** A prequalification result for one channel, computed locally. */
export const OfferEstimate = z.object({
  channelId: z.string(),
  model: FinancingModel,
  eligible: z.boolean(),
  /** Major units of `currency` (what the CLI prints); null when not eligible. */
  amount: z.number().nullable(),
  fee: z.number().nullable(),
  /** Estimated APR (e.g. 0.18 = 18%), from the seller's own sales forecast. */
  apr: z.number().nullable(),
  totalRepayment: z.number().nullable(),
  termMonths: z.number().nullable(),
  currency: CurrencyCode,
  repaymentStyle: z.enum(['percent-of-sales', 'fixed-installments']),
  gaps: z.array(Gap),
});
export type OfferEstimate = z.infer<typeof OfferEstimate>;

export { Money };
