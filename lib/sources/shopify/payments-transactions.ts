import type { LedgerEntry } from '../../domain/records.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { StringIndex } from '../../import/string-index.ts';
import { amountText, currencyCode, dedupeKey, numberText, Occurrences } from '../entries.ts';
import { defineFormat } from '../format.ts';
import { chronological, ShopifyTimes } from './keys.ts';

/**
 * Shopify Payments transactions export (`payment_transactions_export_1.csv`, FORMATS.md 2b): one
 * row per charge, refund, adjustment or dispute, with the processing fee beside it. Newest first.
 *
 * - Orders: one `order` per charge, keyed `shopify:order:<Name>` like the orders export, so
 *   importing both files counts each order once. An order charged twice (an order edit) gets
 *   `:2` on its later charge, numbered chronologically within the file.
 * - `marketplace sales tax` rows are sales tax Shopify collected inside the charge and remits
 *   itself: they are taken off the order's gross (gross excludes marketplace-remitted tax).
 * - `shop_cash_credit` rows are Shop Cash the buyer paid the order with (Shopify pays it): added
 *   to the order's gross. Both fall back to an adjustment when the order's charge is not in the
 *   file. `shop_cash_campaign_billing_debit` is the seller's Shop Cash campaign bill: a fee.
 * - Refunds are keyed `shopify:refund:<Name>` (later ones `:2`…), like the orders export.
 * - `Fee` is the processing fee of the row (0.00 on refunds: it is not given back). A `VAT`
 *   column, when present, is VAT included in that fee (Net = Amount - Fee in every sample), so it
 *   is not counted again. `Presentment Amount` is positive even on refunds: never used.
 */
export const shopifyPaymentsTransactions = defineFormat({
  id: 'shopify-payments-transactions',
  platform: 'shopify',
  label: 'Shopify Payments transactions export',
  delimiters: [','],
  // Repeated rows are numbered (`#2`, `:2`) or merged: no key twice (tested with doubled fixtures).
  uniqueKeys: true,
  columns: {
    date: ['Transaction Date'],
    type: ['Type'],
    order: ['Order'],
    payoutStatus: ['Payout Status'],
    payoutId: ['Payout ID'],
    amount: ['Amount'],
    fee: ['Fee'],
    net: ['Net'],
    checkout: ['Checkout'],
    currency: ['Currency'],
    cardBrand: ['Card Brand'],
    vat: ['VAT'],
  },
  required: ['date', 'type', 'amount', 'fee', 'net', 'currency', 'cardBrand'],
  createReader(ctx) {
    const { header, importId } = ctx;
    const emit = (entry: LedgerEntry) => ctx.emit(entry);
    /** Marketplace tax and Shop Cash per order, applied to its first charge at `end`. */
    const extras = new Map<string, Extra[]>();
    /** Rows without an order (keyed by checkout) are told apart by their whole identity. */
    const rowIds = new Occurrences(':');
    /** An order's rows; its charges and refunds wait for `end`: keys are numbered in time order, not file order. */
    const orderRows = new OrderRows(ctx.expectedRows ?? 0);
    const times = new ShopifyTimes();
    const here: Place = { line: 0, date: '', order: '', currency: '' };
    // The columns every row reads, each looked up once.
    const cell = {
      date: header.reader('date'),
      currency: header.reader('currency'),
      amount: header.reader('amount'),
      fee: header.reader('fee'),
      type: header.reader('type'),
      order: header.reader('order'),
    };

    return {
      row(cells, line) {
        const rawDate = cell.date(cells);
        const stamp = times.read(rawDate);
        const date = times.day;
        if (!date) return ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.rowSkipped()));
        const currencyText = cell.currency(cells);
        const currency = currencyCode(currencyText);
        if (!currency) {
          return ctx.issue(line, 'currency', ISSUE.notACurrency(currencyText, THEN.rowSkipped()));
        }
        const amount = amountText(ctx, cell.amount(cells), 'amount', currency, line, '.');
        const fee = amountText(ctx, cell.fee(cells), 'fee', currency, line, '.');
        if (amount === undefined || fee === undefined) return;
        const typeText = cell.type(cells);
        const type = typeText.toLowerCase();
        const order = cell.order(cells);
        // The export has no transaction id: date-time, type, order and amount identify a row; a
        // repeat of all four within the file gets `:2`, `:3`…
        let id: string;
        if (order) {
          const movement =
            type === 'charge' || type === 'sale'
              ? CHARGE
              : type === 'refund' && amount < 0
                ? REFUND
                : NO_MOVEMENT;
          // The order's earlier rows are compared instead of indexing every row's identity.
          const repeats = orderRows.add(order, stamp, type, amount, line, date, currency, movement);
          if (Number.isNaN(stamp)) id = rowIds.key(`${rawDate}|${type}|${order}|${numberText(amount)}`);
          else {
            const base = `${rawDate}|${type}|${order}|${numberText(amount)}`;
            id = repeats === 0 ? base : `${base}:${repeats + 1}`;
          }
        } else id = rowIds.key(`${rawDate}|${type}|${header.get(cells, 'checkout')}|${numberText(amount)}`);
        // One place object for every row: the records copy its fields, `Extra` copies it.
        const at = here;
        at.line = line;
        at.date = date;
        at.order = order;
        at.currency = currency;

        switch (type) {
          case 'charge':
          case 'sale':
            // An order's charges wait in `orderRows` for the end of the file.
            if (!order)
              emit(orderEntry(at, importId, dedupeKey('shopify', 'order', 'payments', id), id, amount));
            break;
          case 'refund':
            // A positive refund row (a refund that failed and came back) is not money returned.
            if (amount >= 0) emitAdjustment(at, importId, emit, id, amount, typeText);
            else if (!order)
              emit(
                moneyEntry(at, importId, 'refund', dedupeKey('shopify', 'refund', 'payments', id), -amount),
              );
            break;
          case 'marketplace sales tax':
          case 'shop_cash_credit':
            if (order) {
              const group = [order, currency].join('|');
              const extra: Extra = { at: { line, date, order, currency }, amount, id, description: typeText };
              const list = extras.get(group);
              if (list) list.push(extra);
              else extras.set(group, [extra]);
            } else emitAdjustment(at, importId, emit, id, amount, typeText);
            break;
          case 'shop_cash_campaign_billing_debit':
            if (amount !== 0) {
              const key = dedupeKey('shopify', 'fee', 'payments', id, 'campaign');
              emit(feeEntry(at, importId, key, -amount, 'Shop Cash campaign'));
            }
            break;
          case 'chargeback':
          case 'dispute':
            // A dispute takes the money back (negative); a won dispute returns it (positive).
            if (amount < 0) {
              const key = dedupeKey('shopify', 'chargeback', 'payments', id);
              emit(moneyEntry(at, importId, 'chargeback', key, -amount));
            } else emitAdjustment(at, importId, emit, id, amount, typeText);
            break;
          case 'reserve':
          case 'reserved funds':
            if (amount !== 0) {
              emit(
                moneyEntry(at, importId, 'reserve', dedupeKey('shopify', 'reserve', 'payments', id), -amount),
              );
            }
            break;
          default:
            emitAdjustment(at, importId, emit, id, amount, typeText);
        }
        if (fee !== 0) {
          emit(feeEntry(at, importId, FEE_KEY_PREFIX + id, fee, 'Payment processing'));
        }
      },
      // In parts of a few thousand orders: a 700,000-row file has as many orders to emit here,
      // which a reader that stores as it reads (the import worker) stores part by part.
      *end() {
        // The order's charges in time order: the first carries the order key, tax and Shop Cash.
        const charge = (list: readonly Movement[], ids: readonly string[]) => {
          let extra = 0;
          if (extras.size > 0) {
            const group = `${list[0]?.order}|${list[0]?.currency}`;
            const added = extras.get(group);
            if (added) {
              extras.delete(group);
              for (const m of added) extra += m.amount;
            }
          }
          for (let i = 0; i < list.length; i++) {
            const m = list[i] as Movement;
            const key =
              i === 0 ? dedupeKey('shopify', 'order', ...ids) : dedupeKey('shopify', 'order', ...ids, i + 1);
            emit(orderEntry(m, importId, key, m.order, i === 0 ? m.amount + extra : m.amount));
          }
        };
        const refund = (list: readonly Movement[], ids: readonly string[]) => {
          for (let i = 0; i < list.length; i++) {
            const m = list[i] as Movement;
            const key =
              i === 0
                ? dedupeKey('shopify', 'refund', ...ids)
                : dedupeKey('shopify', 'refund', ...ids, i + 1);
            emit(moneyEntry(m, importId, 'refund', key, -m.amount));
          }
        };
        for (let from = 0; from < orderRows.charges.size; from += GROUPS_PER_PART) {
          orderRows.forEachGroup(orderRows.charges, charge, from, from + GROUPS_PER_PART);
          yield;
        }
        for (let from = 0; from < orderRows.refunds.size; from += GROUPS_PER_PART) {
          orderRows.forEachGroup(orderRows.refunds, refund, from, from + GROUPS_PER_PART);
          yield;
        }
        // Tax or Shop Cash whose order has no charge in this file: kept as adjustments.
        for (const list of extras.values()) {
          for (const m of list) emitAdjustment(m.at, importId, emit, m.id, m.amount, m.description);
        }
      },
    };
  },
});

/** Where a row's records belong: its line, day, order (may be empty) and currency. */
interface Place {
  line: number;
  date: string;
  order: string;
  currency: string;
}

/** A charge or refund kept until the end of the file. */
interface Movement extends Place {
  stamp: number;
  amount: number;
}

/** A marketplace tax or Shop Cash row of an order, kept until the end of the file. */
interface Extra {
  at: Place;
  amount: number;
  /** The row's identity (date-time, type, order, amount), for the key of its adjustment. */
  id: string;
  description: string;
}

/** Orders (or refunds) emitted per step of `end`. */
const GROUPS_PER_PART = 5_000;

/** `dedupeKey('shopify', 'fee', 'payments', id)` is this + id: one concatenation on the hot path. */
const FEE_KEY_PREFIX = dedupeKey('shopify', 'fee', 'payments', '');

/** A row's part in its order's money: a charge, a refund (money back to the buyer), or neither. */
const NO_MOVEMENT = 0;
const CHARGE = 1;
const REFUND = 2;
type MovementKind = typeof CHARGE | typeof REFUND;

/**
 * The rows of a file's orders, kept until the end of the file: each order numbered in the order it
 * first appears, each of its rows linked to the order's previous row with what the keys and records
 * need (time, type, amount, line, day, currency). One row is stored once, in typed columns: a
 * large export holds a million, and typed arrays cost the garbage collector nothing to trace.
 * Charges and refunds are also grouped per order and currency, in the order each group first
 * appears (the records are emitted in that order).
 */
class OrderRows {
  private readonly orders: StringIndex;
  /** Per order: its last row, -1 before the first. */
  private lastRowOf: Int32Array;
  // Per row.
  private previousRow: Int32Array;
  private stamps: Float64Array;
  private amounts: Float64Array;
  private lines: Int32Array;
  private dayOf: Int32Array;
  private currencyOf: Uint16Array;
  private typeOf: Int32Array;
  private movementOf: Uint8Array;
  private rows = 0;
  /** Days and currencies as small numbers: rows of a day come together, a file has a few currencies. */
  private readonly days: string[] = [];
  private readonly currencies: string[] = [];
  private readonly currencyCodes = new Map<string, number>();
  /** Row types as small numbers: a file has a handful. */
  private readonly typeCodes = new Map<string, number>();
  private lastType = '';
  private lastTypeCode = -1;
  readonly charges: MovementGroups;
  readonly refunds: MovementGroups;

  /** `expectedRows`: the file's rows, about (0: unknown); an order has at least one. */
  constructor(expectedRows: number) {
    const rows = Math.max(1024, expectedRows);
    this.orders = new StringIndex(expectedRows);
    this.lastRowOf = new Int32Array(rows);
    this.previousRow = new Int32Array(rows);
    this.stamps = new Float64Array(rows);
    this.amounts = new Float64Array(rows);
    this.lines = new Int32Array(rows);
    this.dayOf = new Int32Array(rows);
    this.currencyOf = new Uint16Array(rows);
    this.typeOf = new Int32Array(rows);
    this.movementOf = new Uint8Array(rows);
    // Most orders are charged; few are refunded.
    this.charges = new MovementGroups(CHARGE, rows);
    this.refunds = new MovementGroups(REFUND, 1024);
  }

  /** The order's text, by number. */
  text(orderNo: number): string {
    return this.orders.keyAt(orderNo);
  }

  /**
   * Adds a row of `order`; returns how many earlier rows of the same order had the same time,
   * type and amount (times compared as instants: one written two ways, `-0400` and `-04:00`, in
   * one file counts as the same time; an unreadable time, NaN, matches none).
   */
  add(
    order: string,
    stamp: number,
    type: string,
    amount: number,
    line: number,
    date: string,
    currency: string,
    movement: typeof NO_MOVEMENT | MovementKind,
  ): number {
    const known = this.orders.size;
    const orderNo = this.orders.add(order);
    if (orderNo === known) {
      if (orderNo === this.lastRowOf.length) this.lastRowOf = grown(this.lastRowOf);
      this.lastRowOf[orderNo] = -1;
    }
    // Rows mostly repeat the last row's type: a comparison instead of a lookup.
    let typeCode = this.lastTypeCode;
    if (type !== this.lastType) {
      typeCode = this.typeCodes.get(type) ?? this.typeCodes.size;
      if (typeCode === this.typeCodes.size) this.typeCodes.set(type, typeCode);
      this.lastType = type;
      this.lastTypeCode = typeCode;
    }
    let repeats = 0;
    for (let r = this.lastRowOf[orderNo] as number; r !== -1; r = this.previousRow[r] as number) {
      if (this.stamps[r] === stamp && this.typeOf[r] === typeCode && this.amounts[r] === amount) repeats += 1;
    }
    const row = this.rows;
    if (row === this.stamps.length) this.grow();
    this.rows = row + 1;
    this.previousRow[row] = this.lastRowOf[orderNo] as number;
    this.lastRowOf[orderNo] = row;
    this.stamps[row] = stamp;
    this.amounts[row] = amount;
    this.lines[row] = line;
    this.typeOf[row] = typeCode;
    this.movementOf[row] = movement;
    const days = this.days;
    if (days.length === 0 || days[days.length - 1] !== date) days.push(date);
    this.dayOf[row] = days.length - 1;
    let currencyNo = this.currencyCodes.get(currency);
    if (currencyNo === undefined) {
      currencyNo = this.currencies.length;
      this.currencies.push(currency);
      this.currencyCodes.set(currency, currencyNo);
    }
    this.currencyOf[row] = currencyNo;
    if (movement === CHARGE) this.charges.add(orderNo, currencyNo, row);
    else if (movement === REFUND) this.refunds.add(orderNo, currencyNo, row);
    return repeats;
  }

  private grow(): void {
    this.previousRow = grown(this.previousRow);
    this.stamps = grown(this.stamps);
    this.amounts = grown(this.amounts);
    this.lines = grown(this.lines);
    this.dayOf = grown(this.dayOf);
    this.currencyOf = grown(this.currencyOf);
    this.typeOf = grown(this.typeOf);
    this.movementOf = grown(this.movementOf);
  }

  /**
   * Each group of `groups` (an order's charges, or refunds, in one currency) with its movements in
   * time order, and the ids its keys are made of: the order, and the currency too when it is not
   * the order's first one (so that no key is emitted twice).
   */
  forEachGroup(
    groups: MovementGroups,
    visit: (movements: readonly Movement[], ids: readonly string[]) => void,
    from = 0,
    to = groups.size,
  ): void {
    // Most orders are charged once: their one movement goes in a list reused from group to group
    // (visitors do not keep it), rather than a new list and object for each.
    const one: Movement = { line: 0, date: '', order: '', currency: '', stamp: 0, amount: 0 };
    const single = [one];
    for (let group = from; group < Math.min(to, groups.size); group++) {
      const order = this.text(groups.orderOf[group] as number);
      const currencyNo = groups.currencyOf[group] as number;
      const currency = this.currencies[currencyNo] as string;
      const ids = groups.firstOf[group] ? [order] : [order, currency];
      const last = groups.lastRowOf[group] as number;
      if (groups.countOf[group] === 1) {
        this.fill(one, last, order, currency);
        visit(single, ids);
        continue;
      }
      // The order's rows, newest in the file first: its movements of this kind and currency.
      const list: Movement[] = [];
      for (let r = last; r !== -1; r = this.previousRow[r] as number) {
        if (this.movementOf[r] !== groups.kind || this.currencyOf[r] !== currencyNo) continue;
        const m: Movement = { line: 0, date: '', order: '', currency: '', stamp: 0, amount: 0 };
        this.fill(m, r, order, currency);
        list.push(m);
      }
      list.reverse(); // file order, then time order
      visit(chronological(list), ids);
    }
  }

  private fill(m: Movement, row: number, order: string, currency: string): void {
    m.line = this.lines[row] as number;
    m.date = this.days[this.dayOf[row] as number] as string;
    m.order = order;
    m.currency = currency;
    m.stamp = this.stamps[row] as number;
    m.amount = this.amounts[row] as number;
  }
}

/**
 * An order's charges (or refunds) in one currency form a group; groups are numbered in the order
 * they first appear. A group's rows are found through the order's row links, from its last row.
 */
class MovementGroups {
  /** Per order number: its first group + 1 (0: none yet). Groups in other currencies are in `otherCurrency`. */
  private groupOfOrder: Int32Array;
  private readonly otherCurrency = new Map<string, number>();
  orderOf: Int32Array;
  currencyOf: Uint16Array;
  /** 1 when the group is its order's first currency (its keys then name no currency). */
  firstOf: Uint8Array;
  lastRowOf: Int32Array;
  countOf: Int32Array;
  size = 0;

  /** `expectedGroups`: room for that many groups from the start. */
  constructor(
    readonly kind: MovementKind,
    expectedGroups: number,
  ) {
    this.groupOfOrder = new Int32Array(expectedGroups);
    this.orderOf = new Int32Array(expectedGroups);
    this.currencyOf = new Uint16Array(expectedGroups);
    this.firstOf = new Uint8Array(expectedGroups);
    this.lastRowOf = new Int32Array(expectedGroups);
    this.countOf = new Int32Array(expectedGroups);
  }

  add(orderNo: number, currencyNo: number, row: number): void {
    if (orderNo >= this.groupOfOrder.length) this.groupOfOrder = grown(this.groupOfOrder, orderNo + 1);
    let group = (this.groupOfOrder[orderNo] as number) - 1;
    if (group === -1) {
      group = this.newGroup(orderNo, currencyNo, true);
      this.groupOfOrder[orderNo] = group + 1;
    } else if (this.currencyOf[group] !== currencyNo) {
      const key = `${orderNo}|${currencyNo}`;
      group = this.otherCurrency.get(key) ?? -1;
      if (group === -1) {
        group = this.newGroup(orderNo, currencyNo, false);
        this.otherCurrency.set(key, group);
      }
    }
    this.lastRowOf[group] = row;
    this.countOf[group] = (this.countOf[group] as number) + 1;
  }

  private newGroup(orderNo: number, currencyNo: number, first: boolean): number {
    const group = this.size;
    if (group === this.orderOf.length) {
      this.orderOf = grown(this.orderOf);
      this.currencyOf = grown(this.currencyOf);
      this.firstOf = grown(this.firstOf);
      this.lastRowOf = grown(this.lastRowOf);
      this.countOf = grown(this.countOf);
    }
    this.size = group + 1;
    this.orderOf[group] = orderNo;
    this.currencyOf[group] = currencyNo;
    this.firstOf[group] = first ? 1 : 0;
    return group;
  }
}

type Column = Int32Array | Float64Array | Uint16Array | Uint8Array;

/** A copy of `column` with twice its room, or room for `least` values. */
function grown<T extends Column>(column: T, least = 0): T {
  const copy = new (column.constructor as new (length: number) => T)(Math.max(2 * column.length, least));
  copy.set(column);
  return copy;
}

// The records below are written as explicit object literals: an object spread costs
// microseconds per record in V8, which adds up over a million rows. Property order is the
// same as it always was (`orderId` after `row`, when there is an order).

function orderEntry(at: Place, importId: string, key: string, orderId: string, amount: number): LedgerEntry {
  const { line: row, date, currency } = at;
  const gross = { amount, currency };
  return at.order
    ? { platform: 'shopify', date, importId, row, orderId, kind: 'order', key, gross, status: 'paid' }
    : { platform: 'shopify', date, importId, row, kind: 'order', key, orderId, gross, status: 'paid' };
}

function moneyEntry(
  at: Place,
  importId: string,
  kind: 'refund' | 'chargeback' | 'reserve',
  key: string,
  amount: number,
): LedgerEntry {
  const { line: row, date, order: orderId, currency } = at;
  const money = { amount, currency };
  return orderId
    ? { platform: 'shopify', date, importId, row, orderId, kind, key, amount: money }
    : { platform: 'shopify', date, importId, row, kind, key, amount: money };
}

function feeEntry(at: Place, importId: string, key: string, amount: number, feeType: string): LedgerEntry {
  const { line: row, date, order: orderId, currency } = at;
  const money = { amount, currency };
  return orderId
    ? { platform: 'shopify', date, importId, row, orderId, kind: 'fee', key, amount: money, feeType }
    : { platform: 'shopify', date, importId, row, kind: 'fee', key, amount: money, feeType };
}

/** Money with no better place (a failed refund coming back, a won dispute, an unknown type). */
function emitAdjustment(
  at: Place,
  importId: string,
  emit: (entry: LedgerEntry) => void,
  id: string,
  amount: number,
  description: string,
): void {
  if (amount === 0) return;
  const { line: row, date, order: orderId, currency } = at;
  const key = dedupeKey('shopify', 'adjustment', 'payments', id);
  const money = { amount, currency };
  emit(
    orderId
      ? {
          platform: 'shopify',
          date,
          importId,
          row,
          orderId,
          kind: 'adjustment',
          key,
          amount: money,
          description,
        }
      : { platform: 'shopify', date, importId, row, kind: 'adjustment', key, amount: money, description },
  );
}
