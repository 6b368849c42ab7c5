import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/source-fixtures.ts';
import type { LedgerEntry } from '../../domain/records.ts';

const fixture = (name: string) => readFixture(join(__dirname, 'fixtures', name));

/** Sum per record kind (orders: gross), in minor units of the file's one currency. */
function sums(entries: readonly LedgerEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) {
    out[e.kind] = (out[e.kind] ?? 0) + (e.kind === 'order' ? e.gross.amount : e.amount.amount);
  }
  return out;
}

const orderOf = (entries: readonly LedgerEntry[], id: string) =>
  entries.find((e) => e.kind === 'order' && e.orderId === id);

describe('eBay orders report', () => {
  it('counts a multi-item order once, from its summary row, without the tax eBay remits', () => {
    const { entries, issues } = fixture('ebay-orders.csv');
    expect(issues).toEqual([]);
    // Summary row: Total Price $37.80 with $2.80 eBay Collected Tax; its item rows are not added.
    expect(orderOf(entries, '19-13502-11111')).toMatchObject({ gross: { amount: 3500, currency: 'USD' } });
    expect(entries.filter((e) => e.orderId === '19-13502-11111')).toHaveLength(1);
  });

  it('leaves unpaid orders out and keeps a total that does not include the tax', () => {
    const { entries } = fixture('ebay-orders.csv');
    expect(orderOf(entries, '04-13503-22222')).toBeUndefined();
    expect(orderOf(entries, '08-13505-44444')).toMatchObject({ gross: { amount: 2400 } });
    expect(entries.map((e) => e.date)).toEqual(['2026-10-05', '2026-10-06', '2026-10-31', '2026-10-12']);
    expect(sums(entries)).toEqual({ order: 4950 + 3500 + 125000 + 2400 });
  });

  it('reads EUR decimal commas, AU $ markers and UK postage, and names an unreadable total', () => {
    expect(fixture('ebay-orders.eu.csv').entries.map((e) => e.kind === 'order' && e.gross)).toEqual([
      { amount: 9490, currency: 'EUR' },
      { amount: 123450, currency: 'EUR' },
    ]);
    // AU $3,327.50 less AU $302.50 GST; the next order's bare "80.00" takes the file's AUD.
    expect(fixture('ebay-orders.au.csv').entries.map((e) => e.kind === 'order' && e.gross)).toEqual([
      { amount: 302500, currency: 'AUD' },
      { amount: 8000, currency: 'AUD' },
    ]);
    const uk = fixture('ebay-orders.uk.csv');
    expect(sums(uk.entries)).toEqual({ order: 1570 + 4499 });
    expect(uk.issues).toEqual([
      {
        row: 8,
        field: 'Total Price',
        message: 'Order 23-09871-33333 has a Total Price of "£1O.00", not an amount; it was skipped.',
      },
    ]);
  });
});

describe('eBay transaction report', () => {
  it('gives the month totals a seller would check', () => {
    const { entries, format, headerLine } = fixture('ebay-transactions.csv');
    expect(format).toBe('ebay-transactions');
    expect(headerLine).toBe(11); // BOM + 10 preamble lines ending "Seller","sunny_attic_finds"
    expect(sums(entries)).toEqual({
      order: 2500 + 4700, // gross less eBay collected tax: 26.60-1.60, 51.40-(2.80+1.60)
      fee: 354 + 662 - 324 + 235, // order fees, the refunded final value fee, a promoted listings fee
      refund: 2500, // -26.60 gross, less the -1.60 eBay collected tax
      payout: 123456, // the Payout row only; Payout ID on order rows is not a payout
      chargeback: 3500,
      reserve: 0, // hold placed, then released
      adjustment: 1500 + 1250 - 895, // transfer in, claim closed in the seller's favour, label
    });
  });

  it('gathers a rollup row and its item rows into one order, and uses the same key as the orders report', () => {
    const { entries } = fixture('ebay-transactions.csv');
    const orders = entries.filter((e) => e.kind === 'order');
    expect(orders.map((e) => e.key)).toEqual(['ebay:order:22-14002-00002', 'ebay:order:11-14001-00001']);
    const orderKeys = fixture('ebay-orders.csv').entries.map((e) => e.key);
    expect(orderKeys).toContain('ebay:order:12-13501-24680');
  });

  it('falls back to item subtotal + shipping when the seller removed the gross column', () => {
    const { entries, issues } = fixture('ebay-transactions.custom.csv');
    expect(sums(entries)).toEqual({ order: 1750 + 102000, fee: 253 + 14718 - 74, refund: 500, payout: 1497 });
    expect(issues).toEqual([
      {
        row: 13,
        field: 'Item subtotal',
        message: '"12,5O" is not an amount; order 07-20001-00003 was skipped.',
      },
    ]);
  });

  it('gives the same keys when the file is read again', () => {
    const keys = () => fixture('ebay-transactions.csv').entries.map((e) => e.key);
    expect(keys()).toEqual(keys());
    expect(new Set(keys()).size).toBe(keys().length);
  });
});
