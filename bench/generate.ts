/**
 * Generates the benchmark inputs (deterministic): a 1,000,000-row Amazon settlement report
 * (flat file V2, tab-separated) and the same sales as a Shopify Payments transactions CSV.
 */
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SETTLEMENT_V2_COLUMNS } from '../lib/sources/amazon/settlement-v2-columns.ts';

export const BENCH_DIR = join(process.env.BENCH_DIR ?? '/tmp/tradeline-bench');

/** A small fast PRNG (mulberry32) so every run reads the same bytes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Sale {
  orderId: string;
  date: Date;
  cents: number;
  feeCents: number;
  refund: boolean;
}

function* sales(rows: number): Generator<Sale> {
  const random = rng(42);
  const start = Date.UTC(2024, 0, 1);
  const span = 730 * 86_400_000;
  for (let i = 0; i < rows; i++) {
    const cents = 500 + Math.floor(random() * 20_000);
    yield {
      orderId: `${100 + (i % 900)}-${String(1_000_000 + i).padStart(7, '0')}-${String(i * 7919)
        .padStart(7, '0')
        .slice(-7)}`,
      date: new Date(start + Math.floor((i / rows) * span)),
      cents,
      feeCents: Math.round(cents * 0.029) + 30,
      refund: random() < 0.03,
    };
  }
}

const money = (cents: number) => (cents / 100).toFixed(2);

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === 10_000) {
      if (!out.write(`${batch.join('\n')}\n`)) await new Promise<void>((ok) => out.once('drain', () => ok()));
      batch = [];
    }
  }
  if (batch.length) out.write(`${batch.join('\n')}\n`);
  await new Promise<void>((ok) => out.end(() => ok()));
}

const SETTLEMENT_HEADER = SETTLEMENT_V2_COLUMNS.join('\t');

function* settlementLines(rows: number): Generator<string> {
  yield SETTLEMENT_HEADER;
  yield [
    '11223344556',
    '2024-01-01T00:00:00+00:00',
    '2025-12-31T00:00:00+00:00',
    '2026-01-02T00:00:00+00:00',
    '123456.78',
    'USD',
    ...Array(17).fill(''),
  ].join('\t');
  let i = 0;
  // Each sale becomes three rows: Principal, Commission, FBA fee (rows counts data rows).
  for (const sale of sales(Math.ceil(rows / 3))) {
    const day = sale.date.toISOString().slice(0, 10);
    const common = (type: string, desc: string, amount: string) =>
      [
        '',
        '',
        '',
        '',
        '',
        '',
        'Order',
        sale.orderId,
        '',
        '',
        'S1',
        'Amazon.com',
        type,
        desc,
        amount,
        'AFN',
        day,
        `${day} 10:00:00 UTC`,
        `${40000000000000 + i}`,
        '',
        '',
        'SKU-1',
        '1',
      ].join('\t');
    yield common('ItemPrice', 'Principal', money(sale.cents));
    yield common('ItemFees', 'Commission', money(-Math.round(sale.cents * 0.15)));
    yield common('ItemFees', 'FBAPerUnitFulfillmentFee', money(-sale.feeCents));
    i += 3;
    if (i >= rows) return;
  }
}

const PAYMENTS_HEADER =
  'Transaction Date,Type,Order,Card Brand,Card Source,Payout Status,Payout Date,Available On,Amount,Fee,Net,Checkout,Payment Method Name,Presentment Amount,Presentment Currency,Currency';

function* paymentsLines(rows: number): Generator<string> {
  yield PAYMENTS_HEADER;
  let n = 0;
  for (const sale of sales(rows)) {
    const iso = sale.date.toISOString();
    const when = `${iso.slice(0, 10)} ${iso.slice(11, 19)} -0400`;
    const payout = iso.slice(0, 10);
    const type = sale.refund ? 'refund' : 'charge';
    const amount = sale.refund ? -sale.cents : sale.cents;
    const fee = sale.refund ? 0 : sale.feeCents;
    yield `${when},${type},#${sale.orderId},visa,online,paid,${payout},${payout},${money(amount)},${money(fee)},${money(amount - fee)},#${35756536135773 + n},card,${money(Math.abs(amount))},USD,USD`;
    n += 1;
  }
}

/** A Shopify Payments transactions CSV of `rows` sales (about 146 bytes a row). */
export async function ensurePayments(rows: number): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const payments = join(BENCH_DIR, `payment_transactions_export-${rows}.csv`);
  if (!existsSync(payments)) await write(payments, paymentsLines(rows));
  return payments;
}

export async function ensureInputs(rows = 1_000_000): Promise<{ settlement: string; payments: string }> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const settlement = join(BENCH_DIR, `settlement-v2-${rows}.txt`);
  const payments = join(BENCH_DIR, `payment_transactions_export-${rows}.csv`);
  if (!existsSync(settlement)) await write(settlement, settlementLines(rows));
  if (!existsSync(payments)) await write(payments, paymentsLines(rows));
  return { settlement, payments };
}
