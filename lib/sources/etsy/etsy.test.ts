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

const grossOf = (entries: readonly LedgerEntry[], id: string) => {
  const order = entries.find((e) => e.kind === 'order' && e.orderId === id);
  return order?.kind === 'order' ? order.gross.amount : undefined;
};

describe('Etsy sold orders', () => {
  it('counts value - discount + shipping, leaves cancelled orders out, and reads refunds from the Adjusted columns', () => {
    const { entries, issues } = fixture('etsy-sold-orders.csv');
    expect(issues).toEqual([]);
    expect(grossOf(entries, '3301000005')).toBeUndefined(); // Status: Canceled
    expect(grossOf(entries, '3301000001')).toBe(2949); // Order Total 31.55 holds 2.06 of remitted tax
    expect(grossOf(entries, '3301000002')).toBe(4090); // the 4.04 shipping discount is not subtracted
    expect(grossOf(entries, '3301000003')).toBe(5600); // 60.00 - 9.00 coupon + 5.00, tax left out
    // Refund: Order Total 31.00 - (Adjusted Net 28.77 + Adjusted Card Processing Fees 1.15).
    expect(sums(entries)).toEqual({ order: 18022, fee: 695 - 3, refund: 108 });
  });

  it('reads re-saved files: localised headers, ISO and misread dates, deleted columns', () => {
    const gb = fixture('etsy-sold-orders.en-gb.csv');
    expect(gb.entries.filter((e) => e.kind === 'order').map((e) => e.date)).toEqual([
      '2026-11-21',
      '2026-11-10', // "2011-10-26"
      '2026-10-04', // "2010-04-26"
      '2026-04-09', // "2004-09-26"
    ]);
    expect(gb.issues.map((i) => i.field)).toEqual(['Order Value', 'Sale Date']);
    const resaved = fixture('etsy-sold-orders.resaved.csv');
    expect(resaved.issues).toEqual([
      {
        row: null,
        field: 'cardFees',
        message: 'The file has no "Card Processing Fees" column, so card processing fees could not be read.',
      },
    ]);
    // Adjusted Order Total empty, Adjusted fees and net 0: a full refund of the 47.39 paid.
    expect(sums(resaved.entries)).toEqual({ order: 2499 + 3650 + 4500, refund: 4739 });
  });
});

describe('Etsy sold order items', () => {
  it('makes one order per Order ID, counting order shipping and discount once', () => {
    const { entries } = fixture('etsy-sold-order-items.csv');
    expect(grossOf(entries, '3400000001')).toBe(660 + 450 + 150);
    expect(grossOf(entries, '3400000002')).toBe(1500 - 150 + 500);
    // en-GB rows repeat Discount Amount 2.00 and Order Delivery 5.50 on each of three items.
    const gb = fixture('etsy-sold-order-items.en-gb.csv');
    expect(grossOf(gb.entries, '1900000001')).toBe(907 + 600 + 1000 - 200 + 550);
    expect(grossOf(gb.entries, '1900000002')).toBe(2400); // no Item Total: 2 x 12.00
  });

  it('leaves out the whole order when one of its items cannot be read', () => {
    const { entries, issues } = fixture('etsy-sold-order-items.csv');
    expect(grossOf(entries, '3400000004')).toBeUndefined();
    expect(issues).toEqual([
      {
        row: 8,
        field: 'Item Total',
        message: '"9.OO" is not an amount; the item, and with it order 3400000004, was skipped.',
      },
    ]);
  });

  it('keys orders like the sold orders file, so importing both counts each order once', () => {
    const keys = fixture('etsy-sold-order-items.csv').entries.map((e) => e.key);
    expect(keys).toEqual(['etsy:order:3400000001', 'etsy:order:3400000002', 'etsy:order:3400000003']);
    expect(fixture('etsy-sold-orders.csv').entries[0]?.key).toBe('etsy:order:3301000006');
  });
});

describe('Etsy payment account statement', () => {
  it('gives the month totals a seller would check', () => {
    const { entries, issues } = fixture('etsy-statement.csv');
    expect(issues).toEqual([]);
    expect(sums(entries)).toEqual({
      order: 14338 - 1013 + 125000, // sale less the sales tax Etsy takes back to remit
      fee: 3833 - 1930, // fees, VAT and Offsite Ads, less the credits
      refund: 9540 - 620, // refund less the sales tax Etsy gave back with it
      payout: 41230 + 112045, // amounts read from the Deposit titles
      adjustment: 6000, // "Charge for refund": the seller paid money in
    });
  });

  it('keeps two identical credit rows apart, and gives a re-saved copy the same keys', () => {
    const original = fixture('etsy-statement.csv').entries.map((e) => e.key);
    expect(new Set(original).size).toBe(original.length);
    const resaved = fixture('etsy-statement.resaved.csv');
    expect(resaved.issues).toEqual([]);
    for (const e of resaved.entries) expect(original).toContain(e.key);
  });

  it('reads CA$ amounts and the Tax Details column, and names what it cannot read', () => {
    const { entries, issues } = fixture('etsy-statement.cad.csv');
    expect(sums(entries)).toEqual({ order: 5000, fee: 1495, adjustment: -950, payout: 102510 });
    expect(issues.map((i) => [i.row, i.message])).toEqual([
      [3, 'No amount was found in "Deposit sent to your bank account"; the deposit was skipped.'],
      [9, '"Febuary 30, 2026" is not a date; the row was skipped.'],
    ]);
  });
});
