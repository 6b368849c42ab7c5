import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../source-fixtures.ts';

/*
 * No real Walmart reconciliation report was found (FORMATS.md 7, SOURCES.md): there is nothing
 * to conform to yet. These checks run over our own invented fixture instead, and compare the
 * reader with the report's own consistency rule: the PaymentSummary's Total Payable equals the
 * sum of every Amount in the settlement. When a real file turns up, add it to
 * shared/real-reports/walmart-recon/ and give it the same checks.
 */
const fixture = resolve('lib/sources/walmart/fixtures/walmart-recon.csv');

describe('Walmart recon reader (invented fixture: no real file exists)', () => {
  it('accounts for every Amount: orders + adjustments - refunds - fees - reserves = Total Payable', () => {
    const read = readFixture(fixture);
    expect(read.format).toBe('walmart-recon');
    expect(read.issues).toEqual([]);
    let net = 0;
    let payout = 0;
    for (const e of read.entries) {
      if (e.kind === 'order') net += e.gross.amount;
      else if (e.kind === 'adjustment') net += e.amount.amount;
      else if (e.kind === 'refund' || e.kind === 'fee' || e.kind === 'reserve') net -= e.amount.amount;
      else if (e.kind === 'payout') payout += e.amount.amount;
    }
    expect(net).toBe(payout);
  });

  /*
   * Figures computed with a python3 one-off over the fixture (csv.DictReader): Total Payable of
   * the PaymentSummary row 95.20; sum of Amount over all other rows 95.20; Sale rows of types
   * Product Price, Shipping Price, Promo Code, Product tax, Product tax withheld: 90.96 + 95.00
   * on 2 purchase orders; Refund price/tax rows: -19.99; Commission rows: -28.64 (sales) and
   * +3.00 (refund); other negative rows: -8.23 - 6.40 - 20.00 = -34.63.
   */
  it('sums as the python one-off does', () => {
    const read = readFixture(fixture);
    const sum = (kind: string) =>
      read.entries
        .filter((e) => e.kind === kind)
        .reduce((s, e) => s + (e.kind === 'order' ? e.gross.amount : 'amount' in e ? e.amount.amount : 0), 0);
    expect(read.entries.filter((e) => e.kind === 'order')).toHaveLength(2);
    expect(sum('order')).toBe(9096 + 9500);
    expect(sum('refund')).toBe(1999);
    expect(sum('fee')).toBe(2864 - 300 + 3463);
    expect(sum('payout')).toBe(9520);
    expect(readFileSync(fixture, 'utf8').split('\n')[1]).toContain('PaymentSummary');
  });
});
