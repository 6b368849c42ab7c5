import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LedgerEntry } from '../../domain/records.ts';
import { readReport } from '../../import/read.ts';
import { FORMATS } from '../registry.ts';
import {
  dateOrderOf,
  decimalMarkOf,
  KeyCounter,
  LocaleGuess,
  marketplaceCurrency,
  PendingRows,
} from './_locale.ts';
import { formatMinor } from './_settlement.ts';
import { SETTLEMENT_V2_COLUMNS } from './settlement-v2-columns.ts';

const IMPORT_ID = 'a'.repeat(64);

function read(text: string, fileName = 'report.txt') {
  return readReport(new TextEncoder().encode(text), { fileName, importId: IMPORT_ID, formats: FORMATS });
}

const amountOf = (e: LedgerEntry) => (e.kind === 'order' ? e.gross.amount : e.amount.amount);

describe('amazon locale helpers', () => {
  it('tells the decimal mark a cell proves, and which cells read two ways', () => {
    expect(decimalMarkOf('-3.263,25')).toBe(',');
    expect(decimalMarkOf('1,234.56')).toBe('.');
    expect(decimalMarkOf('69,97')).toBe(',');
    expect(decimalMarkOf('-60.00')).toBe('.');
    expect(decimalMarkOf('215.0')).toBe('.');
    expect(decimalMarkOf('1.234.567')).toBe(',');
    expect(decimalMarkOf('1.234')).toBe('ambiguous');
    expect(decimalMarkOf('1,234')).toBe('ambiguous');
    expect(decimalMarkOf('0')).toBeUndefined();
    expect(decimalMarkOf('')).toBeUndefined();
  });

  it('tells the day/month order a date proves', () => {
    expect(dateOrderOf('08.06.2018 11:09:48 UTC')).toBe('dmy');
    expect(dateOrderOf('29-01-2018')).toBe('dmy');
    expect(dateOrderOf('6/25/2025 22:07')).toBe('mdy');
    expect(dateOrderOf('04/05/2025')).toBe('ambiguous');
    expect(dateOrderOf('2025-07-31T22:07:18+00:00')).toBeUndefined();
    expect(dateOrderOf('Jan 1, 2024 12:08:10 AM PST')).toBeUndefined();
  });

  it('reads a cell that reads two ways the way the rest of the file proves', () => {
    const guess = new LocaleGuess('.', 'mdy');
    guess.observeAmount('1.234');
    expect(guess.settled).toBe(false);
    guess.observeAmount('12,50');
    expect(guess.settled).toBe(true);
    expect(guess.amount('1.234', 'BRL')).toBe(123400);
    // A cell that proves its own layout is read that way whatever the file says.
    expect(guess.amount('1,234.56', 'USD')).toBe(123456);
    expect(guess.amount('', 'USD')).toBeNull();
    expect(guess.amount('12.x0', 'USD')).toBeUndefined();
    expect(guess.amount('1.234', 'JPY')).toBe(1234);

    const dates = new LocaleGuess('.', 'mdy');
    dates.observeDate('04/05/2025');
    expect(dates.settled).toBe(false);
    dates.observeDate('25/05/2025');
    expect(dates.date('04/05/2025')).toBe('2025-05-04');
    expect(new LocaleGuess('.', 'mdy').date('04/05/2025')).toBe('2025-04-05');
  });

  it('holds rows back until the file is readable, then hands them on in order', () => {
    let ready = false;
    const seen: number[] = [];
    const rows = new PendingRows(
      () => ready,
      (_cells, line) => seen.push(line),
      3,
    );
    rows.push([], 2);
    rows.push([], 3);
    expect(seen).toEqual([]);
    ready = true;
    rows.push([], 4);
    expect(seen).toEqual([2, 3, 4]);

    const capped: number[] = [];
    const never = new PendingRows(
      () => false,
      (_cells, line) => capped.push(line),
      2,
    );
    for (const line of [2, 3, 4, 5]) never.push([], line);
    expect(capped).toEqual([2, 3, 4, 5]);
  });

  it('numbers repeated keys within a file', () => {
    const keys = new KeyCounter();
    expect(keys.next('amazon:fee:1:500')).toBe('amazon:fee:1:500');
    expect(keys.next('amazon:fee:1:500')).toBe('amazon:fee:1:500#2');
    expect(keys.next('amazon:fee:1:600')).toBe('amazon:fee:1:600');
  });

  it('knows the currency of a marketplace name', () => {
    expect(marketplaceCurrency('amazon.com.br')).toBe('BRL');
    expect(marketplaceCurrency('Amazon.ca')).toBe('CAD');
    expect(marketplaceCurrency('Amazon.com')).toBe('USD');
    expect(marketplaceCurrency('www.amazon.co.uk')).toBe('GBP');
    expect(marketplaceCurrency('Amazon.de')).toBe('EUR');
    expect(marketplaceCurrency('Non-Amazon CA')).toBe('CAD');
    expect(marketplaceCurrency('SI UK Prod Marketplace')).toBe('GBP');
    expect(marketplaceCurrency('')).toBeUndefined();
    expect(marketplaceCurrency('Non-Amazon')).toBeUndefined();
  });

  it('writes minor units for messages', () => {
    expect(formatMinor(-32169, 'CAD')).toBe('-321.69');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(1234, 'JPY')).toBe('1234');
  });
});

const V2_HEADER: readonly string[] = SETTLEMENT_V2_COLUMNS;

function v2Row(values: Record<string, string>): string {
  return V2_HEADER.map((h) => values[h] ?? '').join('\t');
}

function v2(sid: string, total: string, rows: Array<Record<string, string>>): string {
  return [
    V2_HEADER.join('\t'),
    v2Row({
      'settlement-id': sid,
      'settlement-start-date': '2026-05-01 00:00:00 UTC',
      'settlement-end-date': '2026-05-15 00:00:00 UTC',
      'deposit-date': '2026-05-17 00:00:00 UTC',
      'total-amount': total,
      currency: 'USD',
    }),
    ...rows.map((r) =>
      v2Row({ 'settlement-id': sid, currency: 'USD', 'marketplace-name': 'Amazon.com', ...r }),
    ),
  ].join('\n');
}

const PREAMBLE = [
  '"Includes Amazon Marketplace, Fulfillment by Amazon (FBA), and Amazon Webstore transactions"',
  '"All amounts in USD, unless specified"',
  '"Definitions:"',
  '"Sales tax collected: Includes sales tax collected from buyers for product sales, shipping, and gift wrap."',
  '"Selling fees: Includes variable closing fees and referral fees."',
  '"Other transaction fees: Includes shipping chargebacks, shipping holdbacks, per-item fees  and sales tax collection fees."',
  '"Other: Includes non-order transaction amounts. For more details, see the ""Type"" and ""Description"" columns for each order ID."',
];
const DR_HEADER =
  '"date/time","settlement id","type","order id","sku","description","quantity","marketplace","product sales","product sales tax","shipping credits","marketplace withheld tax","selling fees","fba fees","other transaction fees","other","total"';

describe('one event, several Amazon reports', () => {
  it('gives an order, its fees, a refund, a fee row and the payout the same keys in the settlement V2 and the Date Range report', () => {
    const order = {
      'transaction-type': 'Order',
      'order-id': '113-1000001-2000001',
      'posted-date': '2026-05-03',
      sku: 'MUG-1',
    };
    const refund = {
      'transaction-type': 'Refund',
      'order-id': '114-1000002-2000002',
      'adjustment-id': 'amzn1:crow:x',
      'posted-date': '2026-05-04',
      sku: 'MUG-1',
    };
    const settlement = read(
      v2('20000000001', '20.10', [
        { ...order, 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '20.00' },
        { ...order, 'amount-type': 'ItemPrice', 'amount-description': 'Tax', amount: '1.60' },
        {
          ...order,
          'amount-type': 'ItemWithheldTax',
          'amount-description': 'MarketplaceFacilitatorTax-Principal',
          amount: '-1.60',
        },
        { ...order, 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '-3.00' },
        { ...refund, 'amount-type': 'ItemPrice', 'amount-description': 'Principal', amount: '-10.00' },
        { ...refund, 'amount-type': 'ItemFees', 'amount-description': 'Commission', amount: '1.50' },
        {
          'transaction-type': 'other-transaction',
          'amount-type': 'other-transaction',
          'amount-description': 'Storage Fee',
          amount: '-2.50',
          'posted-date': '2026-05-05',
        },
        {
          'transaction-type': 'other-transaction',
          'amount-type': 'FBA Inventory Reimbursement',
          'amount-description': 'WAREHOUSE_LOST',
          amount: '14.10',
          'posted-date': '2026-05-06',
        },
      ]),
      'settlement.txt',
    );
    const dateRange = read(
      [
        ...PREAMBLE,
        DR_HEADER,
        '"May 3, 2026 1:00:00 AM PDT","20000000001","Order","113-1000001-2000001","MUG-1","Mug","1","amazon.com","20.00","1.60","0","-1.60","-3.00","0","0","0","17.00"',
        '"May 4, 2026 1:00:00 AM PDT","20000000001","Refund","114-1000002-2000002","MUG-1","Mug","1","amazon.com","-10.00","0","0","0","1.50","0","0","0","-8.50"',
        '"May 5, 2026 1:00:00 AM PDT","20000000001","FBA Inventory Fee","","","FBA storage fee","","amazon.com","0","0","0","0","0","0","0","-2.50","-2.50"',
        '"May 6, 2026 1:00:00 AM PDT","20000000001","Adjustment","","MUG-1","FBA Inventory Reimbursement - Lost:Warehouse","1","","0","0","0","0","0","0","0","14.10","14.10"',
        '"May 17, 2026 1:00:00 AM PDT","20000000001","Transfer","","","To account ending in: 042","","","0","0","0","0","0","0","0","-20.10","-20.10"',
      ].join('\n'),
      'date-range.csv',
    );
    expect(settlement.format?.id).toBe('amazon-settlement-v2');
    expect(dateRange.format?.id).toBe('amazon-date-range');
    expect(settlement.issues).toEqual([]);
    expect(dateRange.issues).toEqual([]);
    const keyed = (entries: readonly LedgerEntry[]) =>
      Object.fromEntries(entries.map((e) => [e.key, [e.kind, amountOf(e)]]));
    expect(keyed(dateRange.entries)).toEqual(keyed(settlement.entries));
    expect(keyed(settlement.entries)).toEqual({
      'amazon:payout:20000000001:2010': ['payout', 2010],
      'amazon:order:113-1000001-2000001': ['order', 2000],
      'amazon:fee:order:113-1000001-2000001': ['fee', 300],
      'amazon:refund:114-1000002-2000002:MUG-1:1000': ['refund', 1000],
      'amazon:fee:refund:114-1000002-2000002:MUG-1:1000': ['fee', -150],
      'amazon:fee:20000000001:250': ['fee', 250],
      'amazon:adjustment:20000000001:1410': ['adjustment', 1410],
    });
  });

  it('gives an order the same key in the All Orders report', () => {
    const allOrders = read(
      [
        'amazon-order-id\tpurchase-date\torder-status\tsales-channel\titem-status\tcurrency\titem-price\titem-tax\tshipping-price',
        '113-1000001-2000001\t2026-05-02T20:00:00-07:00\tShipped\tAmazon.com\tShipped\tUSD\t20.00\t1.60\t',
      ].join('\n'),
    );
    expect(allOrders.format?.id).toBe('amazon-all-orders');
    expect(allOrders.entries).toMatchObject([
      { kind: 'order', key: 'amazon:order:113-1000001-2000001', date: '2026-05-02', gross: { amount: 2000 } },
    ]);
  });
});

describe('amazon Date Range report', () => {
  it('does not take the preamble for the header, even unquoted with commas', () => {
    const text = [
      ...PREAMBLE.map((line) => line.replace(/^"|"$/g, '').replace(/""/g, '"')),
      DR_HEADER,
      '"May 3, 2026 1:00:00 AM PDT","1","Order","113-1","S","Mug","1","amazon.com","20.00","0","0","0","-3.00","0","0","0","17.00"',
    ].join('\n');
    const result = read(text);
    expect(result.format?.id).toBe('amazon-date-range');
    expect(result.headerLine).toBe(8);
    expect(result.issues).toEqual([]);
    expect(result.entries.map((e) => [e.kind, amountOf(e)])).toEqual([
      ['order', 2000],
      ['fee', 300],
    ]);
  });

  it('reads an ambiguous `1.234` the way the rest of a pt-BR file proves', () => {
    const text = [
      '"data/hora","id de liquidação","tipo","id do pedido","sku","descrição","quantidade","mercado","vendas do produto","tarifas de venda","taxas fba","outro","total"',
      '"2 de mar. de 2026 10:00:00 GMT-8","9","Pedido","701-1","S","x","1","amazon.com.br","1.234","0","0","0","1.234"',
      '"3 de mar. de 2026 10:00:00 GMT-8","9","Pedido","701-2","S","x","1","amazon.com.br","12,50","0","0","0","12,50"',
    ].join('\n');
    const result = read(text);
    expect(result.issues).toEqual([]);
    expect(
      result.entries.map((e) => [e.orderId, amountOf(e), e.kind === 'order' && e.gross.currency]),
    ).toEqual([
      ['701-1', 123400, 'BRL'],
      ['701-2', 1250, 'BRL'],
    ]);
  });

  it('says so when no row names a marketplace (currency unknown)', () => {
    const text = [
      ...PREAMBLE,
      DR_HEADER,
      '"May 17, 2026 1:00:00 AM PDT","7","Transfer","","","To account ending in: 042","","","0","0","0","0","0","0","0","-20.10","-20.10"',
    ].join('\n');
    const result = read(text);
    expect(result.issues).toMatchObject([
      {
        row: null,
        field: 'marketplace',
        code: 'noMarketplace',
        message: 'No row names an Amazon marketplace, so the currency is unknown; amounts were read as USD.',
      },
    ]);
    expect(result.entries).toMatchObject([{ kind: 'payout', amount: { amount: 2010, currency: 'USD' } }]);
  });
});

describe('amazon fixtures', () => {
  const dir = join(import.meta.dirname, 'fixtures');
  for (const name of readdirSync(dir).filter((f) => !f.endsWith('.json'))) {
    it(`${name}: every record is a valid ledger entry`, () => {
      const result = readReport(readFileSync(join(dir, name)), {
        fileName: name,
        importId: IMPORT_ID,
        formats: FORMATS,
      });
      expect(result.entries.length).toBeGreaterThan(0);
      for (const entry of result.entries) expect(LedgerEntry.safeParse(entry).error).toBeUndefined();
    });
  }
});
