import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { currencyCode, dedupeKey, Occurrences } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { amountInText, orderNumberIn, readAmounts, skip } from './_helpers.ts';

const columns = {
  date: ['Date'],
  type: ['Type'],
  title: ['Title'],
  info: ['Info'],
  currency: ['Currency'],
  amount: ['Amount'],
  feesTaxes: ['Fees & Taxes'],
  net: ['Net'],
  taxDetails: ['Tax Details'],
} as const;

type Column = keyof typeof columns;

/** Statement `Type` values that are Etsy's charges to the seller (credits come back positive). */
const FEE_TYPES = new Set(['fee', 'vat', 'marketing', 'subscription']);

/** One statement row, read. */
interface Row {
  line: number;
  date: string;
  type: string;
  title: string;
  info: string;
  currency: string;
  orderId: string | undefined;
  /** Amount column (null when `--`). */
  amount: number | null;
  fees: number | null;
  /** Net, or Amount + Fees when Net is empty: the row's effect on the seller's balance. */
  value: number;
}

/**
 * Etsy payment account monthly statement (`etsy_statement_<year>_<month>.csv`): one row per
 * balance movement, in the payment account's currency.
 *
 * - `Sale` ("Payment for Order #…"): the order, keyed like the Sold Orders file's. Its Amount
 *   includes the buyer's sales tax, which the statement takes back on a `Tax` row ("Sales tax paid
 *   by buyer", same order, same day): the order's sale is Amount + that Tax row, so sales exclude
 *   the tax Etsy remits, and the Tax row makes no record of its own (an adjustment if the file
 *   has no sale for it).
 * - `Refund`: a refund of the Amount, less the "Refund to buyer for sales tax" row Etsy gives back
 *   for the same order on the same day (the tax was never the seller's sale). A tax refund with
 *   no refund beside it is an adjustment.
 * - `Fee`, `VAT` (on fees), `Marketing` (Offsite Ads), `Subscription`: fees; "Credit for …" rows
 *   are positive and become negative fees. The "Processing fee" of an order gets the same key as
 *   the Sold Orders file's Card Processing Fees.
 * - `Deposit`: a payout. Its Amount, Fees and Net are `--`; the amount is read from the Title
 *   ("€678.00 sent to your bank account").
 * - `Payment` ("Charge for refund …": the seller paid money in) and anything else: adjustments.
 */
export const etsyStatement = defineFormat({
  id: 'etsy-statement',
  platform: 'etsy',
  label: 'Etsy payment account monthly statement',
  delimiters: [','],
  columns,
  required: ['date', 'type', 'title', 'info', 'currency', 'amount', 'feesTaxes', 'net'],
  createReader(ctx) {
    const occurrences = new Occurrences('#');
    const sales = new Map<string, { first: Row; gross: number }>();
    const taxPaid = new Map<string, Row[]>();
    const taxRefunds: Row[] = [];
    const refunds: Row[] = [];
    const base = (row: Row) => ({
      platform: 'etsy' as const,
      date: row.date,
      importId: ctx.importId,
      row: row.line,
      ...(row.orderId ? { orderId: row.orderId } : {}),
    });
    const rowKey = (kind: string, row: Row) =>
      occurrences.key(
        dedupeKey('etsy', kind, 'statement', row.date, row.type, row.title, row.info, row.value),
      );

    const emitFee = (row: Row, amount: number, feeType: string) => {
      const processing = row.orderId && /^processing fee$/i.test(row.title);
      ctx.emit({
        ...base(row),
        kind: 'fee',
        key: processing
          ? occurrences.key(dedupeKey('etsy', 'fee', row.orderId as string, 'processing'))
          : rowKey('fee', row),
        amount: { amount, currency: row.currency },
        feeType,
      });
    };
    const emitAdjustment = (row: Row, amount: number, description: string) => {
      if (amount === 0) return;
      ctx.emit({
        ...base(row),
        kind: 'adjustment',
        key: rowKey('adjustment', row),
        amount: { amount, currency: row.currency },
        description,
      });
    };

    return {
      row(cells, line) {
        const row = readRow(ctx, cells, line);
        if (!row) return;
        switch (row.type.toLowerCase()) {
          case 'sale': {
            const id = row.orderId ?? `${row.date}|${row.title}`;
            const gross = row.amount ?? row.value;
            const sale = sales.get(id);
            if (sale) sale.gross += gross;
            else sales.set(id, { first: row, gross });
            if (row.amount !== null && row.fees) emitFee(row, -row.fees, 'Fees & taxes on sale');
            return;
          }
          case 'tax':
            if (/refund/i.test(row.title)) taxRefunds.push(row);
            else if (row.orderId) taxPaid.set(row.orderId, [...(taxPaid.get(row.orderId) ?? []), row]);
            else emitAdjustment(row, row.value, row.title || row.type);
            return;
          case 'refund':
            refunds.push(row);
            return;
          case 'deposit':
            return emitPayout(ctx, row, base(row), occurrences);
          default:
            if (FEE_TYPES.has(row.type.toLowerCase())) {
              if (row.value !== 0) emitFee(row, -row.value, feeTypeOf(row));
              return;
            }
            emitAdjustment(row, row.value, row.title || row.type);
        }
      },
      end() {
        for (const [id, { first, gross }] of sales) {
          const tax = (taxPaid.get(id) ?? []).reduce((sum, r) => sum + r.value, 0);
          taxPaid.delete(id);
          ctx.emit({
            ...base(first),
            kind: 'order',
            key: dedupeKey('etsy', 'order', id),
            orderId: id,
            gross: {
              amount: gross + tax,
              currency: first.currency,
            },
            status: 'paid',
          });
        }
        // Sales tax taken for a sale this file does not show: it still left the balance.
        for (const rows of taxPaid.values())
          for (const r of rows) emitAdjustment(r, r.value, r.title || r.type);
        // Tax given back with a refund (same order, same day) is taken off that refund.
        const taxBack = new Map<string, number>();
        for (const row of taxRefunds) {
          const match = refunds.find((r) => r.orderId === row.orderId && r.date === row.date);
          if (match) {
            const key = `${row.orderId}|${row.date}`;
            taxBack.set(key, (taxBack.get(key) ?? 0) + row.value);
          } else emitAdjustment(row, row.value, row.title || row.type);
        }
        for (const row of refunds) {
          const paid = -(row.amount ?? row.value);
          const key = `${row.orderId}|${row.date}`;
          const back = Math.min(taxBack.get(key) ?? 0, paid);
          taxBack.delete(key);
          ctx.emit({
            ...base(row),
            kind: 'refund',
            key: occurrences.key(
              dedupeKey('etsy', 'refund', 'statement', row.orderId ?? '', row.date, row.title, paid),
            ),
            amount: { amount: paid - back, currency: row.currency },
          });
        }
      },
    };
  },
});

function feeTypeOf(row: Row): string {
  switch (row.type.toLowerCase()) {
    case 'fee':
      // "Transaction fee: <item>" -> "Transaction fee"; "Listing fee ($0.20 USD)" -> "Listing fee";
      // "Credit for transaction fee on <item>" -> "Credit for transaction fee".
      return row.title.replace(/\s*(?:[:(]| on ).*$/, '').trim() || 'Fee';
    case 'vat':
      return 'VAT on Etsy fees';
    case 'marketing':
      return /offsite ads/i.test(row.title) ? 'Offsite Ads' : 'Marketing';
    default:
      return row.type;
  }
}

function emitPayout(
  ctx: ReaderContext<Column>,
  row: Row,
  base: { platform: 'etsy'; date: string; importId: string; row: number },
  occurrences: Occurrences,
): void {
  const amount =
    row.value !== 0 ? Math.abs(row.value) : amountInText(row.title, minorUnitExponent(row.currency));
  if (amount === undefined || amount === 0) {
    ctx.issue(row.line, 'title', ISSUE.noAmountInTitle(row.title, THEN.depositSkipped()));
    return;
  }
  ctx.emit({
    ...base,
    kind: 'payout',
    key: occurrences.key(dedupeKey('etsy', 'payout', 'statement', row.date, row.title, amount)),
    amount: { amount, currency: row.currency },
    status: /fail|revers|return/i.test(row.title) ? 'failed' : 'paid',
  });
}

function readRow(ctx: ReaderContext<Column>, cells: readonly string[], line: number): Row | undefined {
  const { header } = ctx;
  const rawDate = header.get(cells, 'date');
  const date = parseDate(rawDate, 'mdy');
  if (!date) return skip(ctx, line, 'date', ISSUE.notADate(rawDate, THEN.rowSkipped()));
  const rawCurrency = header.get(cells, 'currency');
  const currency = currencyCode(rawCurrency);
  if (!currency) {
    return skip(ctx, line, 'currency', ISSUE.notACurrency(rawCurrency, THEN.rowSkipped()));
  }
  const money = readAmounts(ctx, cells, line, currency, ['amount', 'feesTaxes', 'net'], THEN.rowSkipped());
  if (!money) return undefined;
  const amount = money.get('amount') ?? null;
  const fees = money.get('feesTaxes') ?? null;
  const net = money.get('net') ?? null;
  const title = header.get(cells, 'title');
  const info = header.get(cells, 'info');
  return {
    line,
    date,
    type: header.get(cells, 'type'),
    title,
    info,
    currency,
    orderId: orderNumberIn(title) ?? orderNumberIn(info),
    amount,
    fees,
    value: net ?? (amount ?? 0) + (fees ?? 0),
  };
}
