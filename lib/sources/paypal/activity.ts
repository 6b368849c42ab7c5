import type { DecimalMark } from '../../import/amounts.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { amountCell, currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { type DayMonthOrder, dateOrderOf, dateOrderOfZone } from './_date-order.ts';

// ---- Type and status vocabulary (lower case, trimmed: PayPal pads some types with spaces) ----

/**
 * Payments a buyer makes to the seller. They are sales when they credit the balance; the same
 * types on the debit side are the account holder's own purchases. `General Payment` and
 * `Mobile Payment` also carry "send money" transfers between people: the file cannot tell them
 * apart from goods-and-services payments, and small sellers are often paid that way, so they count.
 */
const SALE_TYPES = new Set([
  'website payment',
  'express checkout payment',
  'paypal here payment',
  'mobile payment',
  'subscription payment',
  'recurring payment',
  'shopping cart payment',
  'virtual terminal payment',
  'direct credit card payment',
  'preapproved payment bill user payment',
  'ebay auction payment',
  'general payment',
  'donation payment',
  // Older downloads name the receiving side.
  'payment received',
  'web accept payment received',
  'shopping cart payment received',
  'express checkout payment received',
  'subscription payment received',
  'recurring payment received',
  'mobile express checkout payment received',
  // German downloads.
  'website-zahlung',
  'web accept-zahlung',
  'paypal express-zahlung',
  'express-kaufabwicklung',
  'ebay-auktionszahlung',
  'handyzahlung',
  'allgemeine zahlung',
  'zahlung',
]);

type TypeKind = 'hold' | 'memo' | 'fee' | 'withdrawal' | 'chargeback' | 'refund' | 'sale' | 'other';

/** Checked in order; the first match wins (`Reversal of General Account Hold` is a hold, not a reversal). */
const TYPE_PATTERNS: ReadonlyArray<readonly [RegExp, TypeKind]> = [
  // Account Hold for Open Authorization / Reversal of General Account Hold / Payment Hold / Payment Release.
  [/\bholds?\b|\bpayment release\b|einbehaltung/, 'hold'],
  // Never move money. Only consulted when the file has no Balance Impact column, which says it directly.
  [
    /authori[sz]ation|autorisierung|^invoice sent$|^rechnung gesendet$|^request (?:sent|received)$|^order$/,
    'memo',
  ],
  [/\bfees?\b|gebühr/, 'fee'],
  // General Withdrawal, General Credit Card Withdrawal (to a debit card), Allgemeine Abbuchung.
  [/withdraw|abbuchung/, 'withdrawal'],
  [/chargeback|payment reversal|^reversal$/, 'chargeback'],
  [/refund|rückzahlung|erstattung/, 'refund'],
];

function typeKind(type: string): TypeKind {
  const key = type.toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [pattern, kind] of TYPE_PATTERNS) if (pattern.test(key)) return kind;
  return SALE_TYPES.has(key) ? 'sale' : 'other';
}

/**
 * Statuses of a payment that reached the seller. A sale later refunded or reversed keeps its
 * Transaction ID and shows `Refunded` / `Partially Refunded` / `Reversed` in a later download;
 * the refund or reversal is a row of its own, so the sale still counts.
 */
const COMPLETED = new Set([
  'completed',
  'cleared',
  'refunded',
  'partially refunded',
  'reversed',
  'abgeschlossen',
]);

/** Statuses of payments that did not (or not yet) reach the seller: not sales. */
const NOT_COMPLETED = new Set([
  'pending',
  'denied',
  'canceled',
  'cancelled',
  'failed',
  'voided',
  'expired',
  'unclaimed',
  'held',
  'on hold',
  'placed',
  'removed',
  'ausstehend',
  'abgelehnt',
  'storniert',
]);

type Direction = 'credit' | 'debit' | 'memo';

const IMPACT: Readonly<Record<string, Direction>> = {
  credit: 'credit',
  debit: 'debit',
  memo: 'memo',
  haben: 'credit',
  soll: 'debit',
};

/** Rows buffered at most while the file's date order is still unknown (see `_date-order.ts`). */
const MAX_UNDECIDED_ROWS = 10_000;

/**
 * PayPal activity download (`Download.CSV`, Activity > Statements > Activity download). One id
 * for its three layouts: the 41-column business download with `Balance Impact`, the 13-column
 * one with Gross/Fee/Net (and Tip), and the 10-column one with a single Amount.
 *
 * Keys are the Transaction ID (`paypal:order:<id>` and so on). PayPal rewrites history: a later
 * download can show another Status for the same Transaction ID. With first-import-wins keys:
 * - Pending → Completed: the pending sale was not recorded, so the later download adds it. Right.
 * - Completed → Refunded / Partially Refunded / Reversed: the sale is already stored and the
 *   refund or reversal is its own row with its own id, so nothing is lost or double-counted.
 * - Completed → Denied / Canceled: a completed payment that is undone also shows a reversal row
 *   (money out) in the later download, so the totals still net out.
 * The 10- and 13-column layouts have no Transaction ID: their key is date, time, zone, type,
 * amounts and currency (plus an occurrence counter for identical rows), so the same event in a
 * 41-column download of the same period gets a different key. Import one layout per period.
 */
export const paypalActivity = defineFormat({
  id: 'paypal-activity',
  platform: 'paypal',
  label: 'PayPal activity download',
  delimiters: [','],
  columns: {
    date: ['Date', 'Datum'],
    time: ['Time', 'Uhrzeit'],
    timeZone: ['TimeZone', 'Time Zone', 'Zeitzone'],
    name: ['Name'],
    type: ['Type', 'Typ'],
    status: ['Status'],
    currency: ['Currency', 'Währung'],
    gross: ['Gross', 'Brutto'],
    fee: ['Fee', 'Gebühr'],
    net: ['Net', 'Netto'],
    amount: ['Amount', 'Betrag'],
    transactionId: ['Transaction ID', 'Transaktionscode'],
    referenceTxnId: ['Reference Txn ID', 'Zugehöriger Transaktionscode'],
    receiptId: ['Receipt ID', 'Empfangsnummer'],
    balance: ['Balance', 'Guthaben'],
    balanceImpact: ['Balance Impact', 'Auswirkung auf Guthaben'],
  },
  required: ['date', 'time', 'timeZone', 'name', 'type', 'status', 'currency', 'balance'],
  createReader(ctx) {
    const { header } = ctx;
    const read = rowReader(ctx);
    let order: DayMonthOrder | undefined;
    let zoneHint: DayMonthOrder | undefined;
    const undecided: Array<readonly [readonly string[], number]> = [];
    const decide = (decided: DayMonthOrder) => {
      order = decided;
      for (const [cells, line] of undecided.splice(0)) read(cells, line, decided);
    };
    return {
      row(cells, line) {
        if (order) return read(cells, line, order);
        zoneHint ??= dateOrderOfZone(header.get(cells, 'timeZone'));
        undecided.push([cells, line]);
        const proven = dateOrderOf(header.get(cells, 'date'));
        if (proven) decide(proven);
        else if (undecided.length >= MAX_UNDECIDED_ROWS) decide(zoneHint ?? 'mdy');
      },
      end() {
        if (!order) decide(zoneHint ?? 'mdy');
      },
    };
  },
});

type Column = keyof (typeof paypalActivity)['columns'];
type Context = ReaderContext<Column>;

interface EntryBase {
  platform: 'paypal';
  date: string;
  importId: string;
  row: number;
  orderId?: string;
}

/**
 * PayPal writes amounts in the account's locale (`"1,250.00"`, `"1.250,00"`) and always with the
 * currency's decimals, so `auto` reads them; for currencies without decimals (JPY) any separator
 * is a thousands separator.
 */
function markFor(text: string, currency: string): DecimalMark {
  if (minorUnitExponent(currency) > 0) return 'auto';
  return text.includes('.') ? ',' : '.';
}

function money(ctx: Context, cells: readonly string[], column: Column, currency: string, line: number) {
  const text = ctx.header.get(cells, column);
  return amountCell(ctx, cells, column, currency, line, markFor(text, currency));
}

/** Reads one data row once the file's date order is known. */
function rowReader(ctx: Context) {
  const { header } = ctx;
  const amountColumn: Column = header.has('gross') ? 'gross' : 'amount';
  const occurrences = new Map<string, number>();
  let reportedNoAmount = false;

  /** The Transaction ID, or for layouts without one, the row's own fields (see the format's comment). */
  function rowId(cells: readonly string[], currency: string): string {
    const id = header.get(cells, 'transactionId');
    if (id) return id;
    const parts = ['date', 'time', 'timeZone', 'type', amountColumn, 'fee'] as const;
    const base = [...parts.map((c) => header.get(cells, c)), currency].join('|');
    const seen = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, seen);
    return seen === 1 ? base : `${base}|${seen}`;
  }

  return (cells: readonly string[], line: number, order: DayMonthOrder) => {
    const type = header.get(cells, 'type');
    const kind = typeKind(type);
    const impact = IMPACT[header.get(cells, 'balanceImpact').toLowerCase()];
    // Memo rows (authorizations, invoices sent, voids) never moved money. Balance Impact says so
    // where the download has it; otherwise the type does.
    if (impact === 'memo' || (impact === undefined && kind === 'memo')) return;
    if (!header.has(amountColumn)) {
      if (!reportedNoAmount) {
        reportedNoAmount = true;
        ctx.issue(null, null, ISSUE.paypalNoAmountColumn());
      }
      return;
    }

    const rawDate = header.get(cells, 'date');
    const date = parseDate(rawDate, order);
    if (!date) return ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.rowSkipped()));
    const rawCurrency = header.get(cells, 'currency');
    const currency = currencyCode(rawCurrency);
    if (!currency) return ctx.issue(line, 'currency', ISSUE.notACurrency(rawCurrency, THEN.rowSkipped()));
    const gross = money(ctx, cells, amountColumn, currency, line);
    if (gross === undefined) return;
    const fee = header.has('fee') ? money(ctx, cells, 'fee', currency, line) : 0;
    if (fee === undefined) return;
    if (gross === 0 && fee === 0) return;

    const status = header.get(cells, 'status').toLowerCase();
    // Without Balance Impact, a payment that did not complete did not move money either.
    if (impact === undefined && NOT_COMPLETED.has(status)) return;
    const direction: Direction = impact ?? (gross < 0 ? 'debit' : 'credit');

    const id = rowId(cells, currency);
    const reference = header.get(cells, 'referenceTxnId');
    const base: EntryBase = { platform: 'paypal', date, importId: ctx.importId, row: line };
    const withOrder: EntryBase = reference ? { ...base, orderId: reference } : base;
    const emitFee = (amount: number, entryBase: EntryBase = base) => {
      if (amount === 0) return;
      ctx.emit({
        ...entryBase,
        kind: 'fee',
        key: dedupeKey('paypal', 'fee', id),
        amount: { amount, currency },
        feeType: 'PayPal fee',
      });
    };
    const adjustment = () => {
      if (gross !== 0) {
        ctx.emit({
          ...base,
          kind: 'adjustment',
          key: dedupeKey('paypal', 'adjustment', id),
          amount: { amount: gross, currency },
          description: type,
        });
      }
      // The Fee column is negative when charged; a ledger fee is positive when charged.
      emitFee(-fee);
    };

    switch (kind) {
      case 'hold':
        // A hold debits the balance (money held back); its reversal credits it (released).
        ctx.emit({
          ...base,
          kind: 'reserve',
          key: dedupeKey('paypal', 'reserve', id),
          amount: { amount: -gross, currency },
        });
        return emitFee(-fee);
      case 'fee':
        return emitFee(-(gross + fee), withOrder);
      case 'withdrawal':
        if (direction !== 'debit') return adjustment(); // a withdrawal returned by the bank
        ctx.emit({
          ...base,
          kind: 'payout',
          key: dedupeKey('paypal', 'payout', id),
          amount: { amount: -gross, currency },
          payoutId: id,
          status: 'paid',
        });
        return emitFee(-fee);
      case 'chargeback':
        if (direction !== 'debit') return adjustment();
        ctx.emit({
          ...withOrder,
          kind: 'chargeback',
          key: dedupeKey('paypal', 'chargeback', id),
          amount: { amount: -gross, currency },
        });
        return emitFee(-fee, withOrder);
      case 'refund':
        if (direction !== 'debit') return adjustment(); // a refund the account holder received
        ctx.emit({
          ...withOrder,
          kind: 'refund',
          key: dedupeKey('paypal', 'refund', id),
          amount: { amount: -gross, currency },
        });
        // PayPal gives part of the fee back: a positive Fee cell, a negative ledger fee.
        return emitFee(-fee, withOrder);
      case 'sale': {
        if (direction !== 'credit') return adjustment(); // the account holder's own purchase
        if (NOT_COMPLETED.has(status)) return;
        if (!COMPLETED.has(status)) {
          const raw = header.get(cells, 'status');
          return ctx.issue(line, 'status', ISSUE.unknownPaymentStatus(raw, THEN.paymentNotCounted()));
        }
        const sold = { ...base, orderId: id };
        ctx.emit({
          ...sold,
          kind: 'order',
          key: dedupeKey('paypal', 'order', id),
          gross: { amount: gross, currency },
          status: 'paid',
        });
        return emitFee(-fee, sold);
      }
      default:
        // Bank deposits, card deposits paired with card-funded purchases, cash-back bonuses,
        // debit card spending, currency conversions: money moved, but no sale.
        return adjustment();
    }
  };
}
