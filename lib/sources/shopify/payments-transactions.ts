import type { LedgerEntry } from '../../domain/records.ts';
import { parseDate } from '../../import/dates.ts';
import { amountCell, currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat } from '../format.ts';
import { chronological, Occurrences, shopifyTimestamp } from './keys.ts';

/**
 * Shopify Payments transactions export (`payment_transactions_export_1.csv`, FORMATS.md 2b): one
 * row per charge, refund, adjustment or dispute, with the processing fee beside it. Newest first.
 *
 * - Orders: one `order` per charge, keyed `shopify:order:<Name>` like the orders export, so
 *   importing both files counts each order once. An order charged twice (an order edit) gets
 *   `:2` on its later charge, numbered chronologically within the file.
 * - `marketplace sales tax` rows are sales tax Shopify collected inside the charge and remits
 *   itself: they are taken off the order's gross (gross excludes marketplace-remitted tax).
 * - `shop_cash_credit` rows are Shop Cash the buyer paid the order with (Shopify pays it): added
 *   to the order's gross. Both fall back to an adjustment when the order's charge is not in the
 *   file. `shop_cash_campaign_billing_debit` is the seller's Shop Cash campaign bill: a fee.
 * - Refunds are keyed `shopify:refund:<Name>` (later ones `:2`…), like the orders export.
 * - `Fee` is the processing fee of the row (0.00 on refunds: it is not given back). A `VAT`
 *   column, when present, is VAT included in that fee (Net = Amount - Fee in every sample), so it
 *   is not counted again. `Presentment Amount` is positive even on refunds: never used.
 */
export const shopifyPaymentsTransactions = defineFormat({
  id: 'shopify-payments-transactions',
  platform: 'shopify',
  label: 'Shopify Payments transactions export',
  delimiters: [','],
  columns: {
    date: ['Transaction Date'],
    type: ['Type'],
    order: ['Order'],
    payoutStatus: ['Payout Status'],
    payoutId: ['Payout ID'],
    amount: ['Amount'],
    fee: ['Fee'],
    net: ['Net'],
    checkout: ['Checkout'],
    currency: ['Currency'],
    cardBrand: ['Card Brand'],
    vat: ['VAT'],
  },
  required: ['date', 'type', 'amount', 'fee', 'net', 'currency', 'cardBrand'],
  createReader(ctx) {
    const { header } = ctx;
    /** Charges and refunds wait for `end`: keys are numbered in time order, not file order. */
    const charges = new Map<string, Movement[]>();
    const refunds = new Map<string, Movement[]>();
    /** Marketplace tax and Shop Cash per order, applied to its first charge at `end`. */
    const extras = new Map<string, Movement[]>();
    const rowIds = new Occurrences();

    const push = (map: Map<string, Movement[]>, m: Movement) => {
      const group = `${m.order}|${m.currency}`;
      const list = map.get(group);
      if (list) list.push(m);
      else map.set(group, [m]);
    };

    return {
      row(cells, line) {
        const rawDate = header.get(cells, 'date');
        const date = parseDate(rawDate, 'ymd');
        if (!date) return ctx.issue(line, 'date', `"${rawDate}" is not a date; the row was skipped.`);
        const currency = currencyCode(header.get(cells, 'currency'));
        if (!currency) {
          return ctx.issue(
            line,
            'currency',
            `"${header.get(cells, 'currency')}" is not a currency code; the row was skipped.`,
          );
        }
        const amount = amountCell(ctx, cells, 'amount', currency, line, '.');
        const fee = amountCell(ctx, cells, 'fee', currency, line, '.');
        if (amount === undefined || fee === undefined) return;
        const typeText = header.get(cells, 'type');
        const type = typeText.toLowerCase();
        const order = header.get(cells, 'order');
        // The export has no transaction id: date-time, type, order and amount identify a row.
        const id = rowIds.key([rawDate, type, order || header.get(cells, 'checkout'), amount].join('|'));
        const base = {
          platform: 'shopify' as const,
          date,
          importId: ctx.importId,
          row: line,
          ...(order ? { orderId: order } : {}),
        };
        const movement: Movement = {
          line,
          date,
          stamp: shopifyTimestamp(rawDate),
          order,
          currency,
          amount,
          id,
        };
        const emitAdjustment = () => {
          if (amount === 0) return;
          ctx.emit({
            ...base,
            kind: 'adjustment',
            key: dedupeKey('shopify', 'adjustment', 'payments', id),
            amount: { amount, currency },
            description: typeText,
          });
        };

        switch (type) {
          case 'charge':
          case 'sale':
            if (order) push(charges, movement);
            else emitPaymentWithoutOrder(movement, ctx.emit, ctx.importId);
            break;
          case 'refund':
            // A positive refund row (a refund that failed and came back) is not money returned.
            if (amount >= 0) emitAdjustment();
            else if (order) push(refunds, movement);
            else
              ctx.emit({
                ...base,
                kind: 'refund',
                key: dedupeKey('shopify', 'refund', 'payments', id),
                amount: { amount: -amount, currency },
              });
            break;
          case 'marketplace sales tax':
          case 'shop_cash_credit':
            if (order) push(extras, { ...movement, description: typeText });
            else emitAdjustment();
            break;
          case 'shop_cash_campaign_billing_debit':
            if (amount !== 0) {
              ctx.emit({
                ...base,
                kind: 'fee',
                key: dedupeKey('shopify', 'fee', 'payments', id, 'campaign'),
                amount: { amount: -amount, currency },
                feeType: 'Shop Cash campaign',
              });
            }
            break;
          case 'chargeback':
          case 'dispute':
            // A dispute takes the money back (negative); a won dispute returns it (positive).
            if (amount < 0) {
              ctx.emit({
                ...base,
                kind: 'chargeback',
                key: dedupeKey('shopify', 'chargeback', 'payments', id),
                amount: { amount: -amount, currency },
              });
            } else emitAdjustment();
            break;
          case 'reserve':
          case 'reserved funds':
            if (amount !== 0) {
              ctx.emit({
                ...base,
                kind: 'reserve',
                key: dedupeKey('shopify', 'reserve', 'payments', id),
                amount: { amount: -amount, currency },
              });
            }
            break;
          default:
            emitAdjustment();
        }
        if (fee !== 0) {
          ctx.emit({
            ...base,
            kind: 'fee',
            key: dedupeKey('shopify', 'fee', 'payments', id),
            amount: { amount: fee, currency },
            feeType: 'Payment processing',
          });
        }
      },
      end() {
        for (const [group, list] of charges) {
          const added = extras.get(group) ?? [];
          extras.delete(group);
          emitOrderCharges(list, added, ctx.emit, ctx.importId);
        }
        for (const list of refunds.values()) emitOrderRefunds(list, ctx.emit, ctx.importId);
        // Tax or Shop Cash whose order has no charge in this file: kept as adjustments.
        for (const list of extras.values()) {
          for (const m of list) {
            if (m.amount === 0) continue;
            ctx.emit({
              ...entryBase(m, ctx.importId),
              kind: 'adjustment',
              key: dedupeKey('shopify', 'adjustment', 'payments', m.id),
              amount: { amount: m.amount, currency: m.currency },
              description: m.description ?? 'adjustment',
            });
          }
        }
      },
    };
  },
});

/** A charge, refund or per-order extra kept until the end of the file. */
interface Movement {
  line: number;
  date: string;
  stamp: number;
  order: string;
  currency: string;
  amount: number;
  /** The row's identity (date-time, type, order, amount), for keys of rows without an order. */
  id: string;
  description?: string;
}

function entryBase(m: Movement, importId: string) {
  return {
    platform: 'shopify' as const,
    date: m.date,
    importId,
    row: m.line,
    ...(m.order ? { orderId: m.order } : {}),
  };
}

/** The order's charges in time order: the first carries the order key, tax and Shop Cash. */
function emitOrderCharges(
  list: readonly Movement[],
  added: readonly Movement[],
  emit: (entry: LedgerEntry) => void,
  importId: string,
): void {
  const extra = added.reduce((sum, m) => sum + m.amount, 0);
  chronological(list).forEach((m, i) => {
    const n = i + 1;
    emit({
      ...entryBase(m, importId),
      kind: 'order',
      key: n === 1 ? dedupeKey('shopify', 'order', m.order) : dedupeKey('shopify', 'order', m.order, n),
      orderId: m.order,
      gross: { amount: n === 1 ? m.amount + extra : m.amount, currency: m.currency },
      status: 'paid',
    });
  });
}

function emitOrderRefunds(
  list: readonly Movement[],
  emit: (entry: LedgerEntry) => void,
  importId: string,
): void {
  chronological(list).forEach((m, i) => {
    const n = i + 1;
    emit({
      ...entryBase(m, importId),
      kind: 'refund',
      key: n === 1 ? dedupeKey('shopify', 'refund', m.order) : dedupeKey('shopify', 'refund', m.order, n),
      amount: { amount: -m.amount, currency: m.currency },
    });
  });
}

/** A charge with no order name (not seen in real files): keyed by the row itself. */
function emitPaymentWithoutOrder(m: Movement, emit: (entry: LedgerEntry) => void, importId: string): void {
  emit({
    ...entryBase(m, importId),
    kind: 'order',
    key: dedupeKey('shopify', 'order', 'payments', m.id),
    orderId: m.id,
    gross: { amount: m.amount, currency: m.currency },
    status: 'paid',
  });
}
