import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { currencyOfCell, ebayAmount, skip } from './_helpers.ts';

const columns = {
  salesRecord: ['Sales Record Number'],
  orderNumber: ['Order Number'],
  buyerUsername: ['Buyer Username'],
  itemNumber: ['Item Number'],
  itemTitle: ['Item Title'],
  quantity: ['Quantity'],
  soldFor: ['Sold For'],
  shipping: ['Shipping And Handling', 'Postage And Handling'],
  sellerTax: ['Seller Collected Tax'],
  ebayTax: ['eBay Collected Tax'],
  ebayCharges: ['eBay Collected Charges'],
  totalPrice: ['Total Price'],
  taxIncluded: ['eBay Collected Tax and Fees Included in Total', 'eBay Collected Tax Included in Total'],
  paymentMethod: ['Payment Method'],
  saleDate: ['Sale Date'],
  paidOn: ['Paid On Date'],
  transactionId: ['Transaction ID'],
} as const;

type Column = keyof typeof columns;

/** The cells of one data row that the reader needs once its order is complete. */
interface OrderRow {
  line: number;
  cells: readonly string[];
}

/** eBay's footer: `83 record(s) downloaded` (or `83,record(s) downloaded,from … to …`) and `Seller ID: …`. */
function isFooter(cells: readonly string[]): boolean {
  const first = cells[0]?.trim() ?? '';
  return /^seller id\s*:/i.test(first) || cells.slice(0, 2).some((c) => /record\(s\) downloaded/i.test(c));
}

/**
 * eBay Seller Hub orders report (Orders > Download report): one row per order, except that a
 * multi-item order is a summary row (order totals, no Item Number) followed by one row per item.
 *
 * - Rows are gathered by Sales Record Number (Order Number when it is empty); the order's money
 *   comes from its summary row when it has one (the item rows are not added: that would count
 *   the order twice), else from its rows.
 * - Sale: `Total Price - eBay Collected Tax` (eBay remits that tax), unless the file says the
 *   tax is not included in the total. `eBay Collected Charges` (recycling fees and the like) are
 *   left in: whether the total includes them is not documented.
 * - Orders with no `Paid On Date` are not paid yet and are left out; cancelled orders are not
 *   listed by eBay. The report has no fees, refunds or payouts.
 * - Money carries a currency marker (`$43.00`, `AU $3,000.00`, `EUR 90,00`); a bare number takes
 *   the currency last seen in the file.
 * - The blank or all-commas first line, the padding row after the header and the two footer lines
 *   are skipped silently.
 */
export const ebayOrders = defineFormat({
  id: 'ebay-orders',
  platform: 'ebay',
  label: 'eBay orders report (Seller Hub)',
  delimiters: [','],
  columns,
  required: ['salesRecord', 'orderNumber', 'soldFor', 'totalPrice', 'saleDate'],
  createReader(ctx) {
    const { header } = ctx;
    const groups = new Map<string, OrderRow[]>();
    const state = { currency: undefined as string | undefined };
    return {
      row(cells, line) {
        if (isFooter(cells)) return;
        const id = header.get(cells, 'salesRecord') || header.get(cells, 'orderNumber');
        if (!id) return void skip(ctx, line, 'orderNumber', ISSUE.rowHasNoOrderNumber(THEN.itSkipped()));
        const group = groups.get(id);
        if (group) group.push({ line, cells });
        else groups.set(id, [{ line, cells }]);
      },
      end() {
        for (const rows of groups.values()) readOrder(ctx, rows, state);
      },
    };
  },
});

/** The order's money rows: its summary row when it has one, else all of its rows. */
function moneyRows(ctx: ReaderContext<Column>, rows: readonly OrderRow[]): readonly OrderRow[] {
  if (rows.length < 2) return rows;
  const summary = rows.find((r) => ctx.header.get(r.cells, 'itemNumber') === '');
  return summary ? [summary] : rows;
}

function readOrder(
  ctx: ReaderContext<Column>,
  rows: readonly OrderRow[],
  state: { currency: string | undefined },
): void {
  const { header } = ctx;
  const get = (row: OrderRow, column: Column) => header.get(row.cells, column);
  if (header.has('paidOn') && rows.every((r) => get(r, 'paidOn') === '')) return; // not paid yet
  const money = moneyRows(ctx, rows);
  const first = money[0] as OrderRow;
  const orderId = rows.map((r) => get(r, 'orderNumber')).find((n) => n !== '') ?? get(first, 'salesRecord');
  const rawDate = get(first, 'saleDate') || get(first, 'paidOn');
  const date = parseDate(rawDate, 'mdy');
  if (!date) {
    return void skip(ctx, first.line, 'saleDate', ISSUE.notADate(rawDate, THEN.orderSkipped(orderId)));
  }
  const currency =
    money
      .map((r) => currencyOfCell(get(r, 'totalPrice')) ?? currencyOfCell(get(r, 'soldFor')))
      .find(Boolean) ?? state.currency;
  if (!currency) {
    return void skip(ctx, first.line, 'totalPrice', ISSUE.orderNamesNoCurrency(orderId, THEN.itSkipped()));
  }
  let gross = 0;
  for (const row of money) {
    const total = get(row, 'totalPrice');
    const totalValue = ebayAmount(total, currency);
    if (totalValue === null || totalValue === undefined) {
      const said =
        totalValue === null
          ? ISSUE.orderHasNoTotalPrice(orderId, THEN.itSkipped())
          : ISSUE.orderTotalPriceNotAmount(orderId, total, THEN.itSkipped());
      return void skip(ctx, row.line, 'totalPrice', said);
    }
    const taxText = get(row, 'ebayTax');
    const tax = ebayAmount(taxText, currency);
    if (tax === undefined) {
      return void skip(ctx, row.line, 'ebayTax', ISSUE.notAnAmount(taxText, THEN.orderSkipped(orderId)));
    }
    const included = !/^no$/i.test(get(row, 'taxIncluded'));
    gross += totalValue - (included ? (tax ?? 0) : 0);
  }
  state.currency = currency;
  ctx.emit({
    kind: 'order',
    platform: 'ebay',
    key: dedupeKey('ebay', 'order', orderId),
    date,
    importId: ctx.importId,
    row: first.line,
    orderId,
    gross: { amount: gross, currency },
    status: 'paid',
  });
}
