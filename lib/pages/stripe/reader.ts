import * as z from 'zod/mini';
import { stripeBalance } from '../../sources/stripe/balance.ts';
import { stripeBalanceHistory } from '../../sources/stripe/balance-history.ts';
import { stripePayments } from '../../sources/stripe/payments.ts';
import { type EmbeddedRows, rowsOf } from '../core/embedded.ts';
import { majorUnits, pageVariant, payoutListFormat, utcDateTime } from '../core/list-formats.ts';
import type { SiteAdapter } from '../core/types.ts';
import { EMBEDDED, SELECTORS, STRIPE_SITE } from './selectors.ts';

/** A charge as the API (and the Dashboard's preloaded data) describes it; only what is read. */
const Charge = z.object({
  id: z.string().check(z.maxLength(255)),
  amount: z.number(),
  amount_refunded: z.optional(z.number()),
  currency: z.string().check(z.maxLength(3)),
  created: z.number(),
  status: z.string().check(z.maxLength(40)),
  balance_transaction: z.optional(
    z.nullable(
      z.union([z.string(), z.object({ fee: z.number(), currency: z.string().check(z.maxLength(3)) })]),
    ),
  ),
});

const Payout = z.object({
  id: z.string().check(z.maxLength(255)),
  amount: z.number(),
  currency: z.string().check(z.maxLength(3)),
  arrival_date: z.number(),
  status: z.string().check(z.maxLength(40)),
  balance_transaction: z.optional(z.nullable(z.string().check(z.maxLength(255)))),
});

const listOf = <T extends z.ZodMiniType>(item: T) => z.object({ data: z.array(item) });

/** Preloaded charges as rows under the payments export's header words (the same reader follows). */
export function paymentRows(data: unknown): EmbeddedRows | undefined {
  const parsed = z.safeParse(listOf(Charge), data);
  if (!parsed.success) return undefined;
  return rowsOf(parsed.data.data, [
    ['id', (c) => c.id],
    ['Created date (UTC)', (c) => utcDateTime(c.created)],
    ['Amount', (c) => majorUnits(c.amount, c.currency.toUpperCase())],
    ['Amount Refunded', (c) => majorUnits(c.amount_refunded ?? 0, c.currency.toUpperCase())],
    ['Currency', (c) => c.currency],
    [
      'Fee',
      (c) =>
        typeof c.balance_transaction === 'object' && c.balance_transaction
          ? majorUnits(c.balance_transaction.fee, c.balance_transaction.currency.toUpperCase())
          : '0',
    ],
    [
      'Converted Currency',
      (c) =>
        typeof c.balance_transaction === 'object' && c.balance_transaction
          ? c.balance_transaction.currency
          : '',
    ],
    ['Status', (c) => c.status],
  ]);
}

/**
 * Preloaded payouts as rows of the itemized balance report (reporting category `payout`), so they
 * get the keys the balance and payout reports give them.
 */
export function payoutRows(data: unknown): EmbeddedRows | undefined {
  const parsed = z.safeParse(listOf(Payout), data);
  if (!parsed.success) return undefined;
  return rowsOf(parsed.data.data, [
    ['balance_transaction_id', (p) => p.balance_transaction ?? p.id],
    ['created', (p) => utcDateTime(p.arrival_date)],
    ['currency', (p) => p.currency],
    ['gross', (p) => majorUnits(-p.amount, p.currency.toUpperCase())],
    ['fee', () => '0'],
    ['net', (p) => majorUnits(-p.amount, p.currency.toUpperCase())],
    ['reporting_category', () => 'payout'],
    ['source_id', (p) => p.id],
    ['payout_status', (p) => p.status],
  ]);
}

/** The Payments table (fallback): the export's words; the list shows no refunds or fees. */
const paymentsTable = pageVariant(
  stripePayments,
  { id: ['ID', 'Payment ID'], created: ['Date', 'Created'], amountRefunded: ['Refunded'] },
  ['id', 'created', 'amount', 'currency', 'status'],
);

/** The Payouts table (fallback), keyed like the balance reports' payouts. */
const payoutsTable = payoutListFormat({
  id: 'stripe-payouts-page',
  platform: 'stripe',
  label: 'Stripe payouts list',
  columns: {
    payoutId: ['ID', 'Payout ID'],
    date: ['Arrival date', 'Arrives', 'Date'],
    amount: ['Amount'],
    currency: ['Currency'],
    status: ['Status'],
  },
  dateOrder: 'mdy',
  failed: /fail|cancel/i,
  pending: /pending|in transit|in_transit/i,
});

export const stripeAdapter: SiteAdapter = {
  id: STRIPE_SITE.id,
  label: STRIPE_SITE.label,
  matches: STRIPE_SITE.matches,
  pages: [
    {
      id: 'payments',
      label: 'Payments',
      path: /^(\/test)?\/payments\/?$/,
      marker: SELECTORS.paymentsMarker,
      tables: {
        table: SELECTORS.paymentsTable,
        formats: [stripePayments, paymentsTable],
        embedded: { sources: EMBEDDED, rows: paymentRows },
      },
      next: SELECTORS.next,
    },
    {
      id: 'payouts',
      label: 'Payouts',
      path: /^(\/test)?\/payouts\/?$/,
      marker: SELECTORS.payoutsMarker,
      tables: {
        table: SELECTORS.payoutsTable,
        formats: [stripeBalance, payoutsTable],
        embedded: { sources: EMBEDDED, rows: payoutRows },
      },
      next: SELECTORS.next,
    },
    {
      id: 'balance-reports',
      label: 'Balance reports',
      path: /^(\/test)?\/reports\/(balance|payout-reconciliation)\b/,
      marker: SELECTORS.reportsMarker,
      reports: {
        links: SELECTORS.reportLinks,
        formats: [stripeBalance, stripeBalanceHistory, stripePayments],
      },
    },
  ],
};
