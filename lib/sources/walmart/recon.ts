import type { LedgerEntry } from '../../domain/records.ts';
import { parseAmount } from '../../import/amounts.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
// Shared with the Shopify formats until lib/sources/entries.ts has an equivalent.
import { currencyCode, dedupeKey, Occurrences } from '../entries.ts';
import { defineFormat } from '../format.ts';

/**
 * What each `Amount Type` is, lowercased. Spellings vary in case between sources (`Product tax`,
 * `Product Tax`), hence the lowercasing.
 * - value: what the buyer paid for the goods and shipping (a Sale's gross, a Refund's amount).
 *   `Promo Code` is the seller's discount, negative.
 * - tax: tax collected (`Product tax`) and, in facilitator states, withheld again by Walmart to
 *   remit it (`Product tax withheld`, negative): the pair nets to zero, which keeps the
 *   marketplace-remitted tax out of the gross while tax the seller remits stays in it.
 * - commission: Walmart's referral fee (negative; positive on a refund, when given back).
 * - walmart-funded: discounts Walmart pays the seller for: not paid by the buyer, an adjustment.
 * Anything else (`Fee/Reimbursement`, WFS fees, `SEM Marketing Fee`…): a fee when negative,
 * an adjustment (a reimbursement) when positive.
 */
const AMOUNT_TYPES: Readonly<Record<string, 'value' | 'tax' | 'commission' | 'walmart-funded'>> = {
  'product price': 'value',
  'shipping price': 'value',
  shipping: 'value',
  'gift wrap price': 'value',
  'promo code': 'value',
  'product tax': 'tax',
  'product tax withheld': 'tax',
  'shipping tax': 'tax',
  'shipping tax withheld': 'tax',
  'gift wrap tax': 'tax',
  'gift wrap tax withheld': 'tax',
  'commission on product': 'commission',
  'commission on shipping': 'commission',
  'commission on gift wrap': 'commission',
  'total walmart funded savings': 'walmart-funded',
  'extra savings': 'walmart-funded',
};

/**
 * Walmart Marketplace reconciliation report, legacy CSV (FORMATS.md 7, developer.walmart.com
 * "Recon report (Legacy)"). NO REAL FILE WAS FOUND: the column list and values come from the
 * documentation's JSON sample and third-party parsers' fixtures, so the fixtures are invented.
 *
 * Long layout, like Amazon's V2 settlement: one row per amount component (`Amount Type`), many
 * rows per `Purchase Order #`. The `PaymentSummary` row carries the settlement's `Total Payable`
 * and the `Currency`; the other rows leave them empty.
 *
 * - Sale rows: one `order` per purchase order, gross = its value and tax components in the file
 *   (see AMOUNT_TYPES), dated by its earliest `Transaction Posted Timestamp` (the report has no
 *   order date), keyed `walmart:order:<PO>`.
 * - Refund rows: one `refund` per purchase order and `Transaction Key`, positive.
 * - Commission and fee rows: `fee` (positive charged, negative given back); reimbursements and
 *   Walmart-funded savings: `adjustment`; `Reserve`/`Release Reserve`: `reserve`.
 * - PaymentSummary: one `payout` of `Total Payable`, dated when posted (else the period end).
 *   A zero or negative Total Payable moved no money (Walmart carries it to the next period).
 * - Rows without a Transaction Type and amount (`Number of Lines in file 81`, seen in a
 *   parser's fixture) are skipped.
 * - Order numbers rounded by a spreadsheet (`1.19111E+14`) no longer tell orders apart: such
 *   rows fall back to the Customer Order # or the Transaction Key, with one issue for the file.
 */
export const walmartRecon = defineFormat({
  id: 'walmart-recon',
  platform: 'walmart',
  label: 'Walmart reconciliation report (CSV)',
  delimiters: [',', '\t'],
  columns: {
    periodStart: ['Period Start Date'],
    periodEnd: ['Period End Date'],
    totalPayable: ['Total Payable'],
    currency: ['Currency'],
    transactionKey: ['Transaction Key'],
    posted: ['Transaction Posted Timestamp'],
    type: ['Transaction Type'],
    description: ['Transaction Description'],
    customerOrder: ['Customer Order #'],
    purchaseOrder: ['Purchase Order #'],
    purchaseOrderLine: ['Purchase Order line #'],
    amount: ['Amount'],
    amountType: ['Amount Type'],
  },
  required: ['totalPayable', 'posted', 'type', 'purchaseOrder', 'amount', 'amountType'],
  createReader(ctx) {
    const { header } = ctx;
    const sales = new Map<string, Pending>();
    const refunds = new Map<string, Pending>();
    const keys = new Occurrences(':');
    let currencySeen: string | undefined;
    let roundedIdReported = false;

    /** The purchase order, unless a spreadsheet rounded it; then the best id left. */
    const orderIdOf = (cells: readonly string[], line: number): string => {
      const po = header.get(cells, 'purchaseOrder');
      if (po === '') return header.get(cells, 'customerOrder');
      if (!isRounded(po)) return po;
      if (!roundedIdReported) {
        roundedIdReported = true;
        ctx.issue(line, 'purchaseOrder', ISSUE.roundedOrderNumber(po));
      }
      const customer = header.get(cells, 'customerOrder');
      return isRounded(customer) ? header.get(cells, 'transactionKey') : customer;
    };

    /** Type, amount, currency and date of a row, or undefined (with an issue when unreadable). */
    const parseRow = (cells: readonly string[], line: number): Parsed | undefined => {
      const typeText = header.get(cells, 'type');
      // `PaymentSummary`; lowercased, with `Payment Summary` read the same.
      const type = typeText.toLowerCase().replace(/^payment summary$/, 'paymentsummary');
      const column = type === 'paymentsummary' ? 'totalPayable' : 'amount';
      const amountText = header.get(cells, column);
      if (typeText === '' && amountText === '') return undefined; // a line count or note
      const currency = currencyCode(header.get(cells, 'currency')) ?? currencySeen ?? 'USD';
      if (header.get(cells, 'currency') !== '') currencySeen = currency;
      const amount = parseAmount(amountText, minorUnitExponent(currency), 'auto');
      if (amount === undefined) {
        ctx.issue(line, column, ISSUE.notAnAmount(amountText, THEN.rowSkipped()));
        return undefined;
      }
      if (amount === null || amount === 0) return undefined;
      if (typeText === '') {
        ctx.issue(line, 'type', ISSUE.rowHasNoTransactionType(THEN.amountSkipped(amountText)));
        return undefined;
      }
      const rawPosted = header.get(cells, 'posted');
      // A payment summary without a posting time is dated at its period's end; an unreadable
      // time is reported, never replaced.
      const date =
        rawPosted === '' && type === 'paymentsummary'
          ? parseDate(header.get(cells, 'periodEnd'), 'mdy')
          : parseDate(rawPosted, 'mdy');
      if (!date) {
        ctx.issue(line, 'posted', ISSUE.notADate(rawPosted, THEN.rowSkipped()));
        return undefined;
      }
      return { type, typeText, amount, currency, date };
    };

    const payout = (cells: readonly string[], line: number, { amount, currency, date }: Parsed) => {
      if (amount < 0) return; // carried to the next settlement: no money moved
      // The settlement period identifies the payout; ISO dates, since a re-saved file writes 3/1/2026.
      const start = parseDate(header.get(cells, 'periodStart'), 'mdy');
      const end = parseDate(header.get(cells, 'periodEnd'), 'mdy');
      ctx.emit({
        platform: 'walmart',
        date,
        importId: ctx.importId,
        row: line,
        kind: 'payout',
        key: keys.key(
          start && end
            ? dedupeKey('walmart', 'payout', start, end)
            : dedupeKey('walmart', 'payout', date, amount),
        ),
        amount: { amount, currency },
        status: 'paid',
      });
    };

    const component = (cells: readonly string[], line: number, row: Parsed) => {
      const { type, amount, currency, date } = row;
      const orderId = orderIdOf(cells, line);
      const transaction = header.get(cells, 'transactionKey') || date;
      const amountType = header.get(cells, 'amountType');
      const kind = AMOUNT_TYPES[amountType.toLowerCase()];
      if ((kind === 'value' || kind === 'tax') && orderId && (type === 'sale' || type === 'refund')) {
        if (type === 'sale') add(sales, orderId, { orderId, currency, date, line, amount, transaction });
        else
          add(refunds, `${orderId}|${transaction}`, { orderId, currency, date, line, amount, transaction });
        return;
      }
      const base = {
        platform: 'walmart' as const,
        date,
        importId: ctx.importId,
        row: line,
        ...(orderId ? { orderId } : {}),
      };
      // Transaction, order line and amount type identify a component.
      const poLine = header.get(cells, 'purchaseOrderLine');
      const key = (entryKind: string) =>
        keys.key(dedupeKey('walmart', entryKind, transaction, orderId, poLine, amountType || row.typeText));
      const description = describe(header.get(cells, 'description'), amountType || row.typeText);
      if (type === 'reserve' || type === 'release reserve') {
        ctx.emit({ ...base, kind: 'reserve', key: key('reserve'), amount: { amount: -amount, currency } });
      } else if (kind === 'commission' || (kind === undefined && amount < 0)) {
        const feeType = kind === 'commission' ? 'Commission' : description;
        ctx.emit({ ...base, kind: 'fee', key: key('fee'), amount: { amount: -amount, currency }, feeType });
      } else {
        ctx.emit({
          ...base,
          kind: 'adjustment',
          key: key('adjustment'),
          amount: { amount, currency },
          description,
        });
      }
    };

    return {
      row(cells, line) {
        const row = parseRow(cells, line);
        if (!row) return;
        if (row.type === 'paymentsummary') payout(cells, line, row);
        else component(cells, line, row);
      },
      end() {
        for (const order of sales.values()) emitSale(order, ctx.emit, ctx.importId);
        for (const refund of refunds.values()) emitRefund(refund, ctx.emit, ctx.importId);
      },
    };
  },
});

interface Parsed {
  /** Transaction Type, lowercased, and as written. */
  type: string;
  typeText: string;
  amount: number;
  currency: string;
  date: string;
}

/** Sale or refund components of one purchase order (and, for refunds, one transaction). */
interface Pending {
  orderId: string;
  currency: string;
  /** The earliest posting date and its line. */
  date: string;
  line: number;
  amount: number;
  /** Transaction Key, or the posting date when there is none. */
  transaction: string;
}

function add(group: Map<string, Pending>, id: string, part: Pending): void {
  const pending = group.get(`${id}|${part.currency}`);
  if (!pending) {
    group.set(`${id}|${part.currency}`, { ...part });
    return;
  }
  pending.amount += part.amount;
  if (part.date < pending.date) {
    pending.date = part.date;
    pending.line = part.line;
  }
}

function emitSale(p: Pending, emit: (entry: LedgerEntry) => void, importId: string): void {
  emit({
    platform: 'walmart',
    date: p.date,
    importId,
    row: p.line,
    kind: 'order',
    key: dedupeKey('walmart', 'order', p.orderId),
    orderId: p.orderId,
    gross: { amount: p.amount, currency: p.currency },
    status: 'paid',
  });
}

function emitRefund(p: Pending, emit: (entry: LedgerEntry) => void, importId: string): void {
  if (p.amount === 0) return;
  emit({
    platform: 'walmart',
    date: p.date,
    importId,
    row: p.line,
    kind: 'refund',
    key: dedupeKey('walmart', 'refund', p.orderId, p.transaction),
    orderId: p.orderId,
    amount: { amount: -p.amount, currency: p.currency },
  });
}

/**
 * A fee's or adjustment's name as the seller knows it: the description (`WFS Fulfillment fee`),
 * or the amount type when the description only says `Purchase` (a sale's components).
 */
function describe(description: string, amountType: string): string {
  return description && description.toLowerCase() !== 'purchase' ? description : amountType || 'Walmart';
}

/** `1.19111E+14`: a long number a spreadsheet rounded to scientific notation. */
function isRounded(id: string): boolean {
  return /^\d+(?:[.,]\d+)?E\+?\d+$/i.test(id);
}
