import { parseDate } from '../../import/dates.ts';
import { type Consequence, ISSUE, THEN } from '../../import/issue-texts.ts';
import type { LedgerEntry } from '../entries.ts';
import { currencyCode, dedupeKey, Occurrences } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { currencyOfCell, readAmounts, skip } from './_helpers.ts';

const columns = {
  date: ['Transaction creation date'],
  type: ['Type'],
  orderNumber: ['Order number'],
  legacyOrderId: ['Legacy order ID'],
  netAmount: ['Net amount'],
  payoutCurrency: ['Payout currency'],
  payoutDate: ['Payout date'],
  payoutId: ['Payout ID'],
  payoutStatus: ['Payout status'],
  itemId: ['Item ID'],
  transactionId: ['Transaction ID'],
  itemTitle: ['Item title'],
  quantity: ['Quantity'],
  itemSubtotal: ['Item subtotal'],
  shipping: ['Shipping and handling', 'Postage and packaging'],
  sellerTax: ['Seller collected tax'],
  ebayTax: ['eBay collected tax'],
  fvfFixed: ['Final Value Fee - fixed'],
  fvfVariable: ['Final Value Fee - variable'],
  regulatoryFee: ['Regulatory operating fee'],
  inadFee: ['Very high "item not as described" fee', 'Very high fee'],
  belowStandardFee: ['Below standard performance fee'],
  internationalFee: ['International fee'],
  depositFee: ['Deposit processing fee'],
  charity: ['Charity donation'],
  grossAmount: ['Gross transaction amount'],
  currency: ['Transaction currency'],
  referenceId: ['Reference ID'],
  description: ['Description'],
} as const;

type Column = keyof typeof columns;

/** Fee columns, and the fee type each becomes. Negative in the file when charged. */
const FEES = [
  ['fvfFixed', 'Final value fee (fixed)'],
  ['fvfVariable', 'Final value fee'],
  ['regulatoryFee', 'Regulatory operating fee'],
  ['inadFee', 'Very high "item not as described" fee'],
  ['belowStandardFee', 'Below standard performance fee'],
  ['internationalFee', 'International fee'],
  ['depositFee', 'Deposit processing fee'],
] as const satisfies ReadonlyArray<readonly [Column, string]>;

const MONEY: readonly Column[] = [
  'netAmount',
  'grossAmount',
  'itemSubtotal',
  'shipping',
  'sellerTax',
  'ebayTax',
  'charity',
  ...FEES.map(([c]) => c),
];

/** One data row, read. Money in minor units, null where the cell is empty or `--`. */
interface Row {
  line: number;
  date: string;
  type: string;
  orderId: string;
  currency: string;
  money: Map<Column, number | null>;
  cell: (column: Column) => string;
}

/**
 * eBay transaction report (Seller Hub > Payments > Reports): every movement of the seller's eBay
 * balance. A BOM and a preamble ending `Seller,<id>` come before the header; `--` is empty;
 * fees are negative; sellers can add and remove columns.
 *
 * - `Order` rows are gathered by order number into one order (a multi-item order is a rollup row
 *   with the totals and one row per item with its own amounts; nothing is counted twice). Sale:
 *   `Gross transaction amount - eBay collected tax` (eBay remits that tax), summed over the rows
 *   that have a gross; when no row has one, `Item subtotal + Shipping and handling + Seller
 *   collected tax`; failing that, `Net amount` minus the fees.
 * - Fees: the fee columns of every row, sign flipped (refunded fees become negative fees);
 *   `Other fee` rows: their net amount. `Charity donation` is an adjustment.
 * - `Refund`: a refund of the same amount as a sale would be (eBay collected tax excluded).
 * - Payouts come from `Payout` rows only. The `Payout ID`/`Payout date` columns on Order rows
 *   only say which payout carried an order: counting them too would count each payout twice.
 * - `Claim`, `Payment dispute`: chargebacks (adjustments when money came back); `Hold`: reserve;
 *   `Shipping label`, `Transfer` and anything else: adjustments of their net amount.
 */
export const ebayTransactions = defineFormat({
  id: 'ebay-transactions',
  platform: 'ebay',
  label: 'eBay transaction report (Seller Hub payments)',
  delimiters: [','],
  columns,
  required: ['date', 'type'],
  createReader(ctx) {
    const occurrences = new Occurrences('#');
    const orders = new Map<string, RawRow[]>();
    // Item rows of a multi-item order may leave the currency columns empty (`--`).
    const file: { currency?: string } = {};
    return {
      row(cells, line) {
        const raw = { line, cells };
        const own = ownCurrency(ctx, cells);
        file.currency ??= own;
        if (ctx.header.get(cells, 'type').toLowerCase() === 'order') {
          const id = orderIdOf(ctx, cells);
          if (!id) return void skip(ctx, line, 'orderNumber', ISSUE.orderHasNoOrderNumber(THEN.itSkipped()));
          const rows = orders.get(id);
          if (rows) rows.push(raw);
          else orders.set(id, [raw]);
          return;
        }
        const row = readRow(ctx, raw, own, THEN.rowSkipped());
        if (row) readOther(ctx, row, occurrences);
      },
      end() {
        for (const [id, raws] of orders) {
          const currency = raws.map((r) => ownCurrency(ctx, r.cells)).find(Boolean) ?? file.currency;
          const rows: Row[] = [];
          for (const raw of raws) {
            const row = readRow(ctx, raw, currency, THEN.orderSkipped(id));
            if (!row) break;
            rows.push(row);
          }
          if (rows.length === raws.length) emitOrder(ctx, rows);
        }
      },
    };
  },
});

/** A data row as the file gives it. */
interface RawRow {
  line: number;
  cells: readonly string[];
}

/** The row's own currency: its currency columns, else a marker in its amounts. */
function ownCurrency(ctx: ReaderContext<Column>, cells: readonly string[]): string | undefined {
  const cell = (column: Column) => ctx.header.get(cells, column);
  return (
    currencyCode(cell('currency')) ??
    currencyCode(cell('payoutCurrency')) ??
    currencyOfCell(cell('netAmount')) ??
    currencyOfCell(cell('grossAmount'))
  );
}

function orderIdOf(ctx: ReaderContext<Column>, cells: readonly string[]): string {
  const ids = [ctx.header.get(cells, 'orderNumber'), ctx.header.get(cells, 'legacyOrderId')];
  return ids.find((id) => id !== '' && id !== '--') ?? '';
}

function readRow(
  ctx: ReaderContext<Column>,
  { line, cells }: RawRow,
  currency: string | undefined,
  skipped: Consequence,
): Row | undefined {
  // `--` is eBay's empty cell.
  const cell = (column: Column) => {
    const text = ctx.header.get(cells, column);
    return text === '--' ? '' : text;
  };
  const rawDate = cell('date');
  const date = parseDate(rawDate, 'mdy');
  if (!date) return skip(ctx, line, 'date', ISSUE.notADate(rawDate, skipped));
  if (!currency) {
    return skip(ctx, line, 'currency', ISSUE.notACurrency(cell('currency'), skipped));
  }
  const money = readAmounts(ctx, cells, line, currency, MONEY, skipped);
  if (!money) return undefined;
  return { line, date, type: cell('type'), orderId: orderIdOf(ctx, cells), currency, money, cell };
}

const sumOf = (row: Row, columnsToAdd: readonly Column[]) =>
  columnsToAdd.reduce((sum, c) => sum + (row.money.get(c) ?? 0), 0);
const hasAny = (row: Row, columnsToCheck: readonly Column[]) =>
  columnsToCheck.some((c) => row.money.get(c) !== null && row.money.get(c) !== undefined);

const FEE_COLUMNS = FEES.map(([c]) => c);

/**
 * What the buyer paid (positive for a sale, negative for a refund), eBay collected tax excluded,
 * over the rows of one order or one refund (see the format's comment for the order of choice).
 */
function principal(rows: readonly Row[]): number {
  const withGross = rows.filter((r) => hasAny(r, ['grossAmount']));
  if (withGross.length > 0) {
    return rows.reduce(
      (sum, r) => sum + (r.money.get('grossAmount') ?? 0) - (r.money.get('ebayTax') ?? 0),
      0,
    );
  }
  if (rows.some((r) => hasAny(r, ['itemSubtotal', 'shipping']))) {
    return rows.reduce((sum, r) => sum + sumOf(r, ['itemSubtotal', 'shipping', 'sellerTax']), 0);
  }
  return rows.reduce(
    (sum, r) => sum + (r.money.get('netAmount') ?? 0) - sumOf(r, [...FEE_COLUMNS, 'charity']),
    0,
  );
}

function base(ctx: ReaderContext<Column>, row: Row) {
  return {
    platform: 'ebay' as const,
    date: row.date,
    importId: ctx.importId,
    row: row.line,
    ...(row.orderId ? { orderId: row.orderId } : {}),
  };
}

/** Fee and charity entries for the fee columns of some rows, keyed under `key`. */
function feeEntries(ctx: ReaderContext<Column>, rows: readonly Row[], key: string): LedgerEntry[] {
  const first = rows[0] as Row;
  const money = (amount: number) => ({ amount, currency: first.currency });
  const entries: LedgerEntry[] = [];
  for (const [column, feeType] of FEES) {
    const total = rows.reduce((sum, r) => sum + (r.money.get(column) ?? 0), 0);
    if (total !== 0) {
      entries.push({
        ...base(ctx, first),
        kind: 'fee',
        key: `${key}:${column}`,
        amount: money(-total),
        feeType,
      });
    }
  }
  const charity = rows.reduce((sum, r) => sum + (r.money.get('charity') ?? 0), 0);
  if (charity !== 0) {
    entries.push({
      ...base(ctx, first),
      kind: 'adjustment',
      key: `${key}:charity`,
      amount: money(charity),
      description: 'Charity donation',
    });
  }
  return entries;
}

function emitOrder(ctx: ReaderContext<Column>, rows: readonly Row[]): void {
  const first = rows[0] as Row;
  ctx.emit({
    ...base(ctx, first),
    kind: 'order',
    key: dedupeKey('ebay', 'order', first.orderId),
    orderId: first.orderId,
    gross: { amount: principal(rows), currency: first.currency },
    status: 'paid',
  });
  for (const entry of feeEntries(ctx, rows, dedupeKey('ebay', 'fee', first.orderId, 'sale'))) ctx.emit(entry);
}

/** Every row that is not part of an order. */
function readOther(ctx: ReaderContext<Column>, row: Row, occurrences: Occurrences): void {
  const type = row.type.toLowerCase();
  const net = row.money.get('netAmount') ?? row.money.get('grossAmount') ?? 0;
  const id = occurrences.key(
    [row.date, type, row.orderId, row.cell('referenceId'), row.cell('payoutId'), net].join('|'),
  );
  const money = (amount: number) => ({ amount, currency: row.currency });
  const description = [row.type, row.cell('description'), row.cell('itemTitle')].filter(Boolean).join(': ');
  switch (type) {
    case 'refund': {
      const amount = -principal([row]);
      if (amount !== 0) {
        ctx.emit({
          ...base(ctx, row),
          kind: 'refund',
          key: dedupeKey('ebay', 'refund', id),
          amount: money(amount),
        });
      }
      break;
    }
    case 'payout': {
      const payoutId = row.cell('payoutId');
      const status = /fail|return|revers/i.test(row.cell('payoutStatus')) ? 'failed' : 'paid';
      if (net < 0) {
        ctx.emit({
          ...base(ctx, row),
          kind: 'payout',
          // The same payout in two overlapping reports: its Payout ID, when the report has one.
          key: dedupeKey('ebay', 'payout', payoutId || id),
          amount: money(-net),
          ...(payoutId ? { payoutId } : {}),
          status,
        });
      } else if (net > 0) {
        emitAdjustment(ctx, row, id, net, description);
      }
      return; // payout rows carry no fees
    }
    case 'other fee':
      if (net !== 0) {
        const feeType = row.cell('description') || row.cell('itemTitle');
        ctx.emit({
          ...base(ctx, row),
          kind: 'fee',
          key: dedupeKey('ebay', 'fee', id),
          amount: money(-net),
          feeType: feeType || 'Other fee',
        });
      }
      return; // its amount is the net amount, not the fee columns
    case 'claim':
    case 'payment dispute': {
      const amount = hasAny(row, ['grossAmount', 'itemSubtotal', 'shipping']) ? principal([row]) : net;
      if (amount < 0) {
        ctx.emit({
          ...base(ctx, row),
          kind: 'chargeback',
          key: dedupeKey('ebay', 'chargeback', id),
          amount: money(-amount),
        });
      } else emitAdjustment(ctx, row, id, amount, description);
      break;
    }
    case 'hold':
      if (net !== 0) {
        ctx.emit({
          ...base(ctx, row),
          kind: 'reserve',
          key: dedupeKey('ebay', 'reserve', id),
          amount: money(-net),
        });
      }
      return;
    default:
      emitAdjustment(ctx, row, id, net, description);
      return;
  }
  for (const entry of feeEntries(ctx, [row], dedupeKey('ebay', 'fee', id))) ctx.emit(entry);
}

function emitAdjustment(
  ctx: ReaderContext<Column>,
  row: Row,
  id: string,
  amount: number,
  description: string,
): void {
  if (amount === 0) return;
  ctx.emit({
    ...base(ctx, row),
    kind: 'adjustment',
    key: dedupeKey('ebay', 'adjustment', id),
    amount: { amount, currency: row.currency },
    description,
  });
}
