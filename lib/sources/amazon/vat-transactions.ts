import { ISSUE, THEN } from '../../import/issue-texts.ts';
import { currencyCode, dedupeKey } from '../entries.ts';
import { defineFormat, type ReaderContext } from '../format.ts';
import { KeyCounter, LocaleGuess, PendingRows, readAmount } from './_locale.ts';

/**
 * Amazon EU VAT Transactions Report (Seller Central > Reports > Tax Document Library): tab
 * separated, upper-case header of about 90 columns, one row per item of a sale, refund, return or
 * stock movement between fulfilment centres, `DD-MM-YYYY` dates.
 *
 * SALE rows are orders (grouped per TRANSACTION_EVENT_ID, the order id, so the settlement and
 * Date Range reports of the same orders do not count them twice), REFUND rows are refunds.
 * RETURN, FC_TRANSFER, INBOUND and the like move stock, not money: skipped.
 *
 * Gross includes VAT, which the seller collects and remits, except where the report says Amazon
 * is responsible for it (TAX_COLLECTION_RESPONSIBILITY = MARKETPLACE, in reports since 2021): then
 * the VAT-exclusive value is taken.
 */
const COLUMNS = {
  activityPeriod: ['ACTIVITY_PERIOD'],
  marketplace: ['MARKETPLACE'],
  transactionType: ['TRANSACTION_TYPE'],
  eventId: ['TRANSACTION_EVENT_ID'],
  completeDate: ['TRANSACTION_COMPLETE_DATE'],
  sku: ['SELLER_SKU'],
  totalVatIncluded: ['TOTAL_ACTIVITY_VALUE_AMT_VAT_INCL'],
  totalVatExcluded: ['TOTAL_ACTIVITY_VALUE_AMT_VAT_EXCL'],
  currency: ['TRANSACTION_CURRENCY_CODE'],
  taxResponsibility: ['TAX_COLLECTION_RESPONSIBILITY'],
} as const;

type Column = keyof typeof COLUMNS;

interface OrderTotals {
  line: number;
  orderId: string;
  date: string;
  currency: string;
  gross: number;
  marketplace: string;
}

export const amazonVatTransactions = defineFormat({
  id: 'amazon-vat-transactions',
  platform: 'amazon',
  label: 'Amazon VAT transactions report (EU)',
  delimiters: ['\t'],
  columns: COLUMNS,
  required: ['activityPeriod', 'transactionType', 'eventId', 'completeDate', 'totalVatIncluded', 'currency'],
  createReader(ctx) {
    return new VatReader(ctx);
  },
});

class VatReader {
  private readonly guess = new LocaleGuess('.', 'dmy');
  private readonly pending: PendingRows;
  private readonly orders = new Map<string, OrderTotals>();
  private readonly refunds: Array<{
    line: number;
    orderId: string;
    sku: string;
    date: string;
    amount: number;
    currency: string;
  }> = [];

  constructor(private readonly ctx: ReaderContext<Column>) {
    this.pending = new PendingRows(
      () => this.guess.settled,
      (cells, line) => this.read(cells, line),
    );
  }

  row(cells: readonly string[], line: number): void {
    const { header } = this.ctx;
    this.guess.observeAmount(header.get(cells, 'totalVatIncluded'));
    this.guess.observeAmount(header.get(cells, 'totalVatExcluded'));
    this.guess.observeDate(header.get(cells, 'completeDate'));
    this.pending.push(cells, line);
  }

  end(): void {
    this.pending.flush();
    const { ctx } = this;
    const base = { platform: 'amazon' as const, importId: ctx.importId };
    const records: Array<{ line: number; emit: () => void }> = [];
    for (const o of this.orders.values()) {
      records.push({
        line: o.line,
        emit: () =>
          ctx.emit({
            ...base,
            kind: 'order',
            key: dedupeKey('amazon', 'order', o.orderId),
            date: o.date,
            row: o.line,
            orderId: o.orderId,
            gross: { amount: o.gross, currency: o.currency },
            status: 'paid',
            ...(o.marketplace ? { marketplace: o.marketplace } : {}),
          }),
      });
    }
    const keys = new KeyCounter();
    for (const r of this.refunds) {
      records.push({
        line: r.line,
        emit: () =>
          ctx.emit({
            ...base,
            kind: 'refund',
            key: keys.next(dedupeKey('amazon', 'refund', r.orderId, r.sku, r.amount)),
            date: r.date,
            row: r.line,
            orderId: r.orderId,
            amount: { amount: r.amount, currency: r.currency },
          }),
      });
    }
    records.sort((a, b) => a.line - b.line);
    for (const r of records) r.emit();
  }

  private read(cells: readonly string[], line: number) {
    const { ctx } = this;
    const { header } = ctx;
    const type = header.get(cells, 'transactionType').toUpperCase();
    if (type !== 'SALE' && type !== 'REFUND') return; // stock movements: no money
    const orderId = header.get(cells, 'eventId');
    if (!orderId) return ctx.issue(line, 'eventId', ISSUE.rowHasNoVatEventId(THEN.itSkipped()));
    const rawDate = header.get(cells, 'completeDate');
    const date = this.guess.date(rawDate);
    if (!date) return ctx.issue(line, 'completeDate', ISSUE.notADate(rawDate, THEN.rowSkipped()));
    const currency = currencyCode(header.get(cells, 'currency'));
    if (!currency) {
      return ctx.issue(
        line,
        'currency',
        ISSUE.notACurrency(header.get(cells, 'currency'), THEN.rowSkipped()),
      );
    }
    const byMarketplace = header.get(cells, 'taxResponsibility').toUpperCase() === 'MARKETPLACE';
    const value = readAmount(
      ctx,
      this.guess,
      cells,
      byMarketplace ? 'totalVatExcluded' : 'totalVatIncluded',
      currency,
      line,
    );
    if (value === undefined) return;
    const marketplace = header.get(cells, 'marketplace');
    if (type === 'REFUND') {
      if (value !== 0) {
        this.refunds.push({
          line,
          orderId,
          sku: header.get(cells, 'sku'),
          date,
          amount: Math.abs(value),
          currency,
        });
      }
      return;
    }
    const order = this.orders.get(orderId);
    if (!order) this.orders.set(orderId, { line, orderId, date, currency, gross: value, marketplace });
    else if (order.currency === currency) {
      order.gross += value;
      if (date < order.date) order.date = date;
    } else {
      ctx.issue(
        line,
        'currency',
        ISSUE.orderCurrencyChanged(orderId, order.currency, currency, THEN.thisRowSkipped()),
      );
    }
  }
}
