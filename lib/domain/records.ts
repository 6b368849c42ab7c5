import { z } from 'zod';
import { Money } from './money.ts';
import { IsoDate, IsoDateTime, IsoMonth, Provenance, Sha256 } from './provenance.ts';

/** The marketplace or payment platform a record belongs to. Dedupe keys are unique within one. */
export const Platform = z.enum([
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
  'demo',
]);
export type Platform = z.infer<typeof Platform>;

const entryBase = {
  /** Stable across re-imports and overlapping files: the same event always gets the same key. */
  key: z.string().min(1),
  platform: Platform,
  /** Calendar date in the report's own time zone; its month is the month the event counts in. */
  date: IsoDate,
  /** The import (file or page) that produced this record. */
  importId: Sha256,
  /** 1-based line in the file (or row on the page), for messages a seller can check. */
  row: z.number().int().positive().optional(),
  orderId: z.string().optional(),
};

/** A sale. `gross` is what the buyer paid, shipping included, marketplace-remitted tax excluded. */
export const Order = z.object({
  kind: z.literal('order'),
  ...entryBase,
  orderId: z.string().min(1),
  gross: Money,
  status: z.enum(['paid', 'pending', 'cancelled']).default('paid'),
  marketplace: z.string().optional(),
});
export type Order = z.infer<typeof Order>;

/** Money returned to a buyer; `amount` is positive. */
export const Refund = z.object({ kind: z.literal('refund'), ...entryBase, amount: Money });
/** Marketplace or payment fee; positive when charged, negative when a fee is given back. */
export const Fee = z.object({ kind: z.literal('fee'), ...entryBase, amount: Money, feeType: z.string() });
/** Money sent to the seller's bank or wallet; `amount` is positive. */
export const Payout = z.object({
  kind: z.literal('payout'),
  ...entryBase,
  amount: Money,
  payoutId: z.string().optional(),
  status: z.enum(['paid', 'pending', 'failed']).default('paid'),
});
export type Payout = z.infer<typeof Payout>;
/** A buyer's dispute that took money back; `amount` is positive. */
export const Chargeback = z.object({ kind: z.literal('chargeback'), ...entryBase, amount: Money });
/** Funds held back (positive) or released (negative) by the platform. Not income. */
export const Reserve = z.object({ kind: z.literal('reserve'), ...entryBase, amount: Money });
/** Anything else that moved money (reimbursements, adjustments), signed as the seller sees it. */
export const Adjustment = z.object({
  kind: z.literal('adjustment'),
  ...entryBase,
  amount: Money,
  description: z.string(),
});

export const LedgerEntry = z.discriminatedUnion('kind', [
  Order,
  Refund,
  Fee,
  Payout,
  Chargeback,
  Reserve,
  Adjustment,
]);
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export type LedgerKind = LedgerEntry['kind'];

/** Amounts per ISO currency code, in minor units. Never summed across currencies. */
export const CurrencyTotals = z.record(z.string(), z.number().int());
export type CurrencyTotals = z.infer<typeof CurrencyTotals>;

// ---- What is stored in IndexedDB ----

/** One file or page the seller imported. Its id is the SHA-256 of the bytes read. */
export const ImportRecord = z.object({
  id: Sha256,
  provenance: Provenance,
  importedAt: IsoDateTime,
  platform: Platform,
  added: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  months: z.array(IsoMonth),
  /**
   * `storing` while a file stored in several batches is not finished: its records are in the
   * chunks (for dedupe) but its totals wait in `pending`, so nothing of it counts until the last
   * batch commits (`complete`, absent on imports stored before states existed). `interrupted`:
   * a storing import whose worker died was rolled back; only this record stays, as the notice.
   */
  state: z.enum(['storing', 'complete', 'interrupted']).optional(),
  /** Monthly totals of a `storing` import, added to the stored totals by its last batch. */
  pending: z.array(z.lazy(() => MonthAggregate)).optional(),
  /**
   * Months of a `storing` import whose stored dedupe keys do not hold all of its records' keys
   * yet: its batches write a month's keys once they have left it (lib/storage/ledger-repo.ts).
   * Any other writer rebuilds these months' keys from the stored records.
   */
  keysPending: z.array(IsoMonth).optional(),
  /** When an interrupted import was rolled back. */
  interruptedAt: IsoDateTime.optional(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

/** Up to CHUNK_SIZE records of one platform and month, stored as one IndexedDB value. */
export const RecordChunk = z.object({
  platform: Platform,
  month: IsoMonth,
  seq: z.number().int().nonnegative(),
  records: z.array(LedgerEntry),
});
export type RecordChunk = z.infer<typeof RecordChunk>;

/**
 * The dedupe keys of every record stored for one platform and month, joined into one string
 * (lib/storage/dedupe-keys.ts; an array of strings until migration 009).
 */
export const DedupeKeys = z.object({ platform: Platform, month: IsoMonth, keys: z.string() });
export type DedupeKeys = z.infer<typeof DedupeKeys>;

/** Totals of one platform and month, kept up to date on import so the popup never reads raw history. */
export const MonthAggregate = z.object({
  platform: Platform,
  month: IsoMonth,
  records: z.number().int().nonnegative(),
  orders: z.number().int().nonnegative(),
  grossSales: CurrencyTotals,
  refunds: CurrencyTotals,
  fees: CurrencyTotals,
  payouts: CurrencyTotals,
  chargebacks: CurrencyTotals,
  reserves: CurrencyTotals,
  adjustments: CurrencyTotals,
  /** Distinct dates of paid payouts (for payout regularity). Added by migration 004. */
  payoutDates: z.array(IsoDate).default([]),
  /** Date of the latest record of the month (for data freshness). Added by migration 004. */
  lastDate: IsoDate.optional(),
});
export type MonthAggregate = z.infer<typeof MonthAggregate>;

export const Settings = z.object({
  reportingCurrency: z.string().length(3).default('USD'),
  /** `auto`: the browser's language (Chinese when it is Chinese, else English). */
  language: z.enum(['auto', 'en', 'zh_CN']).default('auto'),
  /**
   * Business details the seller enters once (UK SME finance application field names); checked
   * field by field when a packet is built, so a half-filled form is kept.
   */
  business: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** How long Tradeline keeps data (applied on the background's alarm tick). */
  retention: z
    .object({
      /** Imported records (and their monthly totals) older than this many months are deleted. */
      keepMonths: z.number().int().min(1).max(240).nullable(),
      /** Everything is deleted after this many days without the popup or options page being opened. */
      deleteAfterIdleDays: z.number().int().min(1).max(3650).nullable(),
    })
    .optional(),
  /** When the seller last opened the popup or the options page (kept for the idle rule). */
  lastUsedAt: IsoDateTime.optional(),
});
export type Settings = z.infer<typeof Settings>;

export { IsoDateTime };

/** The last computed credit profile, kept so that opening the popup never recomputes it. */
export const StoredProfile = z.object({
  currency: z.string().length(3),
  asOf: IsoDate,
  computedAt: IsoDateTime,
  /** The profile as `lib/profile` computes it (validated there when read). */
  profile: z
    .object({
      score: z.number().int().min(0).max(100),
      band: z.enum(['A', 'B', 'C', 'D', 'E']),
    })
    .passthrough(),
  /**
   * Every month from the first with data to the month of `asOf`, in minor units of `currency`
   * (converted at each month's reference rate), for the popup's chart. `covered`: some source's
   * period includes the month (no records then means zero, not missing).
   */
  months: z
    .array(
      z.object({
        month: IsoMonth,
        covered: z.boolean(),
        grossSales: z.number(),
        refunds: z.number(),
        payouts: z.number(),
      }),
    )
    .optional(),
});
export type StoredProfile = z.infer<typeof StoredProfile>;
