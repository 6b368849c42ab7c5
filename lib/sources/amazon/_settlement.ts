import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { StringIndex } from '../../import/string-index.ts';
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

/** An order's totals; its id is the order's key in `SettlementLedger.orderIds`. */
interface OrderTotals {
  line: number;
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

/** Amounts of one row that belong to no order or refund, summed per class (see `looseEntries`). */
interface LooseTotals {
  cls: 'fee' | 'reserve' | 'adjustment';
  line: number;
  settlementId: string;
  transactionType: string;
  orderId: string;
  date: string;
  currency: string;
  amount: number;
  labels: string[];
}

/** Accumulates one settlement file's rows and emits its records when the file ends. */
export class SettlementLedger {
  private readonly summaries = new Map<string, SettlementSummary>();
  private readonly sums = new Map<string, { sum: number }>();
  /** The running sum of the last settlement a row was added to: a file is one settlement or a few. */
  private lastSum: { id: string; slot: { sum: number } } | undefined;
  private readonly skipped = new Set<string>();
  /** Order ids in the order they first appear (a large file has hundreds of thousands), and their totals. */
  private readonly orderIds = new StringIndex();
  private readonly orders: OrderTotals[] = [];
  private lastOrderId = '';
  private lastOrder: OrderTotals | undefined;
  private readonly refunds = new Map<string, RefundTotals>();
  private readonly loose: LooseTotals[] = [];
  /** The last transaction type read and its group: files repeat a handful of types. */
  private lastType = '';
  private lastGroup: Group = groupOf('');

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
    let sum = 0;
    for (const a of row.amounts) sum += a.amount;
    this.sumOf(row.settlementId).sum += sum;
    if (row.transactionType !== this.lastType) {
      this.lastType = row.transactionType;
      this.lastGroup = groupOf(row.transactionType);
    }
    const group = this.lastGroup;
    if (group === 'carry') return;
    const { date } = row;
    let rest: Amount[] | undefined;
    if (group === 'order' && row.orderId) {
      const order = this.orderOf(row, date);
      for (const a of row.amounts) {
        if (a.cls === 'price' || a.cls === 'withheld') {
          order.gross += a.amount;
          if (a.cls === 'price') order.hasPrice = true;
        } else if (a.cls === 'fee') order.fees -= a.amount;
        else {
          rest ??= [];
          rest.push(a);
        }
      }
    } else if ((group === 'refund' || group === 'chargeback') && row.orderId) {
      const refund = this.refundOf(row, date, group);
      for (const a of row.amounts) {
        if (a.cls === 'price' || a.cls === 'withheld') refund.price += a.amount;
        else if (a.cls === 'fee') refund.fees -= a.amount;
        else {
          rest ??= [];
          rest.push(a);
        }
      }
    } else {
      rest = [...row.amounts];
    }
    if (rest) this.looseEntries(row, date, group, rest);
  }

  private sumOf(settlementId: string): { sum: number } {
    if (this.lastSum?.id === settlementId) return this.lastSum.slot;
    let slot = this.sums.get(settlementId);
    if (!slot) {
      slot = { sum: 0 };
      this.sums.set(settlementId, slot);
    }
    this.lastSum = { id: settlementId, slot };
    return slot;
  }

  private orderOf(row: SettlementRow, date: string): OrderTotals {
    // The rows of an order (price, commission, FBA fee…) come one after another: no lookup for them.
    let order = this.lastOrder;
    if (order === undefined || row.orderId !== this.lastOrderId) {
      const index = this.orderIds.add(row.orderId);
      order = this.orders[index];
      if (!order) {
        order = {
          line: row.line,
          date,
          currency: row.currency,
          marketplace: row.marketplace,
          hasPrice: false,
          gross: 0,
          fees: 0,
        };
        this.orders.push(order);
      }
      this.lastOrderId = row.orderId;
      this.lastOrder = order;
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
    const { settlementId, transactionType, currency, line, orderId } = row;
    for (const [cls, { amount, labels }] of by) {
      if (amount === 0) continue;
      this.loose.push({ cls, line, settlementId, transactionType, orderId, date, currency, amount, labels });
    }
  }

  end(): void {
    // Records in file order (by the line they come from; at one line: payout, order, refund, then
    // the rest), so that keys with a repeat counter are numbered in file order. Each list is in
    // file order already (rows arrive in line order), so they are merged rather than sorted.
    const payouts = [...this.summaries.values()];
    const orders = this.orders;
    const refunds = [...this.refunds.values()];
    const loose = this.loose;
    const keys = new KeyCounter();
    const none = Number.POSITIVE_INFINITY;
    let p = 0;
    let o = 0;
    let r = 0;
    let l = 0;
    for (;;) {
      const payout = payouts[p];
      const order = orders[o];
      const refund = refunds[r];
      const other = loose[l];
      const payoutLine = payout?.line ?? none;
      const orderLine = order?.line ?? none;
      const refundLine = refund?.line ?? none;
      const otherLine = other?.line ?? none;
      const line = Math.min(payoutLine, orderLine, refundLine, otherLine);
      if (payout && payoutLine === line) {
        this.payout(payout, keys);
        p += 1;
      } else if (order && orderLine === line) {
        this.order(order, this.orderIds.keyAt(o), keys);
        o += 1;
      } else if (refund && refundLine === line) {
        this.refund(refund, keys);
        r += 1;
      } else if (other) {
        this.looseEntry(other, keys);
        l += 1;
      } else break;
    }
    this.sumCheck();
  }

  // The records below are written as explicit object literals: an object spread costs
  // microseconds per record in V8, which adds up over a million rows.

  /**
   * A positive total is paid to the seller's bank on the deposit date. A negative one is money
   * the seller owes Amazon: nothing is emitted for it, because the file that settles it shows
   * what actually moved (a `Successful charge` of the seller's card, an adjustment here, or the
   * debt carried into the next settlement as `Payable to Amazon`, which is not an event).
   */
  private payout(s: SettlementSummary, keys: KeyCounter) {
    if (s.total <= 0) return;
    const date = s.depositDate ?? s.endDate;
    if (!date) return;
    this.ctx.emit({
      platform: 'amazon',
      kind: 'payout',
      key: keys.next(dedupeKey('amazon', 'payout', s.settlementId, s.total)),
      date,
      importId: this.ctx.importId,
      row: s.line,
      amount: { amount: s.total, currency: s.currency },
      payoutId: s.settlementId,
      status: 'paid',
    });
  }

  private order(o: OrderTotals, orderId: string, keys: KeyCounter) {
    const { importId, emit } = this.ctx;
    const { line: row, date, currency } = o;
    // Multi-channel fulfilment orders were sold elsewhere: their FBA fees are Amazon's, the sale is not.
    if (o.hasPrice && !isNonAmazon(o.marketplace)) {
      if (o.gross >= 0) {
        const key = dedupeKey('amazon', 'order', orderId);
        const gross = { amount: o.gross, currency };
        emit(
          o.marketplace
            ? {
                platform: 'amazon',
                date,
                importId,
                row,
                orderId,
                kind: 'order',
                key,
                gross,
                status: 'paid',
                marketplace: o.marketplace,
              }
            : { platform: 'amazon', date, importId, row, orderId, kind: 'order', key, gross, status: 'paid' },
        );
      } else {
        emit({
          platform: 'amazon',
          date,
          importId,
          row,
          orderId,
          kind: 'adjustment',
          key: keys.next(dedupeKey('amazon', 'adjustment', 'order', orderId)),
          amount: { amount: o.gross, currency },
          description: 'Order price correction',
        });
      }
    }
    if (o.fees !== 0) {
      emit({
        platform: 'amazon',
        date,
        importId,
        row,
        orderId,
        kind: 'fee',
        key: dedupeKey('amazon', 'fee', 'order', orderId),
        amount: { amount: o.fees, currency },
        feeType: 'Selling and fulfilment fees',
      });
    }
  }

  private refund(r: RefundTotals, keys: KeyCounter) {
    const { importId, emit } = this.ctx;
    const { line: row, orderId, date, currency } = r;
    const returned = -r.price;
    if (returned > 0) {
      emit({
        platform: 'amazon',
        date,
        importId,
        row,
        orderId,
        kind: r.kind,
        key: keys.next(dedupeKey('amazon', r.kind, orderId, r.sku, returned)),
        amount: { amount: returned, currency },
      });
    } else if (returned < 0) {
      emit({
        platform: 'amazon',
        date,
        importId,
        row,
        orderId,
        kind: 'adjustment',
        key: keys.next(dedupeKey('amazon', 'adjustment', r.kind, orderId, r.sku, returned)),
        amount: { amount: -returned, currency },
        description: 'Kept on a refund (restocking fee or correction)',
      });
    }
    if (r.fees !== 0) {
      // Amazon gives back most of the commission on a refund (negative fee) and keeps a
      // RefundCommission (a fee): one record, net.
      emit({
        platform: 'amazon',
        date,
        importId,
        row,
        orderId,
        kind: 'fee',
        key: keys.next(dedupeKey('amazon', 'fee', r.kind, orderId, r.sku, returned)),
        amount: { amount: r.fees, currency },
        feeType: r.kind === 'refund' ? 'Fees on a refund, net of fees given back' : 'Fees on a chargeback',
      });
    }
  }

  private looseEntry(t: LooseTotals, keys: KeyCounter) {
    const { importId, emit } = this.ctx;
    const { line: row, orderId, date, currency, settlementId } = t;
    if (t.cls === 'fee') {
      const key = keys.next(dedupeKey('amazon', 'fee', settlementId, -t.amount));
      const amount = { amount: -t.amount, currency };
      const feeType = describe(t.transactionType, t.labels);
      emit(
        orderId
          ? { platform: 'amazon', date, importId, row, orderId, kind: 'fee', key, amount, feeType }
          : { platform: 'amazon', date, importId, row, kind: 'fee', key, amount, feeType },
      );
    } else if (t.cls === 'reserve') {
      const key = keys.next(dedupeKey('amazon', 'reserve', settlementId, -t.amount));
      const amount = { amount: -t.amount, currency };
      emit(
        orderId
          ? { platform: 'amazon', date, importId, row, orderId, kind: 'reserve', key, amount }
          : { platform: 'amazon', date, importId, row, kind: 'reserve', key, amount },
      );
    } else {
      const key = keys.next(dedupeKey('amazon', 'adjustment', settlementId, t.amount));
      const amount = { amount: t.amount, currency };
      const description = describe(t.transactionType, t.labels);
      emit(
        orderId
          ? { platform: 'amazon', date, importId, row, orderId, kind: 'adjustment', key, amount, description }
          : { platform: 'amazon', date, importId, row, kind: 'adjustment', key, amount, description },
      );
    }
  }

  /** The amounts of a settlement's data rows should add up to its total (row 1). */
  private sumCheck(): void {
    for (const s of this.summaries.values()) {
      if (this.skipped.has(s.settlementId)) continue;
      const sum = this.sums.get(s.settlementId)?.sum ?? 0;
      if (sum === s.total) continue;
      this.ctx.issue(
        s.line,
        null,
        ISSUE.settlementMismatch(
          s.settlementId,
          formatMinor(sum, s.currency),
          s.currency,
          formatMinor(s.total, s.currency),
        ),
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
  // The columns every row reads, each looked up once rather than on every cell.
  const amountCells = amountColumns.map((c) => header.reader(c));
  const dateCells = dateColumns.map((c) => header.reader(c));
  const cell = {
    settlementId: header.reader('settlementId'),
    transactionType: header.reader('transactionType'),
    total: header.reader('total'),
    marketplace: header.reader('marketplace'),
    currency: header.reader('currency'),
    postedDate: header.reader('postedDate'),
    orderId: header.reader('orderId'),
    adjustmentId: header.reader('adjustmentId'),
    sku: header.reader('sku'),
  };

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
        ISSUE.notACurrency(header.get(cells, 'currency'), THEN.settlementTotalNotRead()),
      );
      return;
    }
    const text = header.get(cells, 'total');
    const total = guess.amount(text, currency);
    if (total === undefined || total === null) {
      ctx.issue(line, 'total', ISSUE.notAnAmount(text, THEN.settlementTotalNotRead()));
      return;
    }
    const deposit = date(cells, 'depositDate');
    const end = date(cells, 'endDate');
    if (deposit === null)
      ctx.issue(line, 'depositDate', ISSUE.notADate(header.get(cells, 'depositDate'), THEN.payoutNotRead()));
    ledger.summary({
      line,
      settlementId,
      currency,
      total,
      depositDate: deposit ?? undefined,
      endDate: end ?? undefined,
    });
  };

  // Every row repeats the marketplace name: kept orders share one string rather than one each.
  let lastMarketplace = '';
  const data = (cells: readonly string[], line: number, settlementId: string, transactionType: string) => {
    let marketplace = cell.marketplace(cells);
    if (marketplace === lastMarketplace) marketplace = lastMarketplace;
    else lastMarketplace = marketplace;
    const currency =
      currencyCode(cell.currency(cells)) ??
      ledger.currencyOf(settlementId) ??
      marketplaceCurrency(marketplace);
    if (!currency) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(line, 'currency', ISSUE.noCurrencyNoSummary(THEN.rowSkipped()));
    }
    const postedText = cell.postedDate(cells);
    let posted = postedText === '' ? undefined : (guess.date(postedText) ?? null);
    if (posted === undefined && layout.fallbackDate) {
      const text = layout.fallbackDate(cells);
      posted = text ? (guess.date(text) ?? null) : undefined;
    }
    if (posted === null) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(line, 'postedDate', ISSUE.notADate(postedText, THEN.rowSkipped()));
    }
    const when = posted ?? ledger.endOf(settlementId);
    let bad = false;
    const amounts = layout.amounts(cells, (column) => {
      const text = header.get(cells, column);
      const value = guess.amount(text, currency);
      if (value === undefined) {
        if (!bad) ctx.issue(line, column, ISSUE.notAnAmount(text, THEN.rowSkipped()));
        bad = true;
        return null;
      }
      return value;
    });
    if (bad) return ledger.rowSkipped(settlementId);
    if (amounts.length === 0) return; // a row that moved no money (e.g. V1's quantity-only order line)
    if (!when) {
      ledger.rowSkipped(settlementId);
      return ctx.issue(line, 'postedDate', ISSUE.rowHasNoPostedDate(THEN.itSkipped()));
    }
    ledger.row({
      line,
      settlementId,
      transactionType,
      orderId: cell.orderId(cells),
      adjustmentId: cell.adjustmentId(cells),
      sku: cell.sku(cells),
      marketplace,
      date: when,
      currency,
      amounts,
    });
  };

  const pending = new PendingRows(
    () => guess.settled,
    (cells, line) => {
      const settlementId = cell.settlementId(cells);
      const transactionType = cell.transactionType(cells);
      const isSummary = transactionType === '' && cell.total(cells) !== '';
      if (isSummary) summary(cells, line, settlementId);
      else data(cells, line, settlementId, transactionType);
    },
  );

  return {
    row(cells: readonly string[], line: number) {
      if (!guess.markProved) for (const read of amountCells) guess.observeAmount(read(cells));
      if (!guess.orderProved) for (const read of dateCells) guess.observeDate(read(cells));
      pending.push(cells, line);
    },
    end() {
      pending.flush();
      ledger.end();
    },
  };
}
