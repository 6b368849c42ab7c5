import type { LedgerEntry } from '../../domain/records.ts';
import { minorUnitExponent } from '../../money/currencies.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import type { ReaderContext } from '../format.ts';
import { isNonAmazon, KeyCounter, LocaleGuess, marketplaceCurrency, PendingRows } from './_locale.ts';

/**
 * What the settlement flat files (V1 and V2) have in common once their columns are read: each
 * data row carries one or more signed amounts (money to the seller positive), each of a class.
 * V1 spreads them over price/fee/promotion/other columns, V2 puts one per row in
 * amount-type/amount-description/amount. This module turns those rows into ledger records.
 *
 * Records of one settlement (a payout, its orders, fees, refunds...) are keyed so that the
 * Date Range report, which lists the same events, yields the same keys:
 *   order              amazon:order:<order id>
 *   fees of an order   amazon:fee:order:<order id>
 *   refund of an item  amazon:refund:<order id>:<sku>:<amount>   (its fees: amazon:fee:refund:…)
 *   payout             amazon:payout:<settlement id>:<amount>
 *   other fee/adjustment/reserve   amazon:<kind>:<settlement id>:<amount>
 * with `#2`, `#3`… for a repeat of the same key within one file.
 */

/**
 * - price: what the buyer paid (ItemPrice: Principal, Shipping, GiftWrap, seller-collected Tax;
 *   Promotion rows, negative).
 * - withheld: tax Amazon collected and remits itself as marketplace facilitator
 *   (MarketplaceFacilitatorTax-*, MarketplaceFacilitatorVAT-*, LowValueGoodsTax-*). It cancels the
 *   matching Tax row, so adding it keeps remitted tax out of gross sales.
 * - fee: anything Amazon charged (ItemFees, shipment/order fees, storage, subscription, ads).
 * - reserve: Current Reserve Amount (held, negative) / Previous Reserve Amount Balance (released).
 * - adjustment: reimbursements, card charges, other money.
 * - other: an amount whose meaning comes from the row's transaction type (V1 `other-amount`).
 */
export type AmountClass = 'price' | 'withheld' | 'fee' | 'reserve' | 'adjustment' | 'other';

export interface Amount {
  cls: AmountClass;
  /** The fee type, price type or description as the file writes it. */
  label: string;
  /** Minor units, as signed in the file. */
  amount: number;
}

export interface SettlementSummary {
  line: number;
  settlementId: string;
  currency: string;
  total: number;
  /** ISO date of the deposit (or, without one, of the settlement end). */
  depositDate: string | undefined;
  endDate: string | undefined;
}

export interface SettlementRow {
  line: number;
  settlementId: string;
  transactionType: string;
  orderId: string;
  adjustmentId: string;
  sku: string;
  marketplace: string;
  /** ISO posted date (the settlement's end date for rows without one). */
  date: string;
  currency: string;
  amounts: readonly Amount[];
}

const RESERVE = /^(current reserve amount|previous reserve amount balance)$/i;
const WITHHELD_TAX = /^(marketplacefacilitator|lowvaluegoods)/i;

/** Classes a labelled amount whose column does not say (V2 amount-type/description, V1 fee types). */
export function classify(amountType: string, description: string, fallback: AmountClass): AmountClass {
  const type = amountType.trim().toLowerCase();
  if (RESERVE.test(description.trim()) || RESERVE.test(amountType.trim())) return 'reserve';
  if (WITHHELD_TAX.test(description.trim())) return 'withheld';
  if (type === 'itemprice' || type === 'promotion') return 'price';
  // TCS/TDS (India) and other withholdings are the seller's taxes, not the buyer's: not gross.
  if (type === 'itemwithheldtax') return 'adjustment';
  if (
    type === 'itemfees' ||
    type === 'cost of advertising' ||
    /fee/i.test(amountType) ||
    /fee/i.test(description)
  )
    return 'fee';
  if (type === 'fba inventory reimbursement') return 'adjustment';
  return fallback;
}

type Group = 'order' | 'refund' | 'chargeback' | 'carry' | 'fee' | 'reserve' | 'other';

/** What a transaction type is. Values seen in real V1 files and parsers' V2 fixtures. */
function groupOf(transactionType: string): Group {
  const t = transactionType.trim().toLowerCase();
  if (t === 'order') return 'order';
  if (t === 'refund') return 'refund';
  if (t === 'chargeback refund' || t === 'a-to-z guarantee claim' || t === 'guarantee claim refund')
    return 'chargeback';
  // The previous settlement's negative balance, carried into this one: not a new event (its
  // causes were in the previous settlement, and the card charge that paid it is a row of its own).
  if (t === 'payable to amazon') return 'carry';
  if (RESERVE.test(t)) return 'reserve';
  if (t.includes('fee')) return 'fee'; // Storage Fee, Subscription Fee, ServiceFee…
  return 'other';
}

interface OrderTotals {
  line: number;
  orderId: string;
  date: string;
  currency: string;
  marketplace: string;
  hasPrice: boolean;
  gross: number;
  fees: number;
}

interface RefundTotals {
  kind: 'refund' | 'chargeback';
  line: number;
  orderId: string;
  sku: string;
  date: string;
  currency: string;
  price: number;
  fees: number;
}

/** Accumulates one settlement file's rows and emits its records when the file ends. */
export class SettlementLedger {
  private readonly summaries = new Map<string, SettlementSummary>();
  private readonly sums = new Map<string, number>();
  private readonly skipped = new Set<string>();
  private readonly orders = new Map<string, OrderTotals>();
  private readonly refunds = new Map<string, RefundTotals>();
  private readonly loose: Array<{ line: number; make: (keys: KeyCounter) => LedgerEntry }> = [];

  constructor(private readonly ctx: ReaderContext<string>) {}

  summary(summary: SettlementSummary): void {
    if (!this.summaries.has(summary.settlementId)) this.summaries.set(summary.settlementId, summary);
  }

  /** The currency of a settlement, from its summary row (data rows of V1 leave it empty). */
  currencyOf(settlementId: string): string | undefined {
    return this.summaries.get(settlementId)?.currency;
  }

  /** Fallback date for rows without a posted date. */
  endOf(settlementId: string): string | undefined {
    return this.summaries.get(settlementId)?.endDate;
  }

  /** A data row of this settlement could not be read: its sum check would fail for that reason. */
  rowSkipped(settlementId: string): void {
    this.skipped.add(settlementId);
  }

  row(row: SettlementRow): void {
    const sum = row.amounts.reduce((s, a) => s + a.amount, 0);
    this.sums.set(row.settlementId, (this.sums.get(row.settlementId) ?? 0) + sum);
    const group = groupOf(row.transactionType);
    if (group === 'carry') return;
    const { date } = row;
    const rest: Amount[] = [];
    if (group === 'order' && row.orderId) {
      const order = this.orderOf(row, date);
      for (const a of row.amounts) {
        if (a.cls === 'price' || a.cls === 'withheld') {
          order.gross += a.amount;
          if (a.cls === 'price') order.hasPrice = true;
        } else if (a.cls === 'fee') order.fees -= a.amount;
        else rest.push(a);
      }
    } else if ((group === 'refund' || group === 'chargeback') && row.orderId) {
      const refund = this.refundOf(row, date, group);
      for (const a of row.amounts) {
        if (a.cls === 'price' || a.cls === 'withheld') refund.price += a.amount;
        else if (a.cls === 'fee') refund.fees -= a.amount;
        else rest.push(a);
      }
    } else {
      rest.push(...row.amounts);
    }
    this.looseEntries(row, date, group, rest);
  }

  private orderOf(row: SettlementRow, date: string): OrderTotals {
    let order = this.orders.get(row.orderId);
    if (!order) {
      order = {
        line: row.line,
        orderId: row.orderId,
        date,
        currency: row.currency,
        marketplace: row.marketplace,
        hasPrice: false,
        gross: 0,
        fees: 0,
      };
      this.orders.set(row.orderId, order);
    }
    if (date < order.date) order.date = date;
    return order;
  }

  private refundOf(row: SettlementRow, date: string, kind: 'refund' | 'chargeback'): RefundTotals {
    // One refund per returned item: the Date Range report has one row per item too.
    const id = [kind, row.orderId, row.adjustmentId, row.sku].join('\u0000');
    let refund = this.refunds.get(id);
    if (!refund) {
      refund = {
        kind,
        line: row.line,
        orderId: row.orderId,
        sku: row.sku,
        date,
        currency: row.currency,
        price: 0,
        fees: 0,
      };
      this.refunds.set(id, refund);
    }
    return refund;
  }

  /** Amounts that belong to no order or refund: one record per class and row. */
  private looseEntries(row: SettlementRow, date: string, group: Group, amounts: readonly Amount[]): void {
    const by = new Map<'fee' | 'reserve' | 'adjustment', { amount: number; labels: string[] }>();
    for (const a of amounts) {
      let cls: 'fee' | 'reserve' | 'adjustment';
      if (a.cls === 'fee' || (a.cls === 'other' && group === 'fee')) cls = 'fee';
      else if (a.cls === 'reserve' || (a.cls === 'other' && group === 'reserve')) cls = 'reserve';
      else cls = 'adjustment';
      const slot = by.get(cls) ?? { amount: 0, labels: [] };
      slot.amount += a.amount;
      if (a.label && !slot.labels.includes(a.label)) slot.labels.push(a.label);
      by.set(cls, slot);
    }
    const { settlementId, currency, line, orderId } = row;
    const base = {
      platform: 'amazon' as const,
      date,
      importId: this.ctx.importId,
      row: line,
      ...(orderId ? { orderId } : {}),
    };
    const text = (labels: readonly string[]) => describe(row.transactionType, labels);
    for (const [cls, { amount, labels }] of by) {
      if (amount === 0) continue;
      if (cls === 'fee') {
        const fee = -amount;
        this.loose.push({
          line,
          make: (keys) => ({
            ...base,
            kind: 'fee',
            key: keys.next(dedupeKey('amazon', 'fee', settlementId, fee)),
            amount: { amount: fee, currency },
            feeType: text(labels),
          }),
        });
      } else if (cls === 'reserve') {
        const held = -amount;
        this.loose.push({
          line,
          make: (keys) => ({
            ...base,
            kind: 'reserve',
            key: keys.next(dedupeKey('amazon', 'reserve', settlementId, held)),
            amount: { amount: held, currency },
          }),
        });
      } else {
        this.loose.push({
          line,
          make: (keys) => ({
            ...base,
            kind: 'adjustment',
            key: keys.next(dedupeKey('amazon', 'adjustment', settlementId, amount)),
            amount: { amount, currency },
            description: text(labels),
          }),
        });
      }
    }
  }

  end(): void {
    const made: Array<{ line: number; order: number; make: (keys: KeyCounter) => LedgerEntry }> = [];
    let n = 0;
    const add = (line: number, make: (keys: KeyCounter) => LedgerEntry) =>
      made.push({ line, order: n++, make });
    for (const s of this.summaries.values()) this.payout(s, add);
    for (const o of this.orders.values()) this.order(o, add);
    for (const r of this.refunds.values()) this.refund(r, add);
    for (const l of this.loose) add(l.line, l.make);
    // Records in file order, so that keys with a repeat counter are numbered in file order.
    made.sort((a, b) => a.line - b.line || a.order - b.order);
    const keys = new KeyCounter();
    for (const m of made) this.ctx.emit(m.make(keys));
    this.sumCheck();
  }

  /**
   * A positive total is paid to the seller's bank on the deposit date. A negative one is money
   * the seller owes Amazon: nothing is emitted for it, because the file that settles it shows
   * what actually moved (a `Successful charge` of the seller's card, an adjustment here, or the
   * debt carried into the next settlement as `Payable to Amazon`, which is not an event).
   */
  private payout(s: SettlementSummary, add: (line: number, make: (keys: KeyCounter) => LedgerEntry) => void) {
    if (s.total <= 0) return;
    const date = s.depositDate ?? s.endDate;
    if (!date) return;
    add(s.line, (keys) => ({
      platform: 'amazon',
      kind: 'payout',
      key: keys.next(dedupeKey('amazon', 'payout', s.settlementId, s.total)),
      date,
      importId: this.ctx.importId,
      row: s.line,
      amount: { amount: s.total, currency: s.currency },
      payoutId: s.settlementId,
      status: 'paid',
    }));
  }

  private order(o: OrderTotals, add: (line: number, make: (keys: KeyCounter) => LedgerEntry) => void) {
    const base = {
      platform: 'amazon' as const,
      date: o.date,
      importId: this.ctx.importId,
      row: o.line,
      orderId: o.orderId,
    };
    // Multi-channel fulfilment orders were sold elsewhere: their FBA fees are Amazon's, the sale is not.
    if (o.hasPrice && !isNonAmazon(o.marketplace)) {
      if (o.gross >= 0) {
        add(o.line, () => ({
          ...base,
          kind: 'order',
          key: dedupeKey('amazon', 'order', o.orderId),
          gross: { amount: o.gross, currency: o.currency },
          status: 'paid',
          ...(o.marketplace ? { marketplace: o.marketplace } : {}),
        }));
      } else {
        add(o.line, (keys) => ({
          ...base,
          kind: 'adjustment',
          key: keys.next(dedupeKey('amazon', 'adjustment', 'order', o.orderId)),
          amount: { amount: o.gross, currency: o.currency },
          description: 'Order price correction',
        }));
      }
    }
    if (o.fees !== 0) {
      add(o.line, () => ({
        ...base,
        kind: 'fee',
        key: dedupeKey('amazon', 'fee', 'order', o.orderId),
        amount: { amount: o.fees, currency: o.currency },
        feeType: 'Selling and fulfilment fees',
      }));
    }
  }

  private refund(r: RefundTotals, add: (line: number, make: (keys: KeyCounter) => LedgerEntry) => void) {
    const base = {
      platform: 'amazon' as const,
      date: r.date,
      importId: this.ctx.importId,
      row: r.line,
      orderId: r.orderId,
    };
    const returned = -r.price;
    const ids = [r.orderId, r.sku, returned] as const;
    if (returned > 0) {
      add(r.line, (keys) => ({
        ...base,
        kind: r.kind,
        key: keys.next(dedupeKey('amazon', r.kind, ...ids)),
        amount: { amount: returned, currency: r.currency },
      }));
    } else if (returned < 0) {
      add(r.line, (keys) => ({
        ...base,
        kind: 'adjustment',
        key: keys.next(dedupeKey('amazon', 'adjustment', r.kind, ...ids)),
        amount: { amount: -returned, currency: r.currency },
        description: 'Kept on a refund (restocking fee or correction)',
      }));
    }
    if (r.fees !== 0) {
      // Amazon gives back most of the commission on a refund (negative fee) and keeps a
      // RefundCommission (a fee): one record, net.
      add(r.line, (keys) => ({
        ...base,
        kind: 'fee',
        key: keys.next(dedupeKey('amazon', 'fee', r.kind, ...ids)),
        amount: { amount: r.fees, currency: r.currency },
        feeType: r.kind === 'refund' ? 'Fees on a refund, net of fees given back' : 'Fees on a chargeback',
      }));
    }
  }

  /** The amounts of a settlement's data rows should add up to its total (row 1). */
  private sumCheck(): void {
    for (const s of this.summaries.values()) {
      if (this.skipped.has(s.settlementId)) continue;
      const sum = this.sums.get(s.settlementId) ?? 0;
      if (sum === s.total) continue;
      this.ctx.issue(
        s.line,
        null,
        `The amounts of settlement ${s.settlementId} add up to ${formatMinor(sum, s.currency)} ${s.currency}, but its total is ${formatMinor(s.total, s.currency)} ${s.currency}: rows may be missing or changed.`,
      );
    }
  }
}

/** `ServiceFee: Cost of Advertising, TaxAmount` from a transaction type and its amounts' labels. */
function describe(transactionType: string, labels: readonly string[]): string {
  const generic = /^(other-transaction|other|transactiontotalamount)$/i;
  const type = transactionType.trim();
  const rest = labels.filter((l) => !generic.test(l) && l.toLowerCase() !== type.toLowerCase());
  const head = type && !generic.test(type) ? type : '';
  if (!head) return rest.join(', ') || 'Settlement adjustment';
  return rest.length > 0 ? `${head}: ${rest.join(', ')}` : head;
}

/** Minor units as a plain decimal (`-321.69`), for messages. */
export function formatMinor(minor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Columns both settlement layouts share. */
export type SettlementColumn =
  | 'settlementId'
  | 'startDate'
  | 'endDate'
  | 'depositDate'
  | 'total'
  | 'currency'
  | 'transactionType'
  | 'orderId'
  | 'adjustmentId'
  | 'marketplace'
  | 'postedDate'
  | 'sku';

export const SETTLEMENT_COLUMNS: Readonly<Record<SettlementColumn, readonly string[]>> = {
  settlementId: ['settlement-id'],
  startDate: ['settlement-start-date'],
  endDate: ['settlement-end-date'],
  depositDate: ['deposit-date'],
  total: ['total-amount'],
  currency: ['currency'],
  transactionType: ['transaction-type'],
  orderId: ['order-id'],
  adjustmentId: ['adjustment-id'],
  marketplace: ['marketplace-name'],
  postedDate: ['posted-date'],
  sku: ['sku'],
};

export interface SettlementLayout<C extends string> {
  /** Amount cells of a data row, for locale sniffing. */
  amountColumns: readonly C[];
  /** Date cells besides the shared ones (V2's posted-date-time). */
  dateColumns: readonly C[];
  /** The labelled amounts of a data row; `read` returns minor units or null for an empty cell. */
  amounts(cells: readonly string[], read: (column: C) => number | null): Amount[];
  /** A posted date when `posted-date` is empty. */
  fallbackDate?(cells: readonly string[]): string;
}

/** The row loop both settlement layouts share: summary rows, currency, dates, amounts. */
export function createSettlementReader<C extends string>(
  ctx: ReaderContext<C | SettlementColumn>,
  layout: SettlementLayout<C>,
) {
  const { header } = ctx;
  const ledger = new SettlementLedger(ctx as ReaderContext<string>);
  const guess = new LocaleGuess('.', 'mdy');
  const dateColumns: ReadonlyArray<C | SettlementColumn> = [
    'startDate',
    'endDate',
    'depositDate',
    'postedDate',
    ...layout.dateColumns,
  ];
  const amountColumns: ReadonlyArray<C | SettlementColumn> = ['total', ...layout.amountColumns];

  const date = (cells: readonly string[], column: C | SettlementColumn): string | undefined | null => {
    const text = header.get(cells, column);
    if (text === '') return undefined;
    return guess.date(text) ?? null;
  };

  const summary = (cells: readonly string[], line: number, settlementId: string) => {
    const currency = currencyCode(header.get(cells, 'currency'));
    if (!currency) {
      ctx.issue(
        line,
        'currency',
        `"${header.get(cells, 'currency')}" is not a currency code; the settlement total was not read.`,
      );
      return;
    }
    const text = header.get(cells, 'total');
    const total = guess.amount(text, currency);
    if (total === undefined || total === null) {
      ctx.issue(line, 'total', `"${text}" is not an amount; the settlement total was not read.`);
      return;
    }
    const deposit = date(cells, 'depositDate');
    const end = date(cells, 'endDate');
    if (deposit === null)
      ctx.issue(
        line,
        'depositDate',
        `"${header.get(cells, 'depositDate')}" is not a date; the payout was not read.`,
      );
    ledger.summary({
      line,
      settlementId,
      currency,
      total,
      depositDate: deposit ?? undefined,
      endDate: end ?? undefined,
    });
  };

  const data = (cells: readonly string[], line: number, settlementId: string) => {
    const marketplace = header.get(cells, 'marketplace');
    const currency =
      currencyCode(header.get(cells, 'currency')) ??
      ledger.currencyOf(settlementId) ??
      marketplaceCurrency(marketplace);
    if (!currency) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(
        line,
        'currency',
        'The row names no currency and the settlement summary (row 1) is missing; the row was skipped.',
      );
    }
    let posted = date(cells, 'postedDate');
    if (posted === undefined && layout.fallbackDate) {
      const text = layout.fallbackDate(cells);
      posted = text ? (guess.date(text) ?? null) : undefined;
    }
    if (posted === null) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(
        line,
        'postedDate',
        `"${header.get(cells, 'postedDate')}" is not a date; the row was skipped.`,
      );
    }
    const when = posted ?? ledger.endOf(settlementId);
    let bad = false;
    const amounts = layout.amounts(cells, (column) => {
      const text = header.get(cells, column);
      const value = guess.amount(text, currency);
      if (value === undefined) {
        if (!bad) ctx.issue(line, column, `"${text}" is not an amount; the row was skipped.`);
        bad = true;
        return null;
      }
      return value;
    });
    if (bad) return ledger.rowSkipped(settlementId);
    if (amounts.length === 0) return; // a row that moved no money (e.g. V1's quantity-only order line)
    if (!when) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(line, 'postedDate', 'The row has no posted date; it was skipped.');
    }
    ledger.row({
      line,
      settlementId,
      transactionType: header.get(cells, 'transactionType'),
      orderId: header.get(cells, 'orderId'),
      adjustmentId: header.get(cells, 'adjustmentId'),
      sku: header.get(cells, 'sku'),
      marketplace,
      date: when,
      currency,
      amounts,
    });
  };

  const pending = new PendingRows(
    () => guess.settled,
    (cells, line) => {
      const settlementId = header.get(cells, 'settlementId');
      const isSummary = header.get(cells, 'transactionType') === '' && header.get(cells, 'total') !== '';
      if (isSummary) summary(cells, line, settlementId);
      else data(cells, line, settlementId);
    },
  );

  return {
    row(cells: readonly string[], line: number) {
      for (const c of amountColumns) guess.observeAmount(header.get(cells, c));
      for (const c of dateColumns) guess.observeDate(header.get(cells, c));
      pending.push(cells, line);
    },
    end() {
      pending.flush();
      ledger.end();
    },
  };
}
