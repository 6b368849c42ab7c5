import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture, SOURCES_DIR } from '../../../test/source-fixtures.ts';
import { type BalanceRow, balanceEntries, payoutStatusOf } from './_balance.ts';

const row = (over: Partial<BalanceRow>): BalanceRow => ({
  line: 2,
  importId: 'a'.repeat(64),
  transactionId: 'txn_1',
  sourceId: 'po_1',
  chargeId: '',
  date: '2024-05-06',
  currency: 'USD',
  gross: -10000,
  fee: 0,
  customerFacing: undefined,
  label: 'payout',
  payoutStatus: 'paid',
  ...over,
});

describe('balanceEntries', () => {
  it('records a payout as a positive amount whichever sign the report gives it', () => {
    for (const gross of [-10000, 10000]) {
      const [payout] = balanceEntries('payout', row({ gross }));
      expect(payout).toMatchObject({
        kind: 'payout',
        amount: { amount: 10000, currency: 'USD' },
        payoutId: 'po_1',
      });
    }
  });

  it('records a payout that came back as money in', () => {
    for (const gross of [-10000, 10000]) {
      const [back] = balanceEntries('payoutReturned', row({ gross, label: 'payout_reversal' }));
      expect(back).toMatchObject({
        kind: 'adjustment',
        amount: { amount: 10000 },
        description: 'payout_reversal',
      });
    }
  });

  it('skips rows that moved nothing', () => {
    expect(balanceEntries('adjustment', row({ gross: 0, fee: 0 }))).toEqual([]);
  });
});

describe('payoutStatusOf', () => {
  it('maps Stripe payout statuses', () => {
    expect(payoutStatusOf('paid')).toBe('paid');
    expect(payoutStatusOf('')).toBe('paid');
    expect(payoutStatusOf('in_transit')).toBe('pending');
    expect(payoutStatusOf('failed')).toBe('failed');
    expect(payoutStatusOf('canceled')).toBe('failed');
  });
});

describe('one charge in the payments export and in the balance report', () => {
  it('gets the same order and fee keys from both, so importing both counts the sale once', () => {
    const charge = 'ch_3PfixAAAAAAAAAAA0aaaaaaa';
    const keysOf = (file: string) =>
      readFixture(join(SOURCES_DIR, 'stripe', 'fixtures', file))
        .entries.filter((e) => e.orderId === charge && (e.kind === 'order' || e.kind === 'fee'))
        .map((e) => e.key);
    expect(keysOf('stripe-payments.csv')).toEqual([`stripe:order:${charge}`, `stripe:fee:${charge}`]);
    expect(keysOf('stripe-balance.csv')).toEqual(keysOf('stripe-payments.csv'));
  });
});
