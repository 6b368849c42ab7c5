import { describe, expect, it } from 'vitest';
import { Occurrences } from '../entries.ts';
import { currencyOfCell, ebayAmount } from './_helpers.ts';

describe('currencyOfCell', () => {
  it('names the currency of eBay money cells', () => {
    expect(currencyOfCell('$43.00')).toBe('USD');
    expect(currencyOfCell('AU $3,000.00')).toBe('AUD');
    expect(currencyOfCell('C $5.00')).toBe('CAD');
    expect(currencyOfCell('£12.50')).toBe('GBP');
    expect(currencyOfCell('EUR 90,00')).toBe('EUR');
    expect(currencyOfCell('-$4.10')).toBe('USD');
  });

  it('is undefined for bare numbers and empty cells', () => {
    expect(currencyOfCell('80.00')).toBeUndefined();
    expect(currencyOfCell('-1,234.56')).toBeUndefined();
    expect(currencyOfCell('')).toBeUndefined();
    expect(currencyOfCell('--')).toBeUndefined();
    // Not amounts: they name no currency (an 80.00 AUD order must not become EUR).
    expect(currencyOfCell('€€')).toBeUndefined();
    expect(currencyOfCell('EUR abc')).toBeUndefined();
  });
});

describe('ebayAmount', () => {
  it('reads US, EU and AU money cells to minor units', () => {
    expect(ebayAmount('$1,250.00', 'USD')).toBe(125000);
    expect(ebayAmount('EUR 90,00', 'EUR')).toBe(9000);
    expect(ebayAmount('EUR 1.234,50', 'EUR')).toBe(123450);
    expect(ebayAmount('AU $3,000.00', 'AUD')).toBe(300000);
    expect(ebayAmount('-1,234.56', 'USD')).toBe(-123456);
  });

  it('reads `--` as empty and reports what is not a number', () => {
    expect(ebayAmount('--', 'USD')).toBeNull();
    expect(ebayAmount('£1O.00', 'GBP')).toBeUndefined();
  });
});

describe('Occurrences', () => {
  it('numbers repeats of a key', () => {
    const o = new Occurrences('#');
    expect([o.key('x'), o.key('x'), o.key('y')]).toEqual(['x', 'x#2', 'y']);
  });
});
