import { describe, expect, it } from 'vitest';
import { parseAmount, splitCurrencyMarker } from './amounts.ts';
import { readCsv } from './csv.ts';

describe('parseAmount: the cell shapes of FORMATS.md §0.6', () => {
  it.each([
    ['1234.56', 123456],
    ['0.01', 1],
    ['-3.263,25', -326325],
    ['3.263,25', 326325],
    ['-€0.04', -4],
    ['€-0.04', -4],
    ['€323.51', 32351],
    ['($25.99)', -2599],
    ['(25.99)', -2599],
    ['AU $3,000.00', 300000],
    ['EUR 90,00', 9000],
    ['90,00 EUR', 9000],
    ['US $1,234.50', 123450],
    ['CA$12.00', 1200],
    ['-CA$12.00', -1200],
    ['R$ 1.234,56', 123456],
    ['£1,250', 125000],
    ['1 234,56', 123456],
    ['12.50-', -1250],
    ['+5.00', 500],
    ['  42  ', 4200],
    ['.5', 50],
    ['0', 0],
    ['-0.00', 0],
  ])('%s is %d minor units', (cell, minor) => {
    expect(parseAmount(cell)).toBe(minor);
  });

  it('reads PayPal\'s quoted "1,250.00" once the CSV quotes are off', () => {
    const { records } = readCsv('Gross,Fee\n"1,250.00","-36.56"\n');
    const [gross, fee] = records[1]?.cells ?? [];
    expect(parseAmount(gross ?? '')).toBe(125000);
    expect(parseAmount(fee ?? '')).toBe(-3656);
  });

  it.each(['--', '...', '', '   ', '-', '—', 'n/a'])(
    '%j is "no value" (null), not zero and not an error',
    (cell) => {
      expect(parseAmount(cell)).toBeNull();
    },
  );

  it.each([
    '12.x0',
    'hello',
    '1e5',
    '1.5e2',
    'NaN',
    'Infinity',
    '0x10',
    '#VALUE!',
    '$',
    'USD',
    '1.2.3,4,5',
    '1,234.56.78',
    '2022-13-01',
    '--5',
    '5--',
    '-5-',
  ])('%j is unreadable (undefined), so the row is reported instead of read as a number', (cell) => {
    expect(parseAmount(cell)).toBeUndefined();
  });

  it('keeps pt-BR amounts apart from US ones when the format says which decimal mark it uses', () => {
    expect(parseAmount('1.234', 2, ',')).toBe(123400);
    expect(parseAmount('1.234', 2, '.')).toBe(123);
    expect(parseAmount('1,5', 2, ',')).toBe(150);
    expect(parseAmount('1,500', 2, '.')).toBe(150000);
    expect(parseAmount('-3.263,25', 2, ',')).toBe(-326325);
    // A comma inside the fraction contradicts the declared mark.
    expect(parseAmount('1.234,5', 2, '.')).toBeUndefined();
  });

  it('auto mark: a lone comma followed by three digits is a thousands separator', () => {
    expect(parseAmount('1,000')).toBe(100000);
    expect(parseAmount('1,00')).toBe(100);
    expect(parseAmount('1,234,567')).toBe(123456700);
    expect(parseAmount('1.234.567,89')).toBe(123456789);
  });

  it('uses the currency exponent: JPY has none, KWD has three', () => {
    expect(parseAmount('¥1,234', 0)).toBe(1234);
    expect(parseAmount('1234', 0)).toBe(1234);
    expect(parseAmount('1234.4', 0)).toBe(1234);
    expect(parseAmount('1234.5', 0)).toBe(1235);
    expect(parseAmount('12.345', 3)).toBe(12345);
    expect(parseAmount('12.3', 3)).toBe(12300);
    expect(parseAmount('KWD 1.2345', 3)).toBe(1235);
  });

  it('rounds extra decimals half away from zero, exactly (no float error)', () => {
    expect(parseAmount('0.005')).toBe(1);
    expect(parseAmount('-0.005')).toBe(-1);
    expect(parseAmount('0.0049999')).toBe(0);
    expect(parseAmount('-0.0049999')).toBe(0);
    expect(parseAmount('1.005')).toBe(101); // 1.005 * 100 is 100.49999… in floating point
    expect(parseAmount('1.015')).toBe(102);
    expect(parseAmount('2.675')).toBe(268);
    expect(parseAmount('-2.675')).toBe(-268);
    expect(parseAmount('(2.675)')).toBe(-268);
    expect(parseAmount('0.994')).toBe(99);
    expect(parseAmount('0.995')).toBe(100);
  });

  it('refuses numbers too large to hold exactly instead of returning a wrong total', () => {
    expect(parseAmount('90071992547409.91')).toBe(9007199254740991);
    expect(parseAmount('90071992547409.92')).toBeUndefined();
    expect(parseAmount('99999999999999999999')).toBeUndefined();
    expect(parseAmount('9'.repeat(400))).toBeUndefined();
    expect(parseAmount(`1${'0'.repeat(100_000)}.00`)).toBeUndefined();
    expect(parseAmount('90071992547409.915')).toBeUndefined(); // rounds past the limit
  });

  it('is quick on a 100 kB garbage cell', () => {
    const started = performance.now();
    expect(parseAmount(`${'1'.repeat(100_000)}x`)).toBeUndefined();
    expect(parseAmount(`${' '.repeat(100_000)}USD`)).toBeUndefined();
    expect(parseAmount(`1${'-'.repeat(100_000)}`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('splitCurrencyMarker', () => {
  it.each([
    ['€323.51', '323.51', 'EUR'],
    ['-€0.04', '-0.04', 'EUR'],
    ['€-0.04', '-0.04', 'EUR'],
    ['£12', '12', 'GBP'],
    ['¥1,000', '1,000', 'JPY'],
    ['₹99', '99', 'INR'],
    ['$5', '5', 'USD'],
    ['US$5', '5', 'USD'],
    ['US $5', '5', 'USD'],
    ['AU $3,000.00', '3,000.00', 'AUD'],
    ['AU$3', '3', 'AUD'],
    ['A$3', '3', 'AUD'],
    ['CA$3', '3', 'CAD'],
    ['C$3', '3', 'CAD'],
    ['C $3', '3', 'CAD'],
    ['NZ$3', '3', 'NZD'],
    ['HK$3', '3', 'HKD'],
    ['S$3', '3', 'SGD'],
    ['MX$3', '3', 'MXN'],
    ['R$ 1.234,56', '1.234,56', 'BRL'],
    ['EUR 90,00', '90,00', 'EUR'],
    ['90,00 EUR', '90,00', 'EUR'],
    ['USD -5.00', '-5.00', 'USD'],
    ['-5.00 USD', '-5.00', 'USD'],
    ['12.50', '12.50', undefined],
    ['  7 ', '7', undefined],
  ])('%j is %j in %s', (cell, number, currency) => {
    expect(splitCurrencyMarker(cell)).toEqual({ number, currency });
  });

  it('an ISO code wins over a symbol in the same cell', () => {
    expect(splitCurrencyMarker('CAD $5')).toEqual({ number: '5', currency: 'CAD' });
  });
});
