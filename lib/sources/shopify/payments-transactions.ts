import type { LedgerEntry } from '../../domain/records.ts';
import { parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { StringIndex } from '../../import/string-index.ts';
import { amountText, currencyCode, dedupeKey, Occurrences } from '../entries.ts';
import { defineFormat } from '../format.ts';
import { chronological, shopifyTimestamp } from './keys.ts';

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
    /** Charges and refunds wait for `end`: keys are numbered in time order, not file order. */
    const charges = new MovementLog();
    const refunds = new MovementLog();
    /** Marketplace tax and Shop Cash per order, applied to its first charge at `end`. */
    const extras = new Map<string, Extra[]>();
    /** Rows without an order (keyed by checkout) are told apart by their whole identity. */
    const rowIds = new Occurrences(':');
    const orderRows = new OrderRows();
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
        const date = parseDate(rawDate, 'ymd');
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
        const stamp = shopifyTimestamp(rawDate);
        let id: string;
        let orderNo = -1;
        if (order && !Number.isNaN(stamp)) {
          // The order's earlier rows are compared instead of indexing every row's identity.
          const repeats = orderRows.add(order, stamp, type, amount);
          orderNo = orderRows.lastOrder;
          const base = `${rawDate}|${type}|${order}|${amount}`;
          id = repeats === 0 ? base : `${base}:${repeats + 1}`;
        } else id = rowIds.key(`${rawDate}|${type}|${order || header.get(cells, 'checkout')}|${amount}`);
        const at: Place = { line, date, order, currency };

        switch (type) {
          case 'charge':
          case 'sale':
            if (order) charges.add(orderNo === -1 ? orderRows.number(order) : orderNo, at, stamp, amount);
            else emit(orderEntry(at, importId, dedupeKey('shopify', 'order', 'payments', id), id, amount));
            break;
          case 'refund':
            // A positive refund row (a refund that failed and came back) is not money returned.
            if (amount >= 0) emitAdjustment(at, importId, emit, id, amount, typeText);
            else if (order)
              refunds.add(orderNo === -1 ? orderRows.number(order) : orderNo, at, stamp, amount);
            else
              emit(
                moneyEntry(at, importId, 'refund', dedupeKey('shopify', 'refund', 'payments', id), -amount),
              );
            break;
          case 'marketplace sales tax':
          case 'shop_cash_credit':
            if (order) {
              const group = [order, currency].join('|');
              const extra: Extra = { at, amount, id, description: typeText };
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
          emit(
            feeEntry(at, importId, dedupeKey('shopify', 'fee', 'payments', id), fee, 'Payment processing'),
          );
        }
      },
      end() {
        // The order's charges in time order: the first carries the order key, tax and Shop Cash.
        charges.forEachGroup(orderRows, (list, ids) => {
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
        });
        refunds.forEachGroup(orderRows, (list, ids) => {
          for (let i = 0; i < list.length; i++) {
            const m = list[i] as Movement;
            const key =
              i === 0
                ? dedupeKey('shopify', 'refund', ...ids)
                : dedupeKey('shopify', 'refund', ...ids, i + 1);
            emit(moneyEntry(m, importId, 'refund', key, -m.amount));
          }
        });
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

/**
 * The orders of a file, numbered in the order they first appear, and each row of an order linked
 * to that order's previous row, with what identifies it (time, type, amount). Kept in columns: a
 * large export holds a million rows.
 */
class OrderRows {
  private readonly orders = new StringIndex();
  /** Per order: its last row, -1 before the first. */
  private lastRowOf: number[] = [];
  private readonly previousRow: number[] = [];
  private readonly stamps: number[] = [];
  private readonly types: number[] = [];
  private readonly amounts: number[] = [];
  /** Row types as small numbers: a file has a handful. */
  private readonly typeCodes = new Map<string, number>();
  /** The order number of the last `add` or `number`. */
  lastOrder = -1;

  /** The order's number. */
  number(order: string): number {
    const orderNo = this.orders.add(order);
    if (orderNo === this.lastRowOf.length) this.lastRowOf.push(-1);
    this.lastOrder = orderNo;
    return orderNo;
  }

  /** The order's text, by number. */
  text(orderNo: number): string {
    return this.orders.keyAt(orderNo);
  }

  /**
   * Adds a row of the order; returns how many earlier rows of the same order had the same time,
   * type and amount. Times are compared as instants: one written two ways (`-0400`, `-04:00`) in
   * one file counts as the same time.
   */
  add(order: string, stamp: number, type: string, amount: number): number {
    const orderNo = this.number(order);
    let typeCode = this.typeCodes.get(type);
    if (typeCode === undefined) {
      typeCode = this.typeCodes.size;
      this.typeCodes.set(type, typeCode);
    }
    let repeats = 0;
    for (let r = this.lastRowOf[orderNo] as number; r !== -1; r = this.previousRow[r] as number) {
      if (this.stamps[r] === stamp && this.types[r] === typeCode && this.amounts[r] === amount) repeats += 1;
    }
    const row = this.stamps.length;
    this.stamps.push(stamp);
    this.types.push(typeCode);
    this.amounts.push(amount);
    this.previousRow.push(this.lastRowOf[orderNo] as number);
    this.lastRowOf[orderNo] = row;
    return repeats;
  }
}

/**
 * Charges (or refunds) kept until the end of the file, by order and currency in the order each
 * first appears. Kept in columns rather than an object per row: a large export holds a million.
 */
class MovementLog {
  /** Per order number: its group + 1 (0: none yet). An order's movements in a second currency go in `otherCurrency`. */
  private groupOfOrder: number[] = [];
  private readonly otherCurrency = new Map<string, number>();
  private readonly groupOrder: number[] = [];
  /** Whether the group is its order's first currency (its keys then name no currency). */
  private readonly groupFirst: boolean[] = [];
  private readonly groupCurrency: string[] = [];
  private readonly groupLast: number[] = [];
  private readonly lines: number[] = [];
  private readonly dates: string[] = [];
  private readonly stamps: number[] = [];
  private readonly amounts: number[] = [];
  /** The previous movement of the same group, -1 for its first. */
  private readonly previous: number[] = [];

  /** The last date kept: rows of a day come together, and one string per day is kept, not per row. */
  private lastDate = '';

  add(orderNo: number, at: Place, stamp: number, amount: number): void {
    const index = this.lines.length;
    this.lines.push(at.line);
    if (at.date !== this.lastDate) this.lastDate = at.date;
    this.dates.push(this.lastDate);
    this.stamps.push(stamp);
    this.amounts.push(amount);
    while (this.groupOfOrder.length <= orderNo) this.groupOfOrder.push(0);
    let group = (this.groupOfOrder[orderNo] as number) - 1;
    if (group !== -1 && this.groupCurrency[group] !== at.currency) {
      group = this.otherCurrency.get(`${orderNo}|${at.currency}`) ?? -1;
      if (group === -1) {
        group = this.newGroup(orderNo, at.currency, index, false);
        this.otherCurrency.set(`${orderNo}|${at.currency}`, group);
        return;
      }
    } else if (group === -1) {
      this.groupOfOrder[orderNo] = this.newGroup(orderNo, at.currency, index, true) + 1;
      return;
    }
    this.previous.push(this.groupLast[group] as number);
    this.groupLast[group] = index;
  }

  private newGroup(orderNo: number, currency: string, index: number, first: boolean): number {
    this.groupOrder.push(orderNo);
    this.groupFirst.push(first);
    this.groupCurrency.push(currency);
    this.groupLast.push(index);
    this.previous.push(-1);
    return this.groupOrder.length - 1;
  }

  /**
   * Each group (an order in one currency) with its movements in time order, and the ids its
   * keys are made of: the order, and the currency too when it is not the order's first one (so
   * that no key is emitted twice).
   */
  forEachGroup(
    orders: OrderRows,
    visit: (movements: readonly Movement[], ids: readonly string[]) => void,
  ): void {
    // Most orders are charged once: their one movement goes in a list reused from group to group
    // (visitors do not keep it), rather than a new list and object for each.
    const one: Movement = { line: 0, date: '', order: '', currency: '', stamp: 0, amount: 0 };
    const single = [one];
    for (let group = 0; group < this.groupOrder.length; group++) {
      const order = orders.text(this.groupOrder[group] as number);
      const currency = this.groupCurrency[group] as string;
      const ids = this.groupFirst[group] ? [order] : [order, currency];
      const last = this.groupLast[group] as number;
      if (this.previous[last] === -1) {
        one.line = this.lines[last] as number;
        one.date = this.dates[last] as string;
        one.order = order;
        one.currency = currency;
        one.stamp = this.stamps[last] as number;
        one.amount = this.amounts[last] as number;
        visit(single, ids);
        continue;
      }
      const list: Movement[] = [];
      for (let i = last; i !== -1; i = this.previous[i] as number) {
        list.push({
          line: this.lines[i] as number,
          date: this.dates[i] as string,
          order,
          currency,
          stamp: this.stamps[i] as number,
          amount: this.amounts[i] as number,
        });
      }
      list.reverse(); // file order, then time order
      visit(chronological(list), ids);
    }
  }
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
