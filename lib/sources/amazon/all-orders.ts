import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { isNonAmazon, LocaleGuess, PendingRows, readAmount } from './_locale.ts';

/**
 * Amazon All Orders report (`GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL`, and the
 * same columns by last update): tab separated, one row per order item, `item-price` the total for
 * the item's quantity. Its column set changed over time (`url`, `cpf`, `is-sold-by-ab`,
 * `tax-collection-model`…), so only the money and status columns are looked up.
 *
 * Gross per order = item-price + shipping-price + gift-wrap-price − promotion discounts.
 * `item-tax`, `shipping-tax` and `gift-wrap-tax` are left out: the report does not say who
 * collected them, and in both big cases leaving them out is right — in the US every state makes
 * Amazon the marketplace facilitator that remits sales tax, and on EU marketplaces `item-price`
 * already includes the VAT that `item-tax` restates.
 */
const COLUMNS = {
  orderId: ['amazon-order-id'],
  purchaseDate: ['purchase-date'],
  orderStatus: ['order-status'],
  salesChannel: ['sales-channel'],
  itemStatus: ['item-status'],
  currency: ['currency'],
  itemPrice: ['item-price'],
  shippingPrice: ['shipping-price'],
  giftWrapPrice: ['gift-wrap-price'],
  itemPromotionDiscount: ['item-promotion-discount'],
  shipPromotionDiscount: ['ship-promotion-discount'],
} as const;

type Column = keyof typeof COLUMNS;

const PRICES: readonly Column[] = ['itemPrice', 'shippingPrice', 'giftWrapPrice'];
const DISCOUNTS: readonly Column[] = ['itemPromotionDiscount', 'shipPromotionDiscount'];

interface OrderTotals {
  line: number;
  orderId: string;
  date: string;
  currency: string;
  gross: number;
  pending: boolean;
  marketplace: string;
}

export const amazonAllOrders = defineFormat({
  id: 'amazon-all-orders',
  platform: 'amazon',
  label: 'Amazon All Orders report',
  delimiters: ['\t'],
  columns: COLUMNS,
  required: ['orderId', 'purchaseDate', 'orderStatus', 'salesChannel', 'currency', 'itemPrice'],
  createReader(ctx) {
    return new AllOrdersReader(ctx);
  },
});

class AllOrdersReader {
  private readonly guess = new LocaleGuess('.', 'mdy');
  private readonly pending: PendingRows;
  private readonly orders = new Map<string, OrderTotals>();

  constructor(private readonly ctx: ReaderContext<Column>) {
    this.pending = new PendingRows(
      () => this.guess.settled,
      (cells, line) => this.read(cells, line),
    );
  }

  row(cells: readonly string[], line: number): void {
    const { header } = this.ctx;
    for (const c of [...PRICES, ...DISCOUNTS]) this.guess.observeAmount(header.get(cells, c));
    this.guess.observeDate(header.get(cells, 'purchaseDate'));
    this.pending.push(cells, line);
  }

  end(): void {
    this.pending.flush();
    for (const o of this.orders.values()) {
      this.ctx.emit({
        platform: 'amazon',
        kind: 'order',
        key: dedupeKey('amazon', 'order', o.orderId),
        date: o.date,
        importId: this.ctx.importId,
        row: o.line,
        orderId: o.orderId,
        gross: { amount: o.gross, currency: o.currency },
        status: o.pending ? 'pending' : 'paid',
        ...(o.marketplace ? { marketplace: o.marketplace } : {}),
      });
    }
  }

  private read(cells: readonly string[], line: number) {
    const { ctx } = this;
    const { header } = ctx;
    const orderId = header.get(cells, 'orderId');
    const status = header.get(cells, 'orderStatus').toLowerCase();
    const marketplace = header.get(cells, 'salesChannel');
    // Cancelled orders and items never sold; multi-channel (`Non-Amazon`) orders were sold elsewhere.
    if (status === 'cancelled' || header.get(cells, 'itemStatus').toLowerCase() === 'cancelled') return;
    if (isNonAmazon(marketplace)) return;
    // Pending orders (payment not yet authorised) often have no prices yet: nothing to count.
    if (PRICES.every((c) => header.get(cells, c) === '')) return;
    if (!orderId) return ctx.issue(line, 'orderId', ISSUE.rowHasNoAmazonOrderId(THEN.itSkipped()));
    const rawDate = header.get(cells, 'purchaseDate');
    const date = this.guess.date(rawDate);
    if (!date) return ctx.issue(line, 'purchaseDate', ISSUE.notADate(rawDate, THEN.rowSkipped()));
    const currency = currencyCode(header.get(cells, 'currency'));
    if (!currency) {
      return ctx.issue(
        line,
        'currency',
        ISSUE.notACurrency(header.get(cells, 'currency'), THEN.rowSkipped()),
      );
    }
    let gross = 0;
    for (const c of PRICES) {
      const value = readAmount(ctx, this.guess, cells, c, currency, line);
      if (value === undefined) return;
      gross += value;
    }
    for (const c of DISCOUNTS) {
      const value = readAmount(ctx, this.guess, cells, c, currency, line);
      if (value === undefined) return;
      // Amazon writes discounts negative in some files and positive in others; a discount always
      // lowers what the buyer paid.
      gross -= Math.abs(value);
    }
    const order = this.orders.get(orderId);
    if (!order) {
      this.orders.set(orderId, {
        line,
        orderId,
        date,
        currency,
        gross,
        pending: status.startsWith('pending'),
        marketplace,
      });
    } else if (order.currency !== currency) {
      ctx.issue(
        line,
        'currency',
        ISSUE.orderCurrencyChanged(orderId, order.currency, currency, THEN.thisRowSkipped()),
      );
    } else {
      order.gross += gross;
    }
  }
}
