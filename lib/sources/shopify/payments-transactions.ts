import { parseDate } from '../../import/dates.ts';
import { amountCell, currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat } from '../format.ts';

/**
 * Shopify Payments transactions export (`payment_transactions_export_1.csv`): one row per
 * charge, refund, adjustment or dispute, with the processing fee beside it.
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
  },
  required: ['date', 'type', 'amount', 'fee', 'net', 'currency', 'cardBrand'],
  createReader(ctx) {
    const { header } = ctx;
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
        const type = header.get(cells, 'type').toLowerCase();
        const order = header.get(cells, 'order');
        // The export has no transaction id: date-time, type, order and amount identify a row.
        const id = [rawDate, type, order || header.get(cells, 'checkout'), amount].join('|');
        const base = {
          platform: 'shopify' as const,
          date,
          importId: ctx.importId,
          row: line,
          ...(order ? { orderId: order } : {}),
        };
        switch (type) {
          case 'charge':
          case 'sale':
            ctx.emit({
              ...base,
              kind: 'order',
              key: dedupeKey('shopify', 'order', 'payments', id),
              orderId: order || id,
              gross: { amount, currency },
              status: 'paid',
            });
            break;
          case 'refund':
            ctx.emit({
              ...base,
              kind: 'refund',
              key: dedupeKey('shopify', 'refund', 'payments', id),
              amount: { amount: Math.abs(amount), currency },
            });
            break;
          case 'chargeback':
          case 'dispute':
            ctx.emit({
              ...base,
              kind: 'chargeback',
              key: dedupeKey('shopify', 'chargeback', 'payments', id),
              amount: { amount: Math.abs(amount), currency },
            });
            break;
          case 'reserve':
          case 'reserved funds':
            ctx.emit({
              ...base,
              kind: 'reserve',
              key: dedupeKey('shopify', 'reserve', 'payments', id),
              amount: { amount: -amount, currency },
            });
            break;
          default:
            if (amount !== 0) {
              ctx.emit({
                ...base,
                kind: 'adjustment',
                key: dedupeKey('shopify', 'adjustment', 'payments', id),
                amount: { amount, currency },
                description: header.get(cells, 'type'),
              });
            }
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
      end() {},
    };
  },
});
