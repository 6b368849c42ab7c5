import type { Platform } from '../../domain/records.ts';
import { parseAmount, splitCurrencyMarker } from '../../import/amounts.ts';
import { type DateOrder, parseDate } from '../../import/dates.ts';
import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { isCurrencyCode, minorUnitExponent } from '../../money/currencies.ts';
import { dedupeKey } from '../../sources/entries.ts';
import { type AnyReportFormat, defineFormat, type ReaderContext } from '../../sources/format.ts';

/**
 * Header dictionaries and row readers for list pages of sites that have no report-file format in
 * Tradeline (AliExpress, Alibaba.com, DHgate): an order list and a fund statement. Each site gives
 * its own column words (English and Chinese) and status words; the reading is shared.
 */

/** What a site writes for the yen sign matters: `¥`/`￥` is CNY on Chinese sellers' pages. */
export interface MoneyReading {
  /** Currency of a bare number when the page states none. */
  fallbackCurrency?: string;
  /** `¥`, `￥`, `元`, `RMB` as this currency (CNY on Chinese sites). */
  yen?: 'CNY' | 'JPY';
}

/** An amount cell such as `US $12.30`, `¥88.00`, `1,234.50 USD`, `-$3.10`, `88.00元`. */
export function pageMoney(
  text: string,
  currencyCell: string,
  reading: MoneyReading,
): { amount: number; currency: string } | undefined | null {
  let cell = text.trim();
  if (cell === '' || cell === '--' || cell === '-') return null;
  let currency: string | undefined;
  const code = currencyCell.trim().toUpperCase();
  if (isCurrencyCode(code)) currency = code;
  if (/[¥￥元]|RMB/.test(cell)) {
    currency ??= reading.yen ?? 'JPY';
    cell = cell.replace(/[¥￥元]|RMB/g, '').trim();
  }
  const marker = splitCurrencyMarker(cell.replace(/^[-+−]\s*/, ''));
  currency ??= marker.currency ?? reading.fallbackCurrency;
  if (!currency) return undefined;
  const value = parseAmount(cell, minorUnitExponent(currency), 'auto');
  if (value === undefined || value === null) return value === null ? null : undefined;
  return { amount: value, currency };
}

/** `2026-03-05 10:12`, `2026年3月5日`, `Mar 5, 2026`, `05/03/2026` (in the site's order). */
export function pageDate(text: string, order: DateOrder): string | undefined {
  const cn = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  const normalised = cn ? `${cn[1]}-${cn[2]?.padStart(2, '0')}-${cn[3]?.padStart(2, '0')}` : text;
  return parseDate(normalised, order);
}

type OrderColumn = 'orderId' | 'date' | 'amount' | 'currency' | 'status';

export interface OrderListSpec extends MoneyReading {
  id: string;
  platform: Platform;
  label: string;
  columns: Readonly<Record<OrderColumn, readonly string[]>>;
  dateOrder: DateOrder;
  /** Statuses of orders the buyer paid for (counted). Matched against the status cell. */
  paid: RegExp;
  /** Statuses of orders not (or no longer) paid: left out without a word. */
  notPaid: RegExp;
}

/**
 * An order list: one row per order, counted when its status says the buyer paid; keyed
 * `<platform>:order:<order id>`, as the fund statements of the same site key an order's income.
 */
export function orderListFormat(spec: OrderListSpec): AnyReportFormat {
  return defineFormat<OrderColumn>({
    id: spec.id,
    platform: spec.platform,
    label: spec.label,
    delimiters: [','],
    columns: spec.columns,
    required: ['orderId', 'date', 'amount'],
    createReader(ctx) {
      const { header } = ctx;
      return {
        row(cells, line) {
          const orderId = header.get(cells, 'orderId').replace(/^#|^订单号[:：]?\s*/, '');
          if (!orderId) return ctx.issue(line, 'orderId', ISSUE.rowHasNoOrderNumber(THEN.itSkipped()));
          const status = header.get(cells, 'status');
          if (header.has('status')) {
            if (spec.notPaid.test(status)) return;
            if (!spec.paid.test(status)) {
              return ctx.issue(
                line,
                'status',
                ISSUE.unknownOrderStatus(status, THEN.orderNotCounted(orderId)),
              );
            }
          }
          const rawDate = header.get(cells, 'date');
          const date = pageDate(rawDate, spec.dateOrder);
          if (!date) return ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.orderSkipped(orderId)));
          const rawAmount = header.get(cells, 'amount');
          const money = pageMoney(rawAmount, header.get(cells, 'currency'), spec);
          if (!money) {
            return ctx.issue(
              line,
              'amount',
              money === null
                ? ISSUE.orderShowsNoAmount(orderId, THEN.itSkipped())
                : ISSUE.notAnAmountWithCurrency(rawAmount, THEN.orderSkipped(orderId)),
            );
          }
          ctx.emit({
            kind: 'order',
            platform: spec.platform,
            key: dedupeKey(spec.platform, 'order', orderId),
            date,
            importId: ctx.importId,
            row: line,
            orderId,
            gross: money,
            status: 'paid',
          });
        },
        end() {},
      };
    },
  });
}

type StatementColumn =
  | 'date'
  | 'type'
  | 'amount'
  | 'income'
  | 'expense'
  | 'currency'
  | 'orderId'
  | 'reference'
  | 'description';

/** What one statement line is, by its type words. */
export interface StatementKinds {
  /** Income from an order (keyed like the order list, so an order is counted once). */
  order: RegExp;
  refund: RegExp;
  fee: RegExp;
  payout: RegExp;
  /** Funds frozen or released by the platform. */
  reserve?: RegExp;
}

export interface StatementSpec extends MoneyReading {
  id: string;
  platform: Platform;
  label: string;
  columns: Readonly<Record<StatementColumn, readonly string[]>>;
  dateOrder: DateOrder;
  kinds: StatementKinds;
}

/**
 * A fund / settlement statement: one line per movement of the seller's account, signed (or in
 * separate income and expense columns). Order income becomes the order (keyed like the order list),
 * refunds, fees and withdrawals their records, anything else a signed adjustment.
 */
export function statementFormat(spec: StatementSpec): AnyReportFormat {
  return defineFormat<StatementColumn>({
    id: spec.id,
    platform: spec.platform,
    label: spec.label,
    delimiters: [','],
    columns: spec.columns,
    required: ['date', 'type'],
    createReader(ctx) {
      const seen = new Map<string, number>();
      return {
        row(cells, line) {
          readStatementRow(ctx, spec, cells, line, seen);
        },
        end() {},
      };
    },
  });
}

function readStatementRow(
  ctx: ReaderContext<StatementColumn>,
  spec: StatementSpec,
  cells: readonly string[],
  line: number,
  seen: Map<string, number>,
): undefined {
  const { header } = ctx;
  const rawDate = header.get(cells, 'date');
  const date = pageDate(rawDate, spec.dateOrder);
  if (!date) return void ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.lineSkipped()));
  const currencyCell = header.get(cells, 'currency');
  const cellMoney = (column: StatementColumn) => pageMoney(header.get(cells, column), currencyCell, spec);
  const unreadable = (column: StatementColumn) =>
    ctx.issue(line, column, ISSUE.notAnAmountWithCurrency(header.get(cells, column), THEN.lineSkipped()));
  let signed: { amount: number; currency: string } | null;
  if (header.has('amount')) {
    const amount = cellMoney('amount');
    if (amount === undefined) return void unreadable('amount');
    signed = amount;
  } else {
    const income = cellMoney('income');
    if (income === undefined) return void unreadable('income');
    const expense = cellMoney('expense');
    if (expense === undefined) return void unreadable('expense');
    signed =
      income && income.amount !== 0
        ? income
        : expense
          ? { amount: -Math.abs(expense.amount), currency: expense.currency }
          : income;
  }
  if (!signed) return; // a line without money (a note)
  const type = header.get(cells, 'type');
  const orderId = header.get(cells, 'orderId').replace(/^#/, '');
  const reference = header.get(cells, 'reference');
  const base = [date, type, orderId, reference, signed.amount].join('|');
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  const id = reference || (n === 1 ? base : `${base}#${n}`);
  const common = {
    platform: spec.platform,
    date,
    importId: ctx.importId,
    row: line,
    ...(orderId ? { orderId } : {}),
  };
  const money = (amount: number) => ({ amount, currency: signed.currency });
  const { kinds } = spec;
  if (kinds.order.test(type) && orderId && signed.amount > 0) {
    ctx.emit({
      ...common,
      kind: 'order',
      orderId,
      key: dedupeKey(spec.platform, 'order', orderId),
      gross: money(signed.amount),
      status: 'paid',
    });
  } else if (kinds.refund.test(type)) {
    ctx.emit({
      ...common,
      kind: 'refund',
      key: dedupeKey(spec.platform, 'refund', id),
      amount: money(Math.abs(signed.amount)),
    });
  } else if (kinds.fee.test(type)) {
    ctx.emit({
      ...common,
      kind: 'fee',
      key: dedupeKey(spec.platform, 'fee', id),
      amount: money(-signed.amount),
      feeType: type,
    });
  } else if (kinds.payout.test(type)) {
    ctx.emit({
      ...common,
      kind: 'payout',
      key: dedupeKey(spec.platform, 'payout', id),
      amount: money(Math.abs(signed.amount)),
      ...(reference ? { payoutId: reference } : {}),
      status: 'paid',
    });
  } else if (kinds.reserve?.test(type)) {
    ctx.emit({
      ...common,
      kind: 'reserve',
      key: dedupeKey(spec.platform, 'reserve', id),
      amount: money(-signed.amount),
    });
  } else if (signed.amount !== 0) {
    ctx.emit({
      ...common,
      kind: 'adjustment',
      key: dedupeKey(spec.platform, 'adjustment', id),
      amount: money(signed.amount),
      description: [type, header.get(cells, 'description')].filter(Boolean).join(': ') || 'Statement line',
    });
  }
}

type PayoutColumn = 'payoutId' | 'date' | 'amount' | 'currency' | 'status';

export interface PayoutListSpec extends MoneyReading {
  id: string;
  platform: Platform;
  label: string;
  columns: Readonly<Record<PayoutColumn, readonly string[]>>;
  dateOrder: DateOrder;
  /** Statuses of payouts that did not reach the seller. */
  failed: RegExp;
  /** Statuses of payouts on their way (counted once paid). */
  pending: RegExp;
}

/**
 * A payouts list: one row per payout to the seller's bank, keyed `<platform>:payout:<payout id>`
 * (the key the site's transaction report gives the same payout). A pending payout gets its status
 * in the key, so the later "paid" read is not taken for a duplicate.
 */
export function payoutListFormat(spec: PayoutListSpec): AnyReportFormat {
  return defineFormat<PayoutColumn>({
    id: spec.id,
    platform: spec.platform,
    label: spec.label,
    delimiters: [','],
    columns: spec.columns,
    required: ['payoutId', 'date', 'amount'],
    createReader(ctx) {
      const { header } = ctx;
      return {
        row(cells, line) {
          const payoutId = header.get(cells, 'payoutId');
          if (!payoutId) return ctx.issue(line, 'payoutId', ISSUE.rowHasNoPayoutId(THEN.itSkipped()));
          const rawDate = header.get(cells, 'date');
          const date = pageDate(rawDate, spec.dateOrder);
          if (!date) return ctx.issue(line, 'date', ISSUE.notADate(rawDate, THEN.payoutSkipped(payoutId)));
          const rawAmount = header.get(cells, 'amount');
          const money = pageMoney(rawAmount, header.get(cells, 'currency'), spec);
          if (!money) {
            return ctx.issue(
              line,
              'amount',
              ISSUE.notAnAmountWithCurrency(rawAmount, THEN.payoutSkipped(payoutId)),
            );
          }
          const statusText = header.get(cells, 'status');
          const status = spec.failed.test(statusText)
            ? 'failed'
            : spec.pending.test(statusText)
              ? 'pending'
              : 'paid';
          ctx.emit({
            kind: 'payout',
            platform: spec.platform,
            key:
              status === 'paid'
                ? dedupeKey(spec.platform, 'payout', payoutId)
                : dedupeKey(spec.platform, 'payout', payoutId, status),
            date,
            importId: ctx.importId,
            row: line,
            amount: { amount: Math.abs(money.amount), currency: money.currency },
            payoutId,
            status,
          });
        },
        end() {},
      };
    },
  });
}

/**
 * A report format as a page shows it: the same dictionary and reader, with the page's own words
 * added and the columns a page always has required (a page may leave out a file's bookkeeping
 * columns, such as eBay's Sales Record Number).
 */
export function pageVariant(
  format: AnyReportFormat,
  words: Readonly<Record<string, readonly string[]>>,
  required: readonly string[] = format.required,
): AnyReportFormat {
  const columns: Record<string, readonly string[]> = {};
  for (const [column, spellings] of Object.entries(format.columns)) {
    columns[column] = [...spellings, ...(words[column] ?? [])];
  }
  return { ...format, columns, required };
}

/** Minor units as the major-unit text a page or export shows (`1250` USD → `12.50`), no float maths. */
export function majorUnits(minor: number, currency: string): string {
  const exponent = minorUnitExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(exponent + 1, '0');
  return exponent === 0
    ? `${sign}${digits}`
    : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** Unix seconds as `YYYY-MM-DD HH:MM:SS` (UTC), as Stripe's exports write dates. */
export function utcDateTime(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19);
}
