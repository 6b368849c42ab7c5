import { describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../domain/records.ts';
import { HeaderIndex } from '../../import/header.ts';
import type { AnyReportFormat } from '../../sources/format.ts';
import {
  majorUnits,
  orderListFormat,
  pageDate,
  pageMoney,
  pageVariant,
  payoutListFormat,
  statementFormat,
  utcDateTime,
} from './list-formats.ts';
import { readCells } from './table.ts';

const IMPORT = 'a'.repeat(64);

function read(format: AnyReportFormat, header: string[], rows: string[][]) {
  const entries: LedgerEntry[] = [];
  const issues: [number | null, string][] = [];
  const reader = format.createReader({
    header: new HeaderIndex(header, format.columns),
    importId: IMPORT,
    fileName: 'page',
    emit: (e) => entries.push(e),
    issue: (row, _column, said) => issues.push([row, said.message]),
  });
  for (const [i, r] of rows.entries()) reader.row(r, i + 1);
  reader.end();
  return { entries, issues };
}

describe('pageMoney', () => {
  it('reads the amounts list pages show, with their currency', () => {
    expect(pageMoney('US $1,234.50', '', {})).toEqual({ amount: 123450, currency: 'USD' });
    expect(pageMoney('¥88.00', '', { yen: 'CNY' })).toEqual({ amount: 8800, currency: 'CNY' });
    expect(pageMoney('￥6,800.00', '', { yen: 'CNY' })).toEqual({ amount: 680000, currency: 'CNY' });
    expect(pageMoney('88.00元', '', { yen: 'CNY' })).toEqual({ amount: 8800, currency: 'CNY' });
    expect(pageMoney('¥500', '', {})).toEqual({ amount: 500, currency: 'JPY' });
    expect(pageMoney('-12.30', 'EUR', {})).toEqual({ amount: -1230, currency: 'EUR' });
    expect(pageMoney('-$3.10', '', {})).toEqual({ amount: -310, currency: 'USD' });
    expect(pageMoney('33.50', '', { fallbackCurrency: 'USD' })).toEqual({ amount: 3350, currency: 'USD' });
  });

  it('tells an empty cell (null) from one that is not an amount or names no currency (undefined)', () => {
    expect(pageMoney('--', '', {})).toBeNull();
    expect(pageMoney('', 'USD', {})).toBeNull();
    expect(pageMoney('abc', 'USD', {})).toBeUndefined();
    expect(pageMoney('12.00', '', {})).toBeUndefined();
  });
});

describe('pageDate', () => {
  it('reads Chinese, ISO and worded dates', () => {
    expect(pageDate('2026年3月2日', 'ymd')).toBe('2026-03-02');
    expect(pageDate('2026-03-05 10:12:33', 'ymd')).toBe('2026-03-05');
    expect(pageDate('Mar 5, 2026', 'mdy')).toBe('2026-03-05');
    expect(pageDate('2026-02-30 10:00:00', 'ymd')).toBeUndefined();
  });
});

describe('majorUnits and utcDateTime', () => {
  it('writes minor units as major-unit text without float maths', () => {
    expect(majorUnits(1250, 'USD')).toBe('12.50');
    expect(majorUnits(5, 'USD')).toBe('0.05');
    expect(majorUnits(-118245, 'USD')).toBe('-1182.45');
    expect(majorUnits(500, 'JPY')).toBe('500');
    expect(majorUnits(1234, 'KWD')).toBe('1.234');
    expect(utcDateTime(1772705520)).toBe('2026-03-05 10:12:00');
  });
});

const orders = orderListFormat({
  id: 'test-orders',
  platform: 'dhgate',
  label: 'test orders',
  columns: {
    orderId: ['订单号'],
    date: ['下单时间'],
    amount: ['订单金额'],
    currency: ['币种'],
    status: ['订单状态'],
  },
  dateOrder: 'ymd',
  fallbackCurrency: 'USD',
  paid: /^(待发货|已发货)$/,
  notPaid: /待付款|已取消/,
});

describe('orderListFormat', () => {
  it('counts paid orders keyed by order number, leaves unpaid ones out silently and names unknown statuses', () => {
    const { entries, issues } = read(
      orders,
      ['订单号', '下单时间', '订单金额', '订单状态'],
      [
        ['#1001', '2026-03-02 08:00', 'US $58.20', '待发货'],
        ['1002', '2026-03-02 09:00', '10.00', '待付款'],
        ['1003', '2026-03-03 09:00', '12.00', '已取消'],
        ['1004', '2026-03-03 10:00', '15.00', '纠纷中'],
        ['', '2026-03-03 10:00', '15.00', '已发货'],
      ],
    );
    expect(entries.map((e) => [e.key, e.kind === 'order' ? e.gross.amount : 0])).toEqual([
      ['dhgate:order:1001', 5820],
    ]);
    expect(issues).toEqual([
      [4, '"纠纷中" is not an order status Tradeline knows; order 1004 was not counted.'],
      [5, 'The row has no order number; it was skipped.'],
    ]);
  });
});

describe('statementFormat', () => {
  const statement = statementFormat({
    id: 'test-statement',
    platform: 'aliexpress',
    label: 'test statement',
    columns: {
      date: ['时间'],
      type: ['类型'],
      amount: ['金额'],
      income: ['收入'],
      expense: ['支出'],
      currency: ['币种'],
      orderId: ['订单号'],
      reference: ['流水号'],
      description: ['备注'],
    },
    dateOrder: 'ymd',
    kinds: { order: /放款/, refund: /退款/, fee: /佣金/, payout: /提现/, reserve: /冻结/ },
  });

  it('turns income and expense columns into signed records of the right kind', () => {
    const { entries, issues } = read(
      statement,
      ['时间', '类型', '订单号', '流水号', '币种', '收入', '支出'],
      [
        ['2026-03-08', '订单放款', '81900', 'A1', 'USD', '12.50', ''],
        ['2026-03-08', '交易佣金', '81900', 'A2', 'USD', '', '1.00'],
        ['2026-03-09', '退款', '81800', 'A3', 'USD', '', '6.20'],
        ['2026-03-10', '提现', '', 'A4', 'USD', '', '500.00'],
        ['2026-03-10', '保证金冻结', '', 'A5', 'USD', '', '50.00'],
        ['2026-03-11', '汇兑', '', 'A6', 'USD', '0.40', ''],
        ['2026-03-11', '说明', '', '', 'USD', '', ''],
      ],
    );
    expect(issues).toEqual([]);
    expect(
      entries.map((e) => [e.kind, e.key, e.kind === 'order' ? e.gross.amount : e.amount.amount]),
    ).toEqual([
      ['order', 'aliexpress:order:81900', 1250],
      ['fee', 'aliexpress:fee:A2', 100],
      ['refund', 'aliexpress:refund:A3', 620],
      ['payout', 'aliexpress:payout:A4', 50000],
      ['reserve', 'aliexpress:reserve:A5', 5000],
      ['adjustment', 'aliexpress:adjustment:A6', 40],
    ]);
  });

  it('names the cell it cannot read', () => {
    const { entries, issues } = read(
      statement,
      ['时间', '类型', '币种', '金额'],
      [
        ['2026-03-08', '提现', 'USD', 'abc'],
        ['someday', '提现', 'USD', '-1.00'],
      ],
    );
    expect(entries).toEqual([]);
    expect(issues).toEqual([
      [1, '"abc" is not an amount with a currency; the line was skipped.'],
      [2, '"someday" is not a date; the line was skipped.'],
    ]);
  });
});

describe('payoutListFormat', () => {
  it('keys paid payouts by id and keeps pending and failed ones apart', () => {
    const payouts = payoutListFormat({
      id: 'test-payouts',
      platform: 'ebay',
      label: 'test payouts',
      columns: {
        payoutId: ['Payout ID'],
        date: ['Date'],
        amount: ['Amount'],
        currency: [],
        status: ['Status'],
      },
      dateOrder: 'mdy',
      failed: /returned/i,
      pending: /initiated/i,
    });
    const { entries } = read(
      payouts,
      ['Date', 'Payout ID', 'Status', 'Amount'],
      [
        ['Mar 10, 2026', 'P3', 'Initiated', '$310.25'],
        ['Mar 8, 2026', 'P2', 'Paid', '$28.86'],
        ['Feb 22, 2026', 'P1', 'Returned', '$98.00'],
      ],
    );
    expect(entries.map((e) => [e.key, e.kind === 'payout' ? e.status : ''])).toEqual([
      ['ebay:payout:P3:pending', 'pending'],
      ['ebay:payout:P2', 'paid'],
      ['ebay:payout:P1:failed', 'failed'],
    ]);
  });
});

describe('pageVariant', () => {
  it("adds a page's words to a report format's dictionary and relaxes what is required", () => {
    const base = orders;
    const variant = pageVariant(base, { orderId: ['Order No.'] }, ['orderId', 'amount']);
    expect(variant.columns.orderId).toEqual(['订单号', 'Order No.']);
    expect(variant.required).toEqual(['orderId', 'amount']);
    expect(variant.createReader).toBe(base.createReader);
    expect(base.columns.orderId).toEqual(['订单号']);
  });
});

describe('a page that lists one order twice', () => {
  it('counts it once and says so', () => {
    const read = readCells(
      {
        header: ['订单号', '下单时间', '订单金额', '订单状态'],
        rows: [
          ['1001', '2026-03-02', 'US $58.20', '待发货'],
          ['1001', '2026-03-02', 'US $58.20', '待发货'],
        ],
      },
      { table: ['table'], formats: [orders] },
      {},
      IMPORT,
      'page',
    );
    expect(read?.entries.map((e) => e.key)).toEqual(['dhgate:order:1001']);
    expect(read?.skipped.map((s) => s.message)).toEqual([
      'This page repeats 1 record it already shows (the same ids on more than one row); each was counted once.',
    ]);
  });
});
