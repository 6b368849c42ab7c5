import { describe, expect, it } from 'vitest';
import { BUNDLED_RATES, convert, rateFor, supportedCurrencies } from './fx.ts';

describe('bundled reference rates', () => {
  it('end at the month the table says and cover the currencies sellers are paid in', () => {
    expect(BUNDLED_RATES.lastMonth).toBe('2026-06');
    expect(supportedCurrencies()).toEqual(
      expect.arrayContaining(['USD', 'EUR', 'GBP', 'CNY', 'CAD', 'AUD', 'JPY', 'HKD', 'MXN', 'BRL', 'INR']),
    );
  });

  it('read every series as units per US dollar (known historical values)', () => {
    // The euro peaked near 1.58 USD in July 2008; the pound was about 2 USD then.
    expect(rateFor('EUR', '2008-07')?.perUsd).toBe(0.6346);
    expect(1 / (rateFor('GBP', '2008-07')?.perUsd ?? 0)).toBeGreaterThan(1.9);
    expect(rateFor('JPY', '2025-01')?.perUsd).toBe(156.4819);
    expect(rateFor('CNY', '2026-06')?.perUsd).toBe(6.7758);
  });
});

describe('convert', () => {
  it('converts minor units through USD at the month rate', () => {
    // 100.00 EUR in 2026-06 at 0.8684 EUR/USD = 115.15 USD
    expect(convert(100_00, 'EUR', 'USD', '2026-06')?.amount).toBe(115_15);
    // 1,000 JPY (no minor unit) to USD at 160.77 JPY/USD = 6.22 USD
    expect(convert(1000, 'JPY', 'USD', '2026-06')?.amount).toBe(6_22);
    // 10.00 USD to JPY = 1,608 yen (rounded to whole yen)
    expect(convert(10_00, 'USD', 'JPY', '2026-06')?.amount).toBe(1608);
    expect(convert(-100_00, 'EUR', 'USD', '2026-06')?.amount).toBe(-115_15);
  });

  it('uses the latest rate past the end of the table and says so', () => {
    const c = convert(100_00, 'EUR', 'USD', '2026-11');
    expect(c?.amount).toBe(115_15);
    expect(c?.from.note).toEqual({ kind: 'latest', usedMonth: '2026-06' });
  });

  it('uses the earliest rate before the table starts', () => {
    expect(rateFor('EUR', '1998-05')?.note).toEqual({ kind: 'earliest', usedMonth: '2000-01' });
  });

  it('has no rate for a currency the Fed does not publish', () => {
    expect(convert(100_00, 'BDT', 'USD', '2025-01')).toBeUndefined();
  });

  it('leaves same-currency amounts untouched', () => {
    expect(convert(123_45, 'USD', 'USD', '2031-01')?.amount).toBe(123_45);
  });
});
