import { parseDate } from '../../import/dates.ts';
import { type Consequence, ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat } from '../format.ts';
import { stripeAmount } from './_amount.ts';

/**
 * `Status` values of a charge that succeeded: Dashboard wording and raw API statuses. A charge
 * refunded or disputed later did succeed; its refund or dispute is recorded beside it.
 */
const SUCCEEDED = new Set([
  'paid',
  'succeeded',
  'refunded',
  'partially refunded',
  'partially_refunded',
  'refund pending',
  'disputed',
  'early fraud warning',
]);

/** Charges and PaymentIntents that took no money (yet): not sales, skipped without a word. */
const NOT_SUCCEEDED = new Set([
  'failed',
  'pending',
  'uncaptured',
  'canceled',
  'cancelled',
  'blocked',
  'incomplete',
  'expired',
  'processing',
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'requires_capture',
]);

/**
 * Stripe Dashboard payments export (`unified_payments.csv`, Payments > Export): one row per
 * charge. Columns differ by layout (23-column default, 79-column "all columns", `<key> (metadata)`
 * columns appended, and an older 21-column order with `Created (UTC)` at minute precision), so
 * everything is looked up by name.
 *
 * - Orders: succeeded charges keyed `stripe:order:<id>`, the key the balance reports give the same
 *   charge (their `source_id`), so importing both never counts a sale twice. Gross is `Amount` in
 *   the charge's `Currency`.
 * - Fees: `Fee` is in the settlement currency, `Converted Currency` (a usd charge settled in thb
 *   has a thb fee). It includes `Taxes On Fee`. Keyed `stripe:fee:<id>`, as in the balance reports.
 * - Refunds: refunds are not rows of their own; `Amount Refunded` is the total refunded on the
 *   charge, dated at `Refunded date (UTC)` (the older layout has no such column: the charge date
 *   is used). Keyed by the charge id, so a later export showing a larger refunded amount is taken
 *   as the same refund (first import wins) and the increase is missed. The balance reports key
 *   refunds by the refund's own id, which this export does not carry: a refund imported from both
 *   counts twice.
 * - Disputes: the 79-column layout has `Dispute Status`; only a lost dispute is recorded, as a
 *   chargeback of `Disputed Amount` at `Dispute Date (UTC)`, keyed by the charge id (a charge has
 *   one dispute at most, and the balance reports key disputes the same way when they carry
 *   `charge_id`). Open disputes are left to the balance reports, which show the money moving.
 * - Rows without an id are PaymentIntent lines (`requires_payment_method`, sometimes `succeeded`)
 *   whose charge, if any, has a row of its own a few seconds later: skipped, never counted.
 */
export const stripePayments = defineFormat({
  id: 'stripe-payments',
  platform: 'stripe',
  label: 'Stripe payments export (unified_payments.csv)',
  delimiters: [','],
  columns: {
    id: ['id'],
    created: ['Created date (UTC)', 'Created (UTC)'],
    amount: ['Amount'],
    amountRefunded: ['Amount Refunded'],
    currency: ['Currency'],
    captured: ['Captured'],
    convertedAmount: ['Converted Amount'],
    convertedAmountRefunded: ['Converted Amount Refunded'],
    convertedCurrency: ['Converted Currency'],
    fee: ['Fee'],
    taxesOnFee: ['Taxes On Fee'],
    refundedDate: ['Refunded date (UTC)'],
    status: ['Status'],
    declineReason: ['Decline Reason'],
    description: ['Description'],
    disputedAmount: ['Disputed Amount'],
    disputeDate: ['Dispute Date (UTC)'],
    disputeStatus: ['Dispute Status'],
    customerId: ['Customer ID'],
    invoiceId: ['Invoice ID'],
  },
  required: ['id', 'created', 'amount', 'amountRefunded', 'currency', 'fee', 'status'],
  createReader(ctx) {
    const { header } = ctx;
    const currencyOf = (cells: readonly string[], column: 'currency' | 'convertedCurrency', line: number) => {
      const raw = header.get(cells, column);
      const code = currencyCode(raw);
      if (!code) ctx.issue(line, column, ISSUE.notACurrency(raw, THEN.rowSkipped()));
      return code;
    };
    /** A refund or dispute date; the charge date when the column is missing or empty. */
    const dateOr = (
      cells: readonly string[],
      column: 'refundedDate' | 'disputeDate',
      chargeDate: string,
      line: number,
      then: Consequence,
    ) => {
      const raw = header.get(cells, column);
      if (!raw) return chargeDate;
      const parsed = parseDate(raw, 'ymd');
      if (!parsed) ctx.issue(line, column, ISSUE.notADate(raw, then));
      return parsed ?? chargeDate;
    };
    return {
      row(cells, line) {
        const id = header.get(cells, 'id');
        if (!id) return;
        const rawStatus = header.get(cells, 'status');
        const status = rawStatus.toLowerCase();
        if (NOT_SUCCEEDED.has(status)) return;
        if (!SUCCEEDED.has(status)) {
          return ctx.issue(line, 'status', ISSUE.unknownPaymentStatus(rawStatus, THEN.paymentNotCounted()));
        }
        const rawDate = header.get(cells, 'created');
        const date = parseDate(rawDate, 'ymd');
        if (!date) return ctx.issue(line, 'created', ISSUE.notADate(rawDate, THEN.rowSkipped()));
        const currency = currencyOf(cells, 'currency', line);
        if (!currency) return;
        const feeCurrency = header.get(cells, 'convertedCurrency')
          ? currencyOf(cells, 'convertedCurrency', line)
          : currency;
        if (!feeCurrency) return;
        const gross = stripeAmount(ctx, cells, 'amount', currency, line);
        const refunded = stripeAmount(ctx, cells, 'amountRefunded', currency, line);
        const fee = stripeAmount(ctx, cells, 'fee', feeCurrency, line);
        if (gross === undefined || refunded === undefined || fee === undefined) return;
        const lost = header.get(cells, 'disputeStatus').toLowerCase() === 'lost';
        const disputed = lost ? stripeAmount(ctx, cells, 'disputedAmount', currency, line) : 0;
        if (disputed === undefined) return;

        const base = { platform: 'stripe' as const, date, importId: ctx.importId, row: line, orderId: id };
        ctx.emit({
          ...base,
          kind: 'order',
          key: dedupeKey('stripe', 'order', id),
          gross: { amount: gross, currency },
          status: 'paid',
        });
        if (fee !== 0) {
          ctx.emit({
            ...base,
            kind: 'fee',
            key: dedupeKey('stripe', 'fee', id),
            amount: { amount: fee, currency: feeCurrency },
            feeType: 'Stripe processing fee',
          });
        }
        if (refunded !== 0) {
          const refundDate = dateOr(cells, 'refundedDate', date, line, THEN.refundDatedAtPayment());
          ctx.emit({
            ...base,
            date: refundDate,
            kind: 'refund',
            key: dedupeKey('stripe', 'refund', id),
            amount: { amount: Math.abs(refunded), currency },
          });
        }
        if (disputed !== 0) {
          const disputeDate = dateOr(cells, 'disputeDate', date, line, THEN.chargebackDatedAtPayment());
          ctx.emit({
            ...base,
            date: disputeDate,
            kind: 'chargeback',
            key: dedupeKey('stripe', 'chargeback', id),
            amount: { amount: Math.abs(disputed), currency },
          });
        }
      },
      end() {},
    };
  },
});
