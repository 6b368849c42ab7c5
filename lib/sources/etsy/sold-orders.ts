import { type Consequence, ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { RepairedDates, readAmounts, readEtsyDate, skip } from './_helpers.ts';

const columns = {
  saleDate: ['Sale Date'],
  orderId: ['Order ID'],
  numberOfItems: ['Number of Items'],
  dateShipped: ['Date Shipped', 'Date Posted', 'Date Dispatched'],
  currency: ['Currency'],
  orderValue: ['Order Value'],
  discount: ['Discount Amount'],
  shippingDiscount: ['Shipping Discount', 'Delivery Discount', 'Postage Discount'],
  shipping: ['Shipping', 'Delivery', 'Postage'],
  salesTax: ['Sales Tax'],
  orderTotal: ['Order Total'],
  status: ['Status'],
  cardFees: ['Card Processing Fees'],
  orderNet: ['Order Net'],
  adjustedTotal: ['Adjusted Order Total'],
  adjustedFees: ['Adjusted Card Processing Fees'],
  adjustedNet: ['Adjusted Net Order Amount'],
} as const;

type Column = keyof typeof columns;

/** Columns a re-saved file may have lost, and what reading on without them means. */
const MISSING: ReadonlyArray<readonly [Column, Consequence]> = [
  ['discount', THEN.discountsNotSubtracted()],
  ['shipping', THEN.shippingNotAdded()],
  ['orderTotal', THEN.refundsNotRead()],
  ['cardFees', THEN.cardFeesNotRead()],
];

/**
 * Etsy "Sold Orders" download (`EtsySoldOrders<year>.csv`): one row per order.
 *
 * - Sale: `Order Value - Discount Amount + Shipping`. Sales tax is left out: `Order Total` also
 *   holds the tax Etsy collected and remitted, and in the real 2020-2022 files that tax is NOT in
 *   the `Sales Tax` column (0 there, yet `Order Total` exceeds value + shipping by a state's tax
 *   rate), so `Order Total - Sales Tax` would count it. `Shipping Discount` is not subtracted:
 *   in every real row that has one, `Shipping` is already 0 and `Order Total` is not reduced by
 *   it (it is the shipping price the seller waived).
 * - Fee: `Card Processing Fees` (listing and transaction fees are only in the statement).
 * - Refund: `Order Total - adjusted total`, dated on the sale date (the file has no refund date).
 *   `Adjusted Order Total` is empty or 0 in every real file, so the adjusted total is
 *   `Adjusted Net Order Amount + Adjusted Card Processing Fees` when it is 0. Unrefunded orders
 *   carry all-empty or all-zero Adjusted cells; an empty `Adjusted Order Total` beside zeros in
 *   the others is a full refund. The refund includes the buyer's tax (it cannot be separated).
 *   The processing fee Etsy gave back (`Card Processing Fees - Adjusted Card Processing Fees`)
 *   is a negative fee.
 * - Cancelled orders (`Status` says so) are left out.
 */
export const etsySoldOrders = defineFormat({
  id: 'etsy-sold-orders',
  platform: 'etsy',
  label: 'Etsy sold orders (EtsySoldOrders CSV)',
  delimiters: [','],
  columns,
  required: ['saleDate', 'orderId', 'currency', 'orderValue'],
  createReader(ctx) {
    const { header } = ctx;
    for (const [column, consequence] of MISSING) {
      if (!header.has(column)) {
        ctx.issue(null, column, ISSUE.missingColumn(columns[column][0], consequence));
      }
    }
    const repaired = new RepairedDates();
    return {
      row(cells, line) {
        const order = readRow(ctx, cells, line);
        if (!order) return;
        if (order.repairedDate) repaired.note(line, header.get(cells, 'saleDate'), order.date);
        emitOrder(ctx, order, line);
      },
      end() {
        const issue = repaired.message(header.label('saleDate'));
        if (issue) ctx.issue(issue.line, 'saleDate', issue.said);
      },
    };
  },
});

interface SoldOrder {
  id: string;
  date: string;
  repairedDate: boolean;
  currency: string;
  gross: number;
  fees: number;
  refund: number;
  feesGivenBack: number;
}

function readRow(ctx: ReaderContext<Column>, cells: readonly string[], line: number): SoldOrder | undefined {
  const { header } = ctx;
  const id = header.get(cells, 'orderId');
  if (!id) return skip(ctx, line, 'orderId', ISSUE.orderHasNoOrderId(THEN.itSkipped()));
  if (/cancel/i.test(header.get(cells, 'status'))) return undefined;
  const rawDate = header.get(cells, 'saleDate');
  const { date, repaired } = readEtsyDate(rawDate);
  if (!date) return skip(ctx, line, 'saleDate', ISSUE.notADate(rawDate, THEN.theOrderSkipped()));
  const rawCurrency = header.get(cells, 'currency');
  const currency = currencyCode(rawCurrency);
  if (!currency) {
    return skip(ctx, line, 'currency', ISSUE.notACurrency(rawCurrency, THEN.theOrderSkipped()));
  }
  const money = readAmounts(ctx, cells, line, currency, [
    'orderValue',
    'discount',
    'shipping',
    'orderTotal',
    'cardFees',
    'adjustedTotal',
    'adjustedFees',
    'adjustedNet',
  ]);
  if (!money) return undefined;
  const get = (column: Column) => money.get(column) ?? 0;
  const gross = get('orderValue') - get('discount') + get('shipping');
  let refund = 0;
  let feesGivenBack = 0;
  // Without Order Total no refund can be read (the file-level issue says so).
  if (header.has('orderTotal') && isAdjusted(ctx, cells, money)) {
    const adjustedTotal = get('adjustedTotal') || get('adjustedNet') + get('adjustedFees');
    refund = get('orderTotal') - adjustedTotal;
    feesGivenBack = get('cardFees') - get('adjustedFees');
    if (refund < 0) {
      ctx.issue(line, 'adjustedTotal', ISSUE.adjustedTotalTooLarge(id));
      refund = 0;
      feesGivenBack = 0;
    }
  }
  return { id, date, repairedDate: repaired, currency, gross, fees: get('cardFees'), refund, feesGivenBack };
}

/** Whether the Adjusted cells describe a refund (see the format's comment). */
function isAdjusted(
  ctx: ReaderContext<Column>,
  cells: readonly string[],
  money: Map<Column, number | null>,
): boolean {
  const adjusted: readonly Column[] = ['adjustedTotal', 'adjustedFees', 'adjustedNet'];
  if (adjusted.some((c) => (money.get(c) ?? 0) !== 0)) return true;
  // An empty Adjusted Order Total beside a filled Adjusted Net (not a deleted column).
  const { header } = ctx;
  return (
    header.has('adjustedTotal') &&
    header.get(cells, 'adjustedTotal') === '' &&
    header.get(cells, 'adjustedNet') !== ''
  );
}

function emitOrder(ctx: ReaderContext<Column>, order: SoldOrder, line: number): void {
  const { id, date, currency } = order;
  const base = { platform: 'etsy' as const, date, importId: ctx.importId, row: line, orderId: id };
  ctx.emit({
    ...base,
    kind: 'order',
    key: dedupeKey('etsy', 'order', id),
    gross: { amount: order.gross, currency },
    status: 'paid',
  });
  if (order.fees !== 0) {
    ctx.emit({
      ...base,
      kind: 'fee',
      // Same key as the statement's "Processing fee" row of this order.
      key: dedupeKey('etsy', 'fee', id, 'processing'),
      amount: { amount: order.fees, currency },
      feeType: 'Card processing',
    });
  }
  if (order.refund > 0) {
    ctx.emit({
      ...base,
      kind: 'refund',
      key: dedupeKey('etsy', 'refund', 'sold-orders', id),
      amount: { amount: order.refund, currency },
    });
  }
  if (order.feesGivenBack > 0) {
    ctx.emit({
      ...base,
      kind: 'fee',
      key: dedupeKey('etsy', 'fee', 'sold-orders', id, 'processing-refund'),
      amount: { amount: -order.feesGivenBack, currency },
      feeType: 'Card processing (refunded)',
    });
  }
}
