import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { RepairedDates, readAmounts, readEtsyDate, skip } from './_helpers.ts';

const columns = {
  saleDate: ['Sale Date'],
  itemName: ['Item Name'],
  quantity: ['Quantity'],
  price: ['Price'],
  discount: ['Discount Amount'],
  shippingDiscount: ['Shipping Discount', 'Delivery Discount', 'Postage Discount'],
  orderShipping: ['Order Shipping', 'Order Delivery', 'Order Postage'],
  orderSalesTax: ['Order Sales Tax'],
  itemTotal: ['Item Total'],
  currency: ['Currency'],
  transactionId: ['Transaction ID'],
  listingId: ['Listing ID'],
  datePaid: ['Date Paid'],
  orderId: ['Order ID'],
  variations: ['Variations'],
  vatPaidByBuyer: ['VAT Paid by Buyer'],
} as const;

type Column = keyof typeof columns;

/** One order being gathered from its item rows. */
interface PendingOrder {
  id: string;
  line: number;
  date: string;
  currency: string;
  items: number;
  /** Order-level cells: the largest value seen on the order's rows (see the format's comment). */
  discount: number;
  shipping: number;
  broken: boolean;
}

/**
 * Etsy "Sold Order Items" download (`EtsySoldOrderItems<year>.csv`): one row per item; the rows
 * of one order are gathered into one order record keyed like the Sold Orders file's, so importing
 * both never counts an order twice.
 *
 * - Sale: sum of `Item Total` - `Discount Amount` + `Order Shipping`. Sales tax and VAT paid by
 *   the buyer are left out (Etsy collects and remits them). `Shipping Discount` is not
 *   subtracted, as in the Sold Orders file (the shipping the seller waived; `Order Shipping` is
 *   already net of it).
 * - `Discount Amount`, `Order Shipping` and `Order Sales Tax` are order-level: FORMATS.md says they
 *   repeat on every item row, the real files put them on the order's first row with 0 on the
 *   others. The largest value seen per order is right in both cases; summing them would not be.
 * - An order with one unreadable row is left out whole (its sum would be wrong), with an issue.
 * - The file has no fees or refunds.
 */
export const etsySoldOrderItems = defineFormat({
  id: 'etsy-sold-order-items',
  platform: 'etsy',
  label: 'Etsy sold order items (EtsySoldOrderItems CSV)',
  delimiters: [','],
  columns,
  required: ['saleDate', 'itemName', 'itemTotal', 'orderId', 'currency'],
  createReader(ctx) {
    const { header } = ctx;
    const orders = new Map<string, PendingOrder>();
    const repaired = new RepairedDates();
    return {
      row(cells, line) {
        const id = header.get(cells, 'orderId');
        if (!id) return void skip(ctx, line, 'orderId', ISSUE.itemHasNoOrderId(THEN.itSkipped()));
        const item = readItem(ctx, cells, line);
        const order = orders.get(id);
        if (!item) {
          if (order) order.broken = true;
          else orders.set(id, { ...EMPTY, id, line, broken: true });
          return;
        }
        if (item.repairedDate) repaired.note(line, header.get(cells, 'saleDate'), item.order.date);
        if (!order) {
          orders.set(id, { id, line, broken: false, ...item.order, items: item.total });
          return;
        }
        if (order.broken) return;
        if (order.currency !== item.order.currency) {
          order.broken = true;
          ctx.issue(
            line,
            'currency',
            ISSUE.orderMixedCurrencies(id, order.currency, item.order.currency, THEN.theOrderSkipped()),
          );
          return;
        }
        order.items += item.total;
        order.discount = Math.max(order.discount, item.order.discount);
        order.shipping = Math.max(order.shipping, item.order.shipping);
      },
      end() {
        for (const order of orders.values()) {
          if (order.broken) continue;
          ctx.emit({
            kind: 'order',
            platform: 'etsy',
            key: dedupeKey('etsy', 'order', order.id),
            date: order.date,
            importId: ctx.importId,
            row: order.line,
            orderId: order.id,
            gross: { amount: order.items - order.discount + order.shipping, currency: order.currency },
            status: 'paid',
          });
        }
        const issue = repaired.message(header.label('saleDate'));
        if (issue) ctx.issue(issue.line, 'saleDate', issue.said);
      },
    };
  },
});

const EMPTY = { date: '', currency: '', items: 0, discount: 0, shipping: 0 };

interface Item {
  repairedDate: boolean;
  total: number;
  order: { date: string; currency: string; discount: number; shipping: number };
}

function readItem(ctx: ReaderContext<Column>, cells: readonly string[], line: number): Item | undefined {
  const { header } = ctx;
  const id = header.get(cells, 'orderId');
  const rawDate = header.get(cells, 'saleDate');
  const { date, repaired } = readEtsyDate(rawDate);
  if (!date) {
    return skip(ctx, line, 'saleDate', ISSUE.notADate(rawDate, THEN.orderSkipped(id)));
  }
  const rawCurrency = header.get(cells, 'currency');
  const currency = currencyCode(rawCurrency);
  if (!currency) {
    return skip(ctx, line, 'currency', ISSUE.notACurrency(rawCurrency, THEN.orderSkipped(id)));
  }
  const money = readAmounts(
    ctx,
    cells,
    line,
    currency,
    ['itemTotal', 'price', 'discount', 'orderShipping'],
    THEN.itemAndOrderSkipped(id),
  );
  if (!money) return undefined;
  let total = money.get('itemTotal');
  if (total === null || total === undefined) {
    // A re-saved file may have lost Item Total: quantity x unit price.
    const quantity = Number(header.get(cells, 'quantity') || '1');
    const price = money.get('price');
    if (price === null || price === undefined || !Number.isInteger(quantity)) {
      return skip(ctx, line, 'itemTotal', ISSUE.itemHasNoTotal(THEN.orderSkipped(id)));
    }
    total = price * quantity;
  }
  return {
    repairedDate: repaired,
    total,
    order: {
      date,
      currency,
      discount: money.get('discount') ?? 0,
      shipping: money.get('orderShipping') ?? 0,
    },
  };
}
