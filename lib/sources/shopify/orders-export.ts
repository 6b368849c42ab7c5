import type { Order } from '../../domain/records.ts';
import { parseAmount } from '../../import/amounts.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat } from '../format.ts';

/**
 * `Financial Status` (Shopify Help, "Order CSV column descriptions") to the order's status.
 * - paid, partially_refunded, refunded: the money was captured (refunds come from
 *   `Refunded Amount`).
 * - pending (cash on delivery, bank deposit, `custom` gateways), authorized (not captured yet),
 *   partially_paid, unpaid: a sale not yet paid. Status `pending`: kept, but not a paid sale.
 * - voided (authorization released), expired (authorization lapsed): never paid. `cancelled`.
 */
const STATUS: Readonly<Record<string, Order['status']>> = {
  paid: 'paid',
  partially_refunded: 'paid',
  refunded: 'paid',
  pending: 'pending',
  authorized: 'pending',
  partially_paid: 'pending',
  unpaid: 'pending',
  voided: 'cancelled',
  expired: 'cancelled',
};

/**
 * `Source` values of marketplaces whose orders are synced into Shopify (TikTok Shop seen in a
 * real file, with Payment Method `tiktok_shop`): named in `marketplace`, since the buyer paid the
 * marketplace, not the store, and the marketplace's own reports may hold the same sale.
 */
const MARKETPLACE_SOURCES: Readonly<Record<string, string>> = {
  tiktok: 'TikTok Shop',
  amazon: 'Amazon',
  ebay: 'eBay',
  walmart: 'Walmart',
  etsy: 'Etsy',
};

/**
 * Shopify admin orders export (`orders_export.csv`, FORMATS.md 2a; 75 columns in 2021, 79 since).
 *
 * One row per line item; the order's money (`Total`, `Refunded Amount`, `Financial Status`,
 * `Currency`…) is only on the first row of each order (`Name`). Rows that repeat a `Name` with an
 * empty `Financial Status` and `Total` are its other line items: skipped, never $0 orders.
 *
 * - One `order` per `Name`, keyed `shopify:order:<Name>` like the Payments transactions export.
 * - Date: `Created at` (Shopify's sales reports and order list group by it; `Paid at` is empty
 *   for unpaid orders), the calendar date as printed in the store's time zone.
 * - Gross: `Total`, which includes shipping, the taxes the store collects itself (Shopify does
 *   not remit them) and duties, after discounts, before refunds (a refund does not lower it).
 * - `Refunded Amount` > 0: one `refund`, keyed `shopify:refund:<Name>`. The export has no refund
 *   date, so it is dated on the order date; a refund made in a later month therefore shows in
 *   the order's month. The amount is the order's refunds to date.
 * - `Payment Method` (gateways joined with ` + `) is not needed: the export does not split the
 *   total by gateway.
 */
export const shopifyOrdersExport = defineFormat({
  id: 'shopify-orders',
  platform: 'shopify',
  label: 'Shopify orders export',
  delimiters: [','],
  columns: {
    name: ['Name'],
    financialStatus: ['Financial Status'],
    currency: ['Currency'],
    total: ['Total'],
    createdAt: ['Created at'],
    cancelledAt: ['Cancelled at'],
    refunded: ['Refunded Amount'],
    lineitemName: ['Lineitem name'],
    source: ['Source'],
  },
  required: ['name', 'financialStatus', 'currency', 'total', 'createdAt', 'refunded', 'lineitemName'],
  createReader(ctx) {
    const { header } = ctx;
    const seen = new Set<string>();
    return {
      row(cells, line) {
        const name = header.get(cells, 'name');
        const statusText = header.get(cells, 'financialStatus');
        // Another line item of an order: its money is on the order's first row.
        if (statusText === '' && header.get(cells, 'total') === '') return;
        if (name === '') return ctx.issue(line, 'name', ISSUE.orderHasNoName(THEN.rowSkipped()));
        const financial = STATUS[statusText.toLowerCase()];
        if (financial === undefined) {
          return ctx.issue(
            line,
            'financialStatus',
            ISSUE.notShopifyFinancialStatus(statusText, THEN.orderSkipped(name)),
          );
        }
        const rawDate = header.get(cells, 'createdAt');
        const date = parseDate(rawDate, 'ymd');
        if (!date) return ctx.issue(line, 'createdAt', ISSUE.notADate(rawDate, THEN.orderSkipped(name)));
        const currency = currencyCode(header.get(cells, 'currency'));
        if (!currency) {
          return ctx.issue(
            line,
            'currency',
            ISSUE.notACurrency(header.get(cells, 'currency'), THEN.orderSkipped(name)),
          );
        }
        const totalText = header.get(cells, 'total');
        const total = parseAmount(totalText, minorUnitExponent(currency), '.');
        if (total === undefined || total === null) {
          return ctx.issue(line, 'total', ISSUE.notAnAmount(totalText, THEN.orderSkipped(name)));
        }
        // The same order twice in one file (files pasted together): counted once.
        if (seen.has(name)) return;
        seen.add(name);

        const cancelled = header.get(cells, 'cancelledAt') !== '';
        // An unpaid order that was cancelled was never paid; a paid one that was cancelled was
        // (its refund, if any, is in Refunded Amount).
        const status = financial === 'pending' && cancelled ? 'cancelled' : financial;
        const marketplace = MARKETPLACE_SOURCES[header.get(cells, 'source').toLowerCase()];
        const base = { platform: 'shopify' as const, date, importId: ctx.importId, row: line, orderId: name };
        ctx.emit({
          ...base,
          kind: 'order',
          key: dedupeKey('shopify', 'order', name),
          gross: { amount: total, currency },
          status,
          ...(marketplace ? { marketplace } : {}),
        });

        const refundedText = header.get(cells, 'refunded');
        const refunded = parseAmount(refundedText, minorUnitExponent(currency), '.');
        if (refunded === undefined) {
          return ctx.issue(line, 'refunded', ISSUE.notAnAmount(refundedText, THEN.refundNotRecorded(name)));
        }
        if (refunded !== null && refunded > 0) {
          ctx.emit({
            ...base,
            kind: 'refund',
            key: dedupeKey('shopify', 'refund', name),
            amount: { amount: refunded, currency },
          });
        }
      },
      end() {},
    };
  },
});
