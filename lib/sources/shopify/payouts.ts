import type { Payout } from '../../domain/records.ts';
import { parseAmount } from '../../import/amounts.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { currencyCode, dedupeKey, Occurrences } from '../entries.ts';
import { defineFormat } from '../format.ts';

/**
 * `Status` to the payout's status (values of Shopify's ShopifyPaymentsPayoutStatus). Only `paid`
 * is money that reached the bank; `scheduled` and `in_transit` are on their way (`pending`);
 * `failed` was returned by the bank and `canceled` never sent (`failed`): their money is paid
 * again in a later payout, as that payout's `Retried Amount`.
 */
const STATUS: Readonly<Record<string, Payout['status']>> = {
  paid: 'paid',
  in_transit: 'pending',
  scheduled: 'pending',
  pending: 'pending',
  failed: 'failed',
  canceled: 'failed',
  cancelled: 'failed',
};

/**
 * Shopify Payments payouts export (FORMATS.md 2c; no real sample, header from third-party
 * fixtures, with or without `Marketplace Sales Tax`, `Advances` and `Bank Reference`). One row
 * per payout, newest first.
 *
 * - One `payout` per row: `Total`, dated `Payout Date`. A negative total (Shopify debited the
 *   bank to cover a negative balance) is kept negative, so the month's payouts add up to what
 *   the bank account received.
 * - Charges, Refunds, Fees… are not emitted: the same money is in the transactions and orders
 *   exports, and emitting it here would count it twice.
 * - Key: payout date, currency and total. Shopify makes at most one payout a day per currency,
 *   and the bank reference is left out because it may only be filled once a payout is sent: a
 *   key that changed with it would count a payout twice (once scheduled, once paid).
 */
export const shopifyPayouts = defineFormat({
  id: 'shopify-payouts',
  platform: 'shopify',
  label: 'Shopify Payments payouts export',
  delimiters: [','],
  columns: {
    date: ['Payout Date'],
    status: ['Status'],
    charges: ['Charges'],
    refunds: ['Refunds'],
    fees: ['Fees'],
    retried: ['Retried Amount'],
    total: ['Total'],
    currency: ['Currency'],
    bankReference: ['Bank Reference'],
  },
  required: ['date', 'status', 'charges', 'refunds', 'fees', 'total', 'currency'],
  createReader(ctx) {
    const { header } = ctx;
    const keys = new Occurrences(':');
    return {
      row(cells, line) {
        const rawDate = header.get(cells, 'date');
        const date = parseDate(rawDate, 'ymd');
        if (!date) return ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.thePayoutSkipped()));
        const statusText = header.get(cells, 'status');
        const status = STATUS[statusText.toLowerCase()];
        if (!status) {
          return ctx.issue(
            line,
            'status',
            ISSUE.notShopifyPayoutStatus(statusText, THEN.payoutOfDateSkipped(date)),
          );
        }
        const currency = currencyCode(header.get(cells, 'currency'));
        if (!currency) {
          return ctx.issue(
            line,
            'currency',
            ISSUE.notACurrency(header.get(cells, 'currency'), THEN.payoutOfDateSkipped(date)),
          );
        }
        const totalText = header.get(cells, 'total');
        const total = parseAmount(totalText, minorUnitExponent(currency), '.');
        if (total === undefined) {
          return ctx.issue(line, 'total', ISSUE.notAnAmount(totalText, THEN.payoutOfDateSkipped(date)));
        }
        if (total === null || total === 0) return; // nothing was sent
        const reference = header.get(cells, 'bankReference');
        ctx.emit({
          platform: 'shopify',
          date,
          importId: ctx.importId,
          row: line,
          kind: 'payout',
          key: keys.key(dedupeKey('shopify', 'payout', date, currency, total)),
          amount: { amount: total, currency },
          status,
          ...(reference ? { payoutId: reference } : {}),
        });
      },
      end() {},
    };
  },
});
