import { describe, expect, it } from 'vitest';
import { ReportReader, readReport } from '../../import/read.ts';
import { MonthlyLedger } from '../../ledger/monthly.ts';
import { Occurrences } from '../entries.ts';
import { FORMATS } from '../registry.ts';
import { chronological, shopifyTimestamp } from './keys.ts';

function read(text: string, fileBytes?: number) {
  return readReport(new TextEncoder().encode(text), {
    fileName: 'x.csv',
    importId: 'a'.repeat(64),
    formats: FORMATS,
    ...(fileBytes === undefined ? {} : { fileBytes }),
  });
}

const ORDERS_HEADER =
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Shipping,Taxes,Total,Created at,Lineitem quantity,Lineitem name,Cancelled at,Payment Method,Refunded Amount,Source';
const PAYMENTS_HEADER =
  'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency';

describe('Occurrences', () => {
  it('keeps the first key and numbers the repeats, the same way on every read', () => {
    const first = new Occurrences(':');
    const again = new Occurrences(':');
    const keys = ['a', 'b', 'a', 'a'];
    expect(keys.map((k) => first.key(k))).toEqual(['a', 'b', 'a:2', 'a:3']);
    expect(keys.map((k) => again.key(k))).toEqual(['a', 'b', 'a:2', 'a:3']);
  });
});

describe('shopifyTimestamp and chronological', () => {
  it('reads the offset, so events in different zones still sort in time order', () => {
    expect(shopifyTimestamp('2025-06-30 23:32:39 -0400')).toBe(Date.parse('2025-07-01T03:32:39Z'));
    expect(shopifyTimestamp('2025-06-30T23:32:39-04:00')).toBe(Date.parse('2025-07-01T03:32:39Z'));
    expect(shopifyTimestamp('30/06/2025')).toBeNaN();
    const items = [
      { stamp: shopifyTimestamp('2025-06-27 13:41:03 -0400'), line: 2 },
      { stamp: Number.NaN, line: 3 },
      { stamp: shopifyTimestamp('2025-06-26 21:54:27 -0400'), line: 4 },
    ];
    expect(chronological(items).map((i) => i.line)).toEqual([4, 2, 3]);
  });
});

describe('Shopify formats together', () => {
  it('an order in both the orders export and the Payments export counts once', () => {
    const orders = read(
      `${ORDERS_HEADER}\n#1001,b@example.invalid,paid,2025-06-05 10:00:01 -0400,USD,45.00,5.00,0.00,50.00,2025-06-05 10:00:00 -0400,1,Mug,,Shopify Payments,0.00,web\n`,
    );
    const payments = read(
      `${PAYMENTS_HEADER}\n2025-06-05 10:00:01 -0400,charge,#1001,visa,online,paid,2025-06-07,2025-06-07,50.00,1.75,48.25,#1,card,50.00,USD,USD\n`,
    );
    const ledger = new MonthlyLedger();
    for (const e of [...orders.entries, ...payments.entries]) ledger.add(e);
    const [june] = ledger.report('USD').months;
    expect(june).toMatchObject({ month: '2025-06', orders: 1, grossSales: 50, fees: 1.75 });
  });

  it('a full refund seen in both exports in the order month counts once', () => {
    const orders = read(
      `${ORDERS_HEADER}\n#1002,b@example.invalid,refunded,2025-06-05 10:00:01 -0400,USD,20.00,0.00,0.00,20.00,2025-06-05 10:00:00 -0400,1,Mug,,Shopify Payments,20.00,web\n`,
    );
    const payments = read(
      `${PAYMENTS_HEADER}\n2025-06-09 10:00:00 -0400,refund,#1002,visa,online,paid,2025-06-11,2025-06-11,-20.00,0.00,-20.00,#2,card,20.00,USD,USD\n`,
    );
    const ledger = new MonthlyLedger();
    for (const e of [...orders.entries, ...payments.entries]) ledger.add(e);
    expect(ledger.report('USD').months[0]).toMatchObject({ refunds: 20 });
  });

  it('Shop Cash adds to the order and marketplace sales tax comes off it', () => {
    const payments = read(
      `${PAYMENTS_HEADER}\n` +
        '2025-11-04 12:46:34 -0500,marketplace sales tax,#40487,unknown,online,paid,2025-11-07,2025-11-04,-3.67,0.00,-3.67,,,,,USD\n' +
        '2025-11-04 12:46:15 -0500,charge,#40487,visa,online,paid,2025-11-07,2025-11-07,49.78,1.61,48.17,#3,card,49.78,USD,USD\n' +
        '2025-11-04 12:46:15 -0500,shop_cash_credit,#40487,unknown,online,paid,2025-11-07,2025-11-04,15.00,0.37,14.63,,,,,USD\n',
    );
    expect(payments.issues).toEqual([]);
    const order = payments.entries.find((e) => e.kind === 'order');
    expect(order?.kind === 'order' && order.gross.amount).toBe(4978 + 1500 - 367);
  });

  it('payouts on their way or failed are not money received', () => {
    const payouts = read(
      'Payout Date,Status,Charges,Refunds,Adjustments,Reserved Funds,Fees,Retried Amount,Total,Currency\n' +
        '2025-07-03,in_transit,100.00,0.00,0.00,0.00,-3.00,0.00,97.00,USD\n' +
        '2025-07-02,failed,50.00,0.00,0.00,0.00,-1.50,0.00,48.50,USD\n' +
        '2025-07-01,paid,200.00,0.00,0.00,0.00,-6.00,0.00,194.00,USD\n',
    );
    const ledger = new MonthlyLedger();
    for (const e of payouts.entries) ledger.add(e);
    expect(ledger.report('USD').months[0]).toMatchObject({ month: '2025-07', payouts: 194 });
    // Charges and fees of a payout are in the other exports: not emitted again here.
    expect(new Set(payouts.entries.map((e) => e.kind))).toEqual(new Set(['payout']));
  });
});

describe('Shopify Payments rows that repeat', () => {
  const row = (date: string, type: string, order: string, amount: string, currency = 'USD') =>
    `${date},${type},${order},visa,online,paid,2025-06-07,2025-06-07,${amount},0.50,0.00,#c,card,${amount},${currency},${currency}\n`;

  it('numbers a repeated charge of an order (and its fee) in time order, and re-reads the same keys', () => {
    const text =
      PAYMENTS_HEADER +
      '\n' +
      row('2025-06-05 10:00:01 -0400', 'charge', '#7', '10.00') +
      row('2025-06-04 09:00:00 -0400', 'charge', '#7', '10.00') +
      row('2025-06-05 10:00:01 -0400', 'charge', '#7', '10.00') +
      row('2025-06-05 10:00:01 -0400', 'refund', '#7', '-10.00') +
      row('2025-06-05 10:00:01 -0400', 'charge', '#8', '10.00');
    const first = read(text);
    expect(first.issues).toEqual([]);
    const keys = (kind: string) =>
      first.entries
        .filter((e) => e.kind === kind)
        .map((e) => e.key)
        .sort();
    expect(keys('order')).toEqual([
      'shopify:order:#7',
      'shopify:order:#7:2',
      'shopify:order:#7:3',
      'shopify:order:#8',
    ]);
    // The first of the two identical rows keeps its identity; the second gets `:2`.
    expect(keys('fee')).toEqual([
      'shopify:fee:payments:2025-06-04 09:00:00 -0400|charge|#7|1000',
      'shopify:fee:payments:2025-06-05 10:00:01 -0400|charge|#7|1000',
      'shopify:fee:payments:2025-06-05 10:00:01 -0400|charge|#7|1000:2',
      'shopify:fee:payments:2025-06-05 10:00:01 -0400|charge|#8|1000',
      'shopify:fee:payments:2025-06-05 10:00:01 -0400|refund|#7|-1000',
    ]);
    // The earliest charge carries the order's own key.
    const earliest = first.entries.find((e) => e.key === 'shopify:order:#7');
    expect(earliest?.date).toBe('2025-06-04');
    expect(read(text).entries.map((e) => e.key)).toEqual(first.entries.map((e) => e.key));
  });

  it('reads the same records whether its tables were sized too small, too large or not at all', () => {
    // 6,000 rows past the reader's smallest tables: orders charged, refunded, charged again.
    let text = `${PAYMENTS_HEADER}\n`;
    for (let i = 0; i < 6000; i++) {
      const order = `#${i % 2500}`;
      const type = i % 7 === 3 ? 'refund' : 'charge';
      const amount = type === 'refund' ? `-${(i % 50) + 1}.00` : `${(i % 90) + 10}.25`;
      text += row(
        `2025-06-${String((i % 28) + 1).padStart(2, '0')} 10:00:01 -0400`,
        type,
        order,
        amount,
        i % 11 ? 'USD' : 'EUR',
      );
    }
    const unsized = read(text);
    expect(unsized.issues).toEqual([]);
    expect(unsized.entries.length).toBeGreaterThan(6000);
    const bytes = new TextEncoder().encode(text).length;
    for (const fileBytes of [1, bytes / 10, bytes, bytes * 10]) {
      expect(read(text, fileBytes).entries).toEqual(unsized.entries);
    }
  });

  it('keeps an order charged in two currencies as two orders, the second keyed with its currency', () => {
    const payments = read(
      `${PAYMENTS_HEADER}\n${row('2025-06-05 10:00:01 -0400', 'charge', '#9', '10.00')}${row('2025-06-06 10:00:01 -0400', 'charge', '#9', '12.00', 'EUR')}`,
    );
    const orders = payments.entries.filter((e) => e.kind === 'order');
    expect(orders.map((e) => (e.kind === 'order' ? [e.key, e.gross.amount, e.gross.currency] : []))).toEqual([
      ['shopify:order:#9', 1000, 'USD'],
      ['shopify:order:#9:EUR', 1200, 'EUR'],
    ]);
  });
});

describe('Shopify Payments transactions: orders emitted at the end of the file, in parts', () => {
  it('12,000 charged orders come 5,000 at a time, the same records as read at once', () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) =>
        `2025-06-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00 -0400,charge,#${50_000 - i},visa,online,paid,2025-07-03,2025-07-03,10.00,0.30,9.70,#1,card,10.00,USD,USD`,
    );
    const bytes = new TextEncoder().encode(`${PAYMENTS_HEADER}\n${rows.join('\n')}\n`);
    const orders: string[] = [];
    const reader = new ReportReader({
      fileName: 'x.csv',
      importId: 'a'.repeat(64),
      formats: FORMATS,
      onEntry: (e) => {
        if (e.kind === 'order') orders.push(e.key);
      },
    });
    reader.push(bytes);
    expect(orders).toEqual([]);
    const counts: number[] = [];
    const steps = reader.finish();
    for (let step = steps.next(); !step.done; step = steps.next()) counts.push(orders.length);
    expect(counts).toEqual([5_000, 10_000, 12_000]);
    expect(orders).toEqual(
      read(new TextDecoder().decode(bytes))
        .entries.filter((e) => e.kind === 'order')
        .map((e) => e.key),
    );
  });
});
