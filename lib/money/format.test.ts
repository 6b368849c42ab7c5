import { describe, expect, it } from 'vitest';
import { formatMoney, formatTotals } from './format.ts';

describe('formatMoney', () => {
  it('formats minor units in the currency’s own decimals', () => {
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(123456, 'JPY', 'en')).toBe('¥123,456');
    expect(formatMoney(-500, 'EUR', 'en')).toBe('-€5.00');
  });

  it('keeps each locale and currency apart when formatting in turn (formatters are reused)', () => {
    const seen = [
      formatMoney(100, 'USD', 'en'),
      formatMoney(100, 'USD', 'zh-CN'),
      formatMoney(100, 'CNY', 'zh-CN'),
      formatMoney(100, 'JPY', 'en'),
      formatMoney(100, 'USD', 'en'),
    ];
    expect(seen).toEqual(['$1.00', 'US$1.00', '¥1.00', '¥100', '$1.00']);
  });

  it('never adds different currencies together', () => {
    expect(formatTotals({ USD: 1000, EUR: 250, GBP: 0 }, 'en')).toBe('€2.50 + $10.00');
    expect(formatTotals({}, 'en')).toBe('—');
  });
});
